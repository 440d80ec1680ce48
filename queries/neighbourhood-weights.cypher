// Computes the stored weights (load-person-weights.cypher, load-project-weights.cypher) of the
// people and projects that lack them from their edges: a database written before they existed
// (or before projects kept their related projects) gets them when the store opens. Touches nothing
// when every node has them.
CALL {
  MATCH (p:Person)
  WHERE p.weightTotal IS NULL
  CALL (p) {
    MATCH (p)-[:DISCUSSED]->(d:Discussion)<-[:HAS_DISCUSSION]-(:Meeting)
    RETURN count(d) AS total, count(CASE WHEN EXISTS { (d)-[:ABOUT]->(:Project) } THEN 1 END) AS linked
  }
  CALL (p) {
    MATCH (p)-[:DISCUSSED]->(d:Discussion)-[:ABOUT]->(j:Project)
    WHERE EXISTS { (:Meeting)-[:HAS_DISCUSSION]->(d) }
    WITH j.id AS other, count(d) AS weight
    ORDER BY other
    RETURN collect(other) AS pairIds, collect(weight) AS pairWeights
  }
  SET p.weightTotal = total, p.weightLinked = linked, p.pairIds = pairIds, p.pairWeights = pairWeights
  RETURN count(*) AS people
}
CALL {
  MATCH (j:Project)
  WHERE j.weightTotal IS NULL OR j.relatedIds IS NULL
  CALL (j) {
    MATCH (:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)-[:ABOUT]->(j)
    RETURN count(d) AS total, count(CASE WHEN EXISTS { (:Person)-[:DISCUSSED]->(d) } THEN 1 END) AS linked
  }
  CALL (j) {
    MATCH (p:Person)-[:DISCUSSED]->(d:Discussion)-[:ABOUT]->(j)
    WHERE EXISTS { (:Meeting)-[:HAS_DISCUSSION]->(d) }
    WITH p.id AS other, count(d) AS weight
    ORDER BY other
    RETURN collect(other) AS pairIds, collect(weight) AS pairWeights
  }
  CALL (j) {
    MATCH (other:Project)<-[:ABOUT]-(d:Discussion)-[:ABOUT]->(j)
    WHERE other <> j AND EXISTS { (:Meeting)-[:HAS_DISCUSSION]->(d) }
    WITH other.id AS other, count(d) AS weight
    ORDER BY other
    RETURN collect(other) AS relatedIds, collect(weight) AS relatedWeights
  }
  SET j.weightTotal = total, j.weightLinked = linked, j.pairIds = pairIds, j.pairWeights = pairWeights,
      j.relatedIds = relatedIds, j.relatedWeights = relatedWeights
  RETURN count(*) AS projects
}
RETURN people, projects
