// Named query `neighbourhood`, the nodes within $from/$to (inclusive, null = open) that have an edge
// there, with their weights: for a person the discussions they DISCUSSED, for a project the
// discussions ABOUT it. A node has an edge when one of those discussions is also about a project
// (for a person) or was discussed by someone (for a project); the others are never shown, so they
// are not sent. `m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')` rather than
// `$from IS NULL OR …` lets the planner seek the meeting_date index between both bounds (every
// meeting has a `YYYY-MM-DD` date: every string is >= '', and U+FFFF sorts after every character a
// date holds).
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (p:Person)-[:DISCUSSED]->(d)
WITH p, d, EXISTS { (d)-[:ABOUT]->(:Project) } AS linked
WITH p, count(DISTINCT d) AS weight, count(CASE WHEN linked THEN 1 END) AS links
WHERE links > 0
RETURN p.id AS id, p.name AS name, 'person' AS kind, weight
UNION ALL
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (d)-[:ABOUT]->(j:Project)
WITH j, d, EXISTS { (:Person)-[:DISCUSSED]->(d) } AS linked
WITH j, count(DISTINCT d) AS weight, count(CASE WHEN linked THEN 1 END) AS links
WHERE links > 0
RETURN j.id AS id, j.name AS name, 'project' AS kind, weight
