// Named query `neighbourhood`, edges: person→project weighted by the discussions in meetings dated
// within $from/$to (inclusive, null = open) that the person DISCUSSED and that are ABOUT the project.
// The center and the limit are applied afterwards (src/store/neighbourhood.ts).
// `m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')` rather than
// `$from IS NULL OR …` lets the planner seek the meeting_date index between both bounds (every
// meeting has a `YYYY-MM-DD` date: every string is >= '', and U+FFFF sorts after every character a
// date holds).
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (p:Person)-[:DISCUSSED]->(d)-[:ABOUT]->(j:Project)
RETURN p.id AS source, j.id AS target, count(DISTINCT d) AS weight
ORDER BY source, target
