// ActionItem nodes with (Person)-[:OWNS {file, line, sentence}]->(ActionItem)-[:RAISED_IN]->(Discussion).
// The OWNS edge carries the action item's evidence.
UNWIND $rows AS row
MATCH (p:Person {id: row.ownerId})
MATCH (d:Discussion {id: row.discussionId})
MERGE (a:ActionItem {id: row.id})
SET a.task = row.task, a.status = row.status
MERGE (p)-[o:OWNS]->(a)
SET o.file = row.file, o.line = row.line, o.sentence = row.sentence
MERGE (a)-[:RAISED_IN]->(d)
