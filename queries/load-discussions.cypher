// Writes Discussion nodes under their meeting. `snippet` is precomputed (whitespace collapsed,
// first 200 characters) so that discussion rows need no text processing in Cypher.
UNWIND $rows AS row
MATCH (m:Meeting {id: row.meetingId})
MERGE (d:Discussion {id: row.id})
SET d.heading = row.heading, d.text = row.text, d.snippet = row.snippet, d.order = row.order, d.line = row.line
MERGE (m)-[:HAS_DISCUSSION]->(d)
