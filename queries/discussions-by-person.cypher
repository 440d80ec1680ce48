// Named query `discussions` with $person (and no meeting): the discussions that person DISCUSSED,
// starting from them so that the planner seeks the unique index on Person.id. The other filters are
// ANDed, an absent one is null: it is ABOUT any of $projects (a list; [] matches nothing); it is
// ABOUT $topic; the meeting's date is within $from/$to, inclusive. A person DISCUSSED a discussion
// at most once (load-discussed.cypher merges the edge), so no row comes twice.
// Same rows, columns and order as discussions.cypher. Dates, order and meeting ids are read from
// the discussion (its `date` and `meetingId`, load-meetings.cypher), as discussions-by-topic.cypher
// reads them, rather than from each discussion's meeting.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (:Person {id: $person})-[:DISCUSSED]->(d:Discussion)
  WHERE ($from IS NULL OR d.date >= $from)
    AND ($to IS NULL OR d.date <= $to)
    AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
    AND ($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })
  RETURN count(*) AS total
}
MATCH (:Person {id: $person})-[:DISCUSSED]->(d:Discussion)
WHERE ($from IS NULL OR d.date >= $from)
  AND ($to IS NULL OR d.date <= $to)
  AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
  AND ($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })
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
