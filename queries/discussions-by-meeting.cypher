// Named query `discussions` with $meeting: the discussions of that meeting, starting from it so that
// the planner seeks the unique index on Meeting.id. The other filters are ANDed, an absent one is
// null: $person DISCUSSED it; it is ABOUT any of $projects (a list; [] matches nothing); it is
// ABOUT $topic; the meeting's date is within $from/$to, inclusive.
// Same rows, columns and order as discussions.cypher.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (m:Meeting {id: $meeting})-[:HAS_DISCUSSION]->(d:Discussion)
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
    AND ($person IS NULL OR EXISTS { (:Person {id: $person})-[:DISCUSSED]->(d) })
    AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
    AND ($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })
  RETURN count(*) AS total
}
MATCH (m:Meeting {id: $meeting})-[:HAS_DISCUSSION]->(d:Discussion)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($person IS NULL OR EXISTS { (:Person {id: $person})-[:DISCUSSED]->(d) })
  AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
  AND ($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })
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
