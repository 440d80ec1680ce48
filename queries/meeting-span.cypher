// The first and the last meeting date, each read from one end of the meeting_date index (no row
// when there is no meeting). A neighbourhood whose range holds both holds every meeting, and is
// read from the weights kept for every date (src/store/neo4j.ts).
CALL () {
  MATCH (m:Meeting)
  WHERE m.date >= ''
  RETURN m.date AS first
  ORDER BY m.date
  LIMIT 1
}
CALL () {
  MATCH (m:Meeting)
  WHERE m.date >= ''
  RETURN m.date AS last
  ORDER BY m.date DESC
  LIMIT 1
}
RETURN first, last
