// Named query `neighbourhood` without dates or center: the $limit strongest people and projects
// with an edge (ordered as src/store/neighbourhood.ts `compareNodes` orders them), weighted as
// neighbourhood-nodes.cypher weighs them, read from the weights each node stores
// (load-person-weights.cypher) instead of adding up every discussion; with each person's pair
// weights, from which the store keeps the edges to the projects kept (a list lookup per pair in
// Cypher took 390 ms for 300 nodes).
CALL {
  MATCH (p:Person)
  WHERE p.weightLinked > 0
  RETURN p AS n, 'person' AS kind
  UNION ALL
  MATCH (j:Project)
  WHERE j.weightLinked > 0
  RETURN j AS n, 'project' AS kind
}
WITH n, kind
ORDER BY n.weightTotal DESC, n.name, kind, n.id
LIMIT $limit
RETURN n.id AS id, n.name AS name, kind, n.weightTotal AS weight,
       CASE kind WHEN 'person' THEN n.pairIds ELSE [] END AS pairIds,
       CASE kind WHEN 'person' THEN n.pairWeights ELSE [] END AS pairWeights
