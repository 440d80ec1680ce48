// Named query `meetings`: meetings dated within $from/$to (inclusive, null = open) that $attendee
// (null = anyone) ATTENDED, by date then id.
// This file is the case without $attendee (meetings-by-attendee.cypher starts from the person, so
// that the planner seeks the unique index on Person.id). `m.date >= coalesce($from, '')` and
// `m.date <= coalesce($to, '\uffff')` rather than `$from IS NULL OR …` let it seek the meeting_date
// index between both bounds (every meeting has a `YYYY-MM-DD` date: every string is >= '', and
// U+FFFF sorts after every character a date holds).
// Paged as discussions.cypher is; the count reads the meeting_date index.
CALL () {
  MATCH (m:Meeting)
  WHERE m.date >= coalesce($from, '')
    AND m.date <= coalesce($to, '\uffff')
  RETURN count(m) AS total
}
MATCH (m:Meeting)
WHERE m.date >= coalesce($from, '')
  AND m.date <= coalesce($to, '\uffff')
WITH total, m
ORDER BY m.date, m.id
SKIP $offset LIMIT $limit
RETURN m.id AS meetingId, m.date AS meeting, m.title AS title,
       total
ORDER BY meeting, meetingId
