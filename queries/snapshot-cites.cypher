// Snapshot: every CITES edge.
MATCH (d:Discussion)-[c:CITES]->(r:Reference)
RETURN d.id AS discussionId, r.id AS referenceId, c.file AS file, c.line AS line, c.sentence AS sentence
