// Named query `person`, action items part: the newest $limit action items the person $id OWNS,
// newest first (the store turns them round into the order of the `actions` query, of which they
// are the last rows). Each discussion holds its meeting's date and id (load-meetings.cypher), so
// the meetings are not visited; ORDER BY … LIMIT keeps only the top rows instead of sorting all.
MATCH (p:Person {id: $id})-[:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)
WITH p, a, d
ORDER BY d.date DESC, d.meetingId DESC, d.order DESC, a.id DESC
LIMIT $limit
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
