// Named query `neighbourhood`, the nodes within $from/$to (inclusive, null = open) with their
// weights: for a person the discussions they DISCUSSED, for a project the discussions ABOUT it;
// `links`, how many of those are also about a project (for a person) or were discussed by someone
// (for a project), so that a node has an edge in the range when it has a link; and `everyDate`,
// as neighbourhood-months.cypher returns it. The store reads whole months from
// neighbourhood-months.cypher and only the days around them from here, and adds both up before it
// keeps the linked nodes. `m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')`
// rather than `$from IS NULL OR …` lets the planner seek the meeting_date index between both
// bounds (every meeting has a `YYYY-MM-DD` date: every string is >= '', and U+FFFF sorts after
// every character a date holds).
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (p:Person)-[:DISCUSSED]->(d)
WITH p, d, EXISTS { (d)-[:ABOUT]->(:Project) } AS linked
WITH p, count(DISTINCT d) AS weight, count(CASE WHEN linked THEN 1 END) AS links
RETURN p.id AS id, p.name AS name, 'person' AS kind, weight, links, p.weightTotal AS everyDate
UNION ALL
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (d)-[:ABOUT]->(j:Project)
WITH j, d, EXISTS { (:Person)-[:DISCUSSED]->(d) } AS linked
WITH j, count(DISTINCT d) AS weight, count(CASE WHEN linked THEN 1 END) AS links
RETURN j.id AS id, j.name AS name, 'project' AS kind, weight, links, j.weightTotal AS everyDate
