// Named query `neighbourhood` without dates: the stored pair weights of the listed people
// (load-person-weights.cypher), for edges between them and a set of projects.
UNWIND $people AS id
MATCH (p:Person {id: id})
RETURN p.id AS id, p.pairIds AS pairIds, p.pairWeights AS pairWeights
