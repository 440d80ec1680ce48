// Named query `coAttendance`: pairs of people with the number of meetings both ATTENDED.
// With $person, the pairs including them, $person always as `a`; without, each pair once with
// `a` the one whose (name, id) comes first. By count descending, then names, then ids.
// This file is the case without $person: co-attendance-by-person.cypher starts from the person so
// that the planner seeks the unique index on Person.id (a `CASE WHEN $person IS NULL …` filter in
// one text made it join every attendance with every other).
MATCH (a:Person)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b:Person)
WHERE a.name < b.name OR (a.name = b.name AND a.id < b.id)
WITH a, b, count(DISTINCT m) AS count
RETURN a.id AS a, a.name AS aName, b.id AS b, b.name AS bName, count
ORDER BY count DESC, aName, bName, a, b
