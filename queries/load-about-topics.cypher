// (Discussion)-[:ABOUT {file, line, sentence}]->(Topic)
UNWIND $rows AS row
MATCH (d:Discussion {id: row.discussionId})
MATCH (t:Topic {id: row.targetId})
MERGE (d)-[r:ABOUT]->(t)
SET r.file = row.file, r.line = row.line, r.sentence = row.sentence
