// Named query `person`, first part: the person $id, the meetings they ATTENDED (once each, whatever
// the role, by date then id), the first and last meeting dates where they ATTENDED or DISCUSSED
// something, how many action items they OWN (every one is RAISED_IN a discussion of a meeting, so
// this is the total of the `actions` query for them), how many
// discussions they DISCUSSED and how many per month (`YYYY-MM` of the meeting date, ascending;
// months without any are absent; the edge is merged, so each counts once), and their
// projects — those of the discussions they DISCUSSED, count = those discussions ABOUT the project,
// by count descending, then name, then id. No row when there is no such person. A discussion's
// date is its copy of its meeting's (load-meetings.cypher). The projects are read from the
// person's stored pair weights (load-person-weights.cypher), which count exactly these
// discussions, rather than from their hundreds of discussions' edges; they are in this statement,
// not one of their own, as each statement costs a round trip (so are the meetings: as a statement
// of their own, run beside this one, the two took 13 ms at the median over the corpus's busiest
// person, and 5.8 ms as one). The edges' far ends go unlabelled:
// ATTENDED reaches only meetings, DISCUSSED only discussions and OWNS only action items, so the
// labels need no check (the action items are then counted from the person's degree; 1–1.5 ms of
// 11–12 at 10,000 meetings).
MATCH (p:Person {id: $id})
OPTIONAL MATCH (p)-[:ATTENDED]->(attended)
WITH p, min(attended.date) AS firstAttended, max(attended.date) AS lastAttended
OPTIONAL MATCH (p)-[:DISCUSSED]->(d)
WITH p, firstAttended, lastAttended, substring(d.date, 0, 7) AS period, count(d) AS value, min(d.date) AS first, max(d.date) AS last
ORDER BY period
WITH p, firstAttended, lastAttended,
     collect(CASE WHEN period IS NULL THEN null ELSE {period: period, value: value} END) AS perMonth,
     sum(value) AS discussionCount,
     min(first) AS firstDiscussed,
     max(last) AS lastDiscussed
RETURN p.id AS id,
       p.name AS name,
       p.aliases AS aliases,
       CASE WHEN firstDiscussed IS NULL OR firstAttended <= firstDiscussed THEN firstAttended ELSE firstDiscussed END AS firstSeen,
       CASE WHEN lastDiscussed IS NULL OR lastAttended >= lastDiscussed THEN lastAttended ELSE lastDiscussed END AS lastSeen,
       COUNT { (p)-[:OWNS]->() } AS actionCount,
       discussionCount,
       perMonth,
       COLLECT {
         UNWIND range(0, size(p.pairIds) - 1) AS i
         MATCH (j:Project {id: p.pairIds[i]})
         WITH j.id AS id, j.name AS name, p.pairWeights[i] AS count
         ORDER BY count DESC, name, id
         RETURN {id: id, name: name, count: count}
       } AS projects,
       COLLECT {
         MATCH (p)-[:ATTENDED]->(m)
         WITH DISTINCT m
         ORDER BY m.date, m.id
         RETURN {meetingId: m.id, meeting: m.date, title: m.title}
       } AS meetings
