// Snapshot: every DISCUSSED edge.
MATCH (p:Person)-[r:DISCUSSED]->(d:Discussion)
RETURN p.id AS personId, d.id AS discussionId, r.file AS file, r.line AS line, r.sentence AS sentence
