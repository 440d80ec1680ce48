// Named query `project`, action items part: the newest $limit action items that CONCERN the
// project $id, newest first (the store turns them round into the order of the `actions` query,
// of which they are the last rows). The CONCERNS edge is one per action and project. Each item
// holds its place in that order as one string (action-order-keys.cypher): ORDER BY … LIMIT keeps
// the top keys without sorting all, and only those items' owners and discussions are visited.
MATCH (:Project {id: $id})<-[:CONCERNS]-(a:ActionItem)
WITH a
ORDER BY a.orderKey DESC
LIMIT $limit
MATCH (p:Person)-[:OWNS]->(a)-[:RAISED_IN]->(d:Discussion)
RETURN a.id AS actionId,
       p.id AS personId,
       p.name AS person,
       a.task AS task,
       a.status AS status,
       d.meetingId AS meetingId,
       d.date AS meeting,
       d.id AS discussionId,
       d.heading AS heading,
       COLLECT { MATCH (a)-[:CONCERNS]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects
ORDER BY a.orderKey DESC
