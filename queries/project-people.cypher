// Named query `project`: people who DISCUSSED discussions ABOUT project $id;
// count = such discussions. By count descending, then name, then id.
// Read from the project's stored pair weights (load-project-weights.cypher), which count exactly
// these discussions, rather than from their hundreds of discussions' edges.
MATCH (j:Project {id: $id})
UNWIND range(0, size(j.pairIds) - 1) AS i
MATCH (p:Person {id: j.pairIds[i]})
RETURN p.id AS id, p.name AS name, j.pairWeights[i] AS count
ORDER BY count DESC, name, id
