// Sets on each Discussion that lacks them its meeting's `date` and `meetingId`, as
// load-meetings.cypher writes them (a database written before they existed). Run when the store
// opens; touches nothing when every discussion has them.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE d.date IS NULL
SET d.date = m.date, d.meetingId = m.id
