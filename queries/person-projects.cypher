// Named query `person`: the projects of the discussions person $id DISCUSSED;
// count = those discussions ABOUT the project. By count descending, then name, then id.
// Read from the person's stored pair weights (load-person-weights.cypher), which count exactly
// these discussions, rather than from their hundreds of discussions' edges.
MATCH (p:Person {id: $id})
UNWIND range(0, size(p.pairIds) - 1) AS i
MATCH (j:Project {id: p.pairIds[i]})
RETURN j.id AS id, j.name AS name, p.pairWeights[i] AS count
ORDER BY count DESC, name, id
