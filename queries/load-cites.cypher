// (Discussion)-[:CITES {file, line, sentence}]->(Reference)
// CREATE, not MERGE: one end is a node created in this transaction, and the store sends each
// edge once.
UNWIND $load.rows AS row
MATCH (d:Discussion {id: row.discussionId})
MATCH (r:Reference {id: row.referenceId})
CREATE (d)-[:CITES {file: row.file, line: row.line, sentence: row.sentence}]->(r)
