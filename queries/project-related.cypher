// Named query `project`: other projects the discussions ABOUT project $id are also ABOUT;
// count = shared discussions (ABOUT is one edge per discussion and target, so each counts once).
// By count descending, then name, then id.
MATCH (j:Project {id: $id})<-[:ABOUT]-(d:Discussion)-[:ABOUT]->(other:Project)
WHERE other <> j
RETURN other.id AS id, other.name AS name, count(d) AS count
ORDER BY count DESC, name, id
