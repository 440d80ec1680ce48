// (Person)-[:DISCUSSED {file, line, sentence}]->(Discussion): one edge per person and discussion.
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (d:Discussion {id: row.discussionId})
MERGE (p)-[r:DISCUSSED]->(d)
SET r.file = row.file, r.line = row.line, r.sentence = row.sentence
