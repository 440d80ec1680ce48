// Named query `person`: the projects of the discussions person $id DISCUSSED;
// count = those discussions ABOUT the project. By count descending, then name, then id.
MATCH (:Person {id: $id})-[:DISCUSSED]->(d:Discussion)-[:ABOUT]->(j:Project)
RETURN j.id AS id, j.name AS name, count(DISTINCT d) AS count
ORDER BY count DESC, name, id
