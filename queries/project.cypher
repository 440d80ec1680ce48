// Named query `project`, first part: the project $id with the first and last date of a meeting
// where a discussion was ABOUT it, how many discussions and how many per month (`[YYYY-MM,
// count]` lists, by the meeting date's month ascending; months without any are absent), and how
// many action items CONCERN it (the total of the `actions` query for it). No row when there is
// no such project. The dates are the discussions' copies of their meeting's (load-meetings.cypher),
// so the meetings are not visited; ABOUT is one edge per discussion and target, so each
// discussion counts once. One statement reads the discussions once for the dates and the
// months: each statement costs a round trip.
MATCH (j:Project {id: $id})
OPTIONAL MATCH (d:Discussion)-[:ABOUT]->(j)
WITH j, substring(d.date, 0, 7) AS period, count(d) AS value, min(d.date) AS first, max(d.date) AS last
ORDER BY period
WITH j,
     collect(CASE WHEN period IS NULL THEN null ELSE [period, value] END) AS perMonth,
     sum(value) AS discussionCount,
     min(first) AS firstDiscussed,
     max(last) AS lastDiscussed
RETURN j.id AS id, j.name AS name, j.aliases AS aliases, j.origin AS origin,
       firstDiscussed, lastDiscussed, perMonth, discussionCount,
       COUNT { (j)<-[:CONCERNS]-(:ActionItem) } AS actionCount
