// Named query `project`, second part: in one row, the project $id's people — who DISCUSSED
// discussions ABOUT it, count = such discussions — and its related projects — the other projects
// of discussions ABOUT it, count = such discussions — each by count descending, then name, then
// id. No row when there is no such project. Read from the project's stored weights
// (load-project-weights.cypher), which count exactly these discussions, rather than from their
// hundreds of discussions' edges; one statement for both, as each statement costs a round trip.
MATCH (j:Project {id: $id})
RETURN COLLECT {
         UNWIND range(0, size(j.pairIds) - 1) AS i
         MATCH (p:Person {id: j.pairIds[i]})
         WITH p.id AS id, p.name AS name, j.pairWeights[i] AS count
         ORDER BY count DESC, name, id
         RETURN {id: id, name: name, count: count}
       } AS people,
       COLLECT {
         UNWIND range(0, size(j.relatedIds) - 1) AS i
         MATCH (other:Project {id: j.relatedIds[i]})
         WITH other.id AS id, other.name AS name, j.relatedWeights[i] AS count
         ORDER BY count DESC, name, id
         RETURN {id: id, name: name, count: count}
       } AS related
