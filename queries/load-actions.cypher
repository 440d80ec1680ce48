// Creates ActionItem nodes with (Person)-[:OWNS {file, line, sentence}]->(ActionItem)-[:RAISED_IN]->(Discussion)
// and (ActionItem)-[:CONCERNS]->(Project) for each of `row.projectIds`. The OWNS edge carries the
// action item's evidence. CREATE, not MERGE: the action item is new in this transaction (see
// `delete-meeting`), so none of its edges can exist, and the store sends each edge once.
UNWIND $load.rows AS row
MATCH (p:Person {id: row.ownerId})
MATCH (d:Discussion {id: row.discussionId})
// `orderKey` is the item's place in the `actions` order as one string (see
// action-order-keys.cypher), from the discussion's copies of its meeting's date and id, written
// with the meeting just before. It is written in the CREATE: as a SET after it, the 10,000-meeting
// load took 10–12 s longer.
CREATE (p)-[:OWNS {file: row.file, line: row.line, sentence: row.sentence}]->(a:ActionItem {
         id: row.id,
         task: row.task,
         status: row.status,
         orderKey: d.date + '\u0000' + d.meetingId + '\u0000' + right('000000' + toString(d.order), 6) + '\u0000' + row.id
       })-[:RAISED_IN]->(d)
WITH a, row
UNWIND row.projectIds AS projectId
MATCH (project:Project {id: projectId})
CREATE (a)-[:CONCERNS]->(project)
