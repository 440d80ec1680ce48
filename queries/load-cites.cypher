// (Discussion)-[:CITES {file, line, sentence}]->(Reference)
UNWIND $rows AS row
MATCH (d:Discussion {id: row.discussionId})
MATCH (r:Reference {id: row.referenceId})
MERGE (d)-[c:CITES]->(r)
SET c.file = row.file, c.line = row.line, c.sentence = row.sentence
