// Named query `discussions` with $topic (and no meeting or person): the discussions ABOUT that topic,
// starting from it so that the planner seeks the unique index on Topic.id. The other filters are
// ANDed, an absent one is null: it is ABOUT any of $projects (a list; [] matches nothing); the
// meeting's date is within $from/$to, inclusive. The ABOUT edge is merged (load-about-topics.cypher),
// so no row comes twice.
// Same rows, columns and order as discussions.cypher. Dates, order and meeting ids are read from
// the discussion (its `date` and `meetingId`, load-meetings.cypher): visiting 3,674 discussions'
// meetings to order them took most of a first page's 40 ms at 10,000 meetings.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (:Topic {id: $topic})<-[:ABOUT]-(d:Discussion)
  WHERE ($from IS NULL OR d.date >= $from)
    AND ($to IS NULL OR d.date <= $to)
    AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
  RETURN count(*) AS total
}
MATCH (:Topic {id: $topic})<-[:ABOUT]-(d:Discussion)
WHERE ($from IS NULL OR d.date >= $from)
  AND ($to IS NULL OR d.date <= $to)
  AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
WITH total, d
ORDER BY d.date, d.meetingId, d.order
SKIP $offset LIMIT $limit
RETURN d.id AS discussionId,
       d.meetingId AS meetingId,
       d.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order
