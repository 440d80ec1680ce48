// Named query `actions` with $discussionProject and neither owner nor project: the actions raised
// in a discussion ABOUT that project, starting from it so that the planner seeks the unique index
// on Project.id. ABOUT is one edge per discussion and target, so no action comes twice. The other
// filters are ANDed, an absent one is null: its status is $status; the meeting it was RAISED_IN is
// dated within $from/$to (inclusive).
// Same rows, columns and order as actions.cypher.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (:Project {id: $discussionProject})<-[:ABOUT]-(d:Discussion)<-[:RAISED_IN]-(a:ActionItem)<-[:OWNS]-(p:Person),
        (m:Meeting)-[:HAS_DISCUSSION]->(d)
  WHERE ($status IS NULL OR a.status = $status)
    AND ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
  RETURN count(*) AS total
}
MATCH (:Project {id: $discussionProject})<-[:ABOUT]-(d:Discussion)<-[:RAISED_IN]-(a:ActionItem)<-[:OWNS]-(p:Person),
      (m:Meeting)-[:HAS_DISCUSSION]->(d)
WHERE ($status IS NULL OR a.status = $status)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
WITH total, p, a, d, m
ORDER BY m.date, m.id, d.order, a.id
SKIP $offset LIMIT $limit
RETURN a.id AS actionId,
       p.id AS personId,
       p.name AS person,
       a.task AS task,
       a.status AS status,
       m.id AS meetingId,
       m.date AS meeting,
       d.id AS discussionId,
       d.heading AS heading,
       COLLECT { MATCH (a)-[:CONCERNS]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order, actionId
