// (Person)-[:DISCUSSED {file, line, sentence}]->(Discussion): one edge per person and discussion.
// CREATE, not MERGE: one end is a node created in this transaction, and the store sends each
// edge once.
UNWIND $load.rows AS row
MATCH (p:Person {id: row.personId})
MATCH (d:Discussion {id: row.discussionId})
CREATE (p)-[:DISCUSSED {file: row.file, line: row.line, sentence: row.sentence}]->(d)
