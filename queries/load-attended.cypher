// (Person)-[:ATTENDED {role, file, line, sentence}]->(Meeting): one edge per person, meeting and role.
// CREATE, not MERGE: one end is a node created in this transaction, and the store sends each
// edge once.
UNWIND $load.rows AS row
MATCH (p:Person {id: row.personId})
MATCH (m:Meeting {id: row.meetingId})
CREATE (p)-[:ATTENDED {role: row.role, file: row.file, line: row.line, sentence: row.sentence}]->(m)
