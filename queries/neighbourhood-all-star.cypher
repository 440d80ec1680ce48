// Named query `neighbourhood` without dates, around $center: every edge of the person and of the
// project with that id (an id may name one of each), from their stored pair weights
// (load-person-weights.cypher), and the people and projects at their ends with their weights.
CALL {
  MATCH (p:Person {id: $center})
  UNWIND range(0, size(p.pairIds) - 1) AS i
  RETURN p.id AS source, p.pairIds[i] AS target, p.pairWeights[i] AS weight
  UNION ALL
  MATCH (j:Project {id: $center})
  UNWIND range(0, size(j.pairIds) - 1) AS i
  RETURN j.pairIds[i] AS source, j.id AS target, j.pairWeights[i] AS weight
}
WITH collect({source: source, target: target, weight: weight}) AS edges
CALL (edges) {
  UNWIND edges AS e
  WITH DISTINCT e.source AS id
  MATCH (p:Person {id: id})
  RETURN collect({id: p.id, name: p.name, kind: 'person', weight: p.weightTotal}) AS people
}
CALL (edges) {
  UNWIND edges AS e
  WITH DISTINCT e.target AS id
  MATCH (j:Project {id: id})
  RETURN collect({id: j.id, name: j.name, kind: 'project', weight: j.weightTotal}) AS projects
}
RETURN edges, people + projects AS nodes
