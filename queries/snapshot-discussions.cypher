// Snapshot: every Discussion with its meeting.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
RETURN d.id AS id, m.id AS meetingId, d.heading AS heading, d.text AS text, d.order AS order, d.line AS line
