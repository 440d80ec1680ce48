// Named query `project`, first part: the project $id with the first and last date of a meeting
// where a discussion was ABOUT it, and how many action items CONCERN it (the total of the
// `actions` query for it). No row when there is no such project. The dates are the discussions'
// copies of their meeting's (load-meetings.cypher).
MATCH (j:Project {id: $id})
OPTIONAL MATCH (d:Discussion)-[:ABOUT]->(j)
WITH j, min(d.date) AS firstDiscussed, max(d.date) AS lastDiscussed
RETURN j.id AS id, j.name AS name, j.aliases AS aliases, j.origin AS origin,
       firstDiscussed, lastDiscussed,
       COUNT { (j)<-[:CONCERNS]-(:ActionItem) } AS actionCount
