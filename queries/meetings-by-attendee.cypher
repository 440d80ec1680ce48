// Named query `meetings` with $attendee: meetings that person ATTENDED (once each, whatever the
// role), dated within $from/$to (inclusive, null = open), by date then id. Starts from the person so
// that the planner seeks the unique index on Person.id (an optional `$attendee IS NULL OR …` filter
// cannot).
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (:Person {id: $attendee})-[:ATTENDED]->(m:Meeting)
  WITH DISTINCT m
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
  RETURN count(*) AS total
}
MATCH (:Person {id: $attendee})-[:ATTENDED]->(m:Meeting)
WITH DISTINCT total, m
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
WITH total, m
ORDER BY m.date, m.id
SKIP $offset LIMIT $limit
RETURN m.id AS meetingId, m.date AS meeting, m.title AS title,
       total
ORDER BY meeting, meetingId
