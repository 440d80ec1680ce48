// Named query `coAttendance` with $person: the people who ATTENDED a meeting with them, with the
// number of such meetings; $person is always `a`. Starts from the person so that the planner seeks
// the unique index on Person.id (a `CASE WHEN $person IS NULL …` filter made it join every
// attendance). By count descending, then names, then ids.
MATCH (a:Person {id: $person})-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person)
WHERE a <> b
WITH a, b, count(DISTINCT m) AS count
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, count
ORDER BY count DESC, aName, bName, a, b
