// Named query `person`, first part: the person $id, the first and last meeting dates where they
// ATTENDED or DISCUSSED something, how many action items they OWN (every one is RAISED_IN a
// discussion of a meeting, so this is the total of the `actions` query for them), and their
// projects — those of the discussions they DISCUSSED, count = those discussions ABOUT the project,
// by count descending, then name, then id. No row when there is no such person. A discussion's
// date is its copy of its meeting's (load-meetings.cypher). The projects are read from the
// person's stored pair weights (load-person-weights.cypher), which count exactly these
// discussions, rather than from their hundreds of discussions' edges; they are in this statement,
// not one of their own, as each statement costs a round trip.
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:ATTENDED]->(attended:Meeting)
WITH p, min(attended.date) AS firstAttended, max(attended.date) AS lastAttended
OPTIONAL MATCH (p)-[:DISCUSSED]->(d:Discussion)
WITH p, firstAttended, lastAttended, min(d.date) AS firstDiscussed, max(d.date) AS lastDiscussed
RETURN p.id AS id,
       p.name AS name,
       p.aliases AS aliases,
       CASE WHEN firstDiscussed IS NULL OR firstAttended <= firstDiscussed THEN firstAttended ELSE firstDiscussed END AS firstSeen,
       CASE WHEN lastDiscussed IS NULL OR lastAttended >= lastDiscussed THEN lastAttended ELSE lastDiscussed END AS lastSeen,
       COUNT { (p)-[:OWNS]->(:ActionItem) } AS actionCount,
       COLLECT {
         UNWIND range(0, size(p.pairIds) - 1) AS i
         MATCH (j:Project {id: p.pairIds[i]})
         WITH j.id AS id, j.name AS name, p.pairWeights[i] AS count
         ORDER BY count DESC, name, id
         RETURN {id: id, name: name, count: count}
       } AS projects
