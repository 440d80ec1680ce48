// Named query `discussions` with $projects only (a list; [] matches nothing): the discussions ABOUT
// any of them, starting from the projects so that the planner seeks the unique index on Project.id;
// DISTINCT keeps a discussion about two of them once. The meeting's date is within $from/$to
// (inclusive, null = open).
// Same rows, columns and order as discussions.cypher.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (j:Project)<-[:ABOUT]-(d:Discussion)
  WHERE j.id IN $projects
  WITH DISTINCT d
  MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d)
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
  RETURN count(*) AS total
}
MATCH (j:Project)<-[:ABOUT]-(d:Discussion)
WHERE j.id IN $projects
WITH DISTINCT total, d
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
WITH total, m, d
ORDER BY m.date, m.id, d.order
SKIP $offset LIMIT $limit
RETURN d.id AS discussionId,
       m.id AS meetingId,
       m.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order
