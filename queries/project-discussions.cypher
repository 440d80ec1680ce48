// Named query `project`, discussions part: the newest $limit discussions ABOUT the project $id,
// newest first (the store turns them round into the order of the `discussions` query, of which
// they are the last rows), with the columns of that query. Dates, order and meeting ids are the
// discussion's copies (load-meetings.cypher), so no meeting is visited; ORDER BY … LIMIT keeps
// the top rows without sorting all, and only those discussions' people and projects are read.
MATCH (:Project {id: $id})<-[:ABOUT]-(d:Discussion)
WITH d
ORDER BY d.date DESC, d.meetingId DESC, d.order DESC
LIMIT $limit
RETURN d.id AS discussionId,
       d.meetingId AS meetingId,
       d.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects
ORDER BY meeting DESC, meetingId DESC, d.order DESC
