// Sets on each Discussion that lacks them its meeting's `date` and `meetingId`, as
// load-meetings.cypher writes them (a database written before they existed). Run when the store
// opens. A load writes them on every discussion it creates, so a database has them on all its
// discussions or on none: one discussion tells which, as for the action items' order keys
// (action-order-keys.cypher), and a database that has them is not scanned (64,675 discussions at
// 10,000 meetings took 60–65 ms to scan at every open).
MATCH (sample:Discussion)
WITH sample
LIMIT 1
WITH sample
WHERE sample.date IS NULL
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE d.date IS NULL
SET d.date = m.date, d.meetingId = m.id
