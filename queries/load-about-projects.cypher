// (Discussion)-[:ABOUT {file, line, sentence}]->(Project)
// CREATE, not MERGE: one end is a node created in this transaction, and the store sends each
// edge once.
UNWIND $load.rows AS row
MATCH (d:Discussion {id: row.discussionId})
MATCH (p:Project {id: row.targetId})
CREATE (d)-[:ABOUT {file: row.file, line: row.line, sentence: row.sentence}]->(p)
