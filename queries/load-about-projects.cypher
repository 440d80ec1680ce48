// (Discussion)-[:ABOUT {file, line, sentence}]->(Project)
UNWIND $rows AS row
MATCH (d:Discussion {id: row.discussionId})
MATCH (p:Project {id: row.targetId})
MERGE (d)-[r:ABOUT]->(p)
SET r.file = row.file, r.line = row.line, r.sentence = row.sentence
