// Named query `project`: people who DISCUSSED discussions ABOUT project $id;
// count = such discussions. By count descending, then name, then id.
MATCH (p:Person)-[:DISCUSSED]->(d:Discussion)-[:ABOUT]->(:Project {id: $id})
RETURN p.id AS id, p.name AS name, count(DISTINCT d) AS count
ORDER BY count DESC, name, id
