// Named query `actions` with $person (also the action list of `person`): the actions that person
// OWNS, starting from them so that the planner seeks the unique index on Person.id. The other
// filters are ANDed, an absent one is null: the action CONCERNS $project; the discussion it was
// RAISED_IN is ABOUT $discussionProject; its status is $status;
// the meeting it was RAISED_IN is dated within $from/$to (inclusive).
// Same rows, columns and order as actions.cypher.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (p:Person {id: $person})-[:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
  WHERE ($status IS NULL OR a.status = $status)
    AND ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
    AND ($project IS NULL OR EXISTS { (a)-[:CONCERNS]->(:Project {id: $project}) })
    AND ($discussionProject IS NULL OR EXISTS { (d)-[:ABOUT]->(:Project {id: $discussionProject}) })
  RETURN count(*) AS total
}
MATCH (p:Person {id: $person})-[:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
WHERE ($status IS NULL OR a.status = $status)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($project IS NULL OR EXISTS { (a)-[:CONCERNS]->(:Project {id: $project}) })
  AND ($discussionProject IS NULL OR EXISTS { (d)-[:ABOUT]->(:Project {id: $discussionProject}) })
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
