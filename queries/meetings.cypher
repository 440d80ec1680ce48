// Named query `meetings`: meetings dated within $from/$to (inclusive, null = open) that $attendee
// (null = anyone) ATTENDED, by date then id.
MATCH (m:Meeting)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($attendee IS NULL OR EXISTS { (:Person {id: $attendee})-[:ATTENDED]->(m) })
RETURN m.id AS meetingId, m.date AS meeting, m.title AS title
ORDER BY meeting, meetingId
