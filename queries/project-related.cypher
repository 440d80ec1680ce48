// Named query `project`: other projects the discussions ABOUT project $id are also ABOUT;
// count = shared discussions. By count descending, then name, then id.
// Read from the project's stored related weights (load-project-weights.cypher), which count
// exactly these discussions, rather than from their thousands of ABOUT edges.
MATCH (j:Project {id: $id})
UNWIND range(0, size(j.relatedIds) - 1) AS i
MATCH (other:Project {id: j.relatedIds[i]})
RETURN other.id AS id, other.name AS name, j.relatedWeights[i] AS count
ORDER BY count DESC, name, id
