// Named query `neighbourhood`, edges: person→project weighted by the discussions in meetings dated
// within $from/$to (inclusive, null = open) that the person DISCUSSED and that are ABOUT the project.
// The center and the limit are applied afterwards (src/store/neighbourhood.ts).
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE ($from IS NULL OR m.date >= $from) AND ($to IS NULL OR m.date <= $to)
MATCH (p:Person)-[:DISCUSSED]->(d)-[:ABOUT]->(j:Project)
RETURN p.id AS source, j.id AS target, count(DISTINCT d) AS weight
ORDER BY source, target
