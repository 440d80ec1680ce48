// Named query `meetings` with $attendee: meetings that person ATTENDED (once each, whatever the
// role), dated within $from/$to (inclusive, null = open), by date then id. Starts from the person so
// that the planner seeks the unique index on Person.id (an optional `$attendee IS NULL OR …` filter
// cannot).
MATCH (:Person {id: $attendee})-[:ATTENDED]->(m:Meeting)
WITH DISTINCT m
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
RETURN m.id AS meetingId, m.date AS meeting, m.title AS title
ORDER BY meeting, meetingId
