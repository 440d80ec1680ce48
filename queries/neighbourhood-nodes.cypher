// Named query `neighbourhood`, node weights within $from/$to (inclusive, null = open): for a person
// the discussions they DISCUSSED, for a project the discussions ABOUT it. The date bound is written
// as in neighbourhood-edges.cypher, so that the planner can seek the meeting_date index.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (p:Person)-[:DISCUSSED]->(d)
RETURN p.id AS id, p.name AS name, 'person' AS kind, count(DISTINCT d) AS weight
UNION ALL
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (d)-[:ABOUT]->(j:Project)
RETURN j.id AS id, j.name AS name, 'project' AS kind, count(DISTINCT d) AS weight
