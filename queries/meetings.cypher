// Named query `meetings`: meetings dated within $from/$to (inclusive, null = open) that $attendee
// (null = anyone) ATTENDED, by date then id.
// This file is the case without $attendee (meetings-by-attendee.cypher starts from the person, so
// that the planner seeks the unique index on Person.id). `m.date >= coalesce($from, '')` rather than
// `$from IS NULL OR …` lets it seek the meeting_date index (every meeting has a `YYYY-MM-DD` date,
// and every string is >= '').
// Paged as discussions.cypher is; the count reads the meeting_date index.
CALL () {
  MATCH (m:Meeting)
  WHERE m.date >= coalesce($from, '')
    AND ($to IS NULL OR m.date <= $to)
  RETURN count(m) AS total
}
MATCH (m:Meeting)
WHERE m.date >= coalesce($from, '')
  AND ($to IS NULL OR m.date <= $to)
WITH total, m
ORDER BY m.date, m.id
SKIP $offset LIMIT $limit
RETURN m.id AS meetingId, m.date AS meeting, m.title AS title,
       total
ORDER BY meeting, meetingId
