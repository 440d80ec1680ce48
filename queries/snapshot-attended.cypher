// Snapshot: every ATTENDED edge.
MATCH (p:Person)-[r:ATTENDED]->(m:Meeting)
RETURN p.id AS personId, m.id AS meetingId, r.role AS role, r.file AS file, r.line AS line, r.sentence AS sentence
