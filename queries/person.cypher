// Named query `person`, first part: the person $id, the meetings they ATTENDED (once each, whatever
// the role, by date then id; each an [id, date, title] list), the first and last meeting dates
// where they ATTENDED or DISCUSSED something, how many action items they OWN (every one is
// RAISED_IN a discussion of a meeting, so this is the total of the `actions` query for them), how
// many discussions they DISCUSSED and how many per month (`[YYYY-MM, count]` lists, by the
// meeting date's month ascending; months without any are absent; the edge is merged, so each
// counts once), and their projects — those of the discussions they DISCUSSED, count = those
// discussions ABOUT the project, each an [id, name, count] list in no order (the store sorts them
// by count descending, then name, then id). No row when there is no such person. A discussion's
// date is its copy of its meeting's (load-meetings.cypher). The projects are read from the
// person's stored pair weights (load-person-weights.cypher), which count exactly these
// discussions, rather than from their hundreds of discussions' edges; they are in this statement,
// not one of their own, as each statement costs a round trip (so are the meetings: as a statement
// of their own, run beside this one, the two took 13 ms at the median over the corpus's busiest
// person, and 5.8 ms as one). Lists, not maps, which send their keys with every one: at 10,000
// meetings the busiest person's 230 projects, 150 months and hundreds of meetings took 10.0–11.7
// ms at the median as maps, 7.3–8.5 as lists. The edges' far ends go unlabelled:
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
     collect(CASE WHEN period IS NULL THEN null ELSE [period, value] END) AS perMonth,
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
         RETURN [j.id, j.name, p.pairWeights[i]]
       } AS projects,
       COLLECT {
         MATCH (p)-[:ATTENDED]->(m)
         WITH DISTINCT m
         ORDER BY m.date, m.id
         RETURN [m.id, m.date, m.title]
       } AS meetings
