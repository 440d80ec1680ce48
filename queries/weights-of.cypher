// The stored weights (load-person-weights.cypher, load-project-weights.cypher) of the listed
// people and projects that have them, for a load to add its changes to.
UNWIND $load.people AS id
MATCH (n:Person {id: id})
WHERE n.weightTotal IS NOT NULL
RETURN 'person' AS kind, n.id AS id, n.weightTotal AS total, n.weightLinked AS linked, n.pairIds AS pairIds, n.pairWeights AS pairWeights,
       [] AS relatedIds, [] AS relatedWeights, n.monthsFrom AS monthsFrom, n.runningTotals AS runningTotals, n.runningLinked AS runningLinked,
       n.undatedTotal AS undatedTotal, n.undatedLinked AS undatedLinked
UNION ALL
UNWIND $load.projects AS id
MATCH (n:Project {id: id})
WHERE n.weightTotal IS NOT NULL
RETURN 'project' AS kind, n.id AS id, n.weightTotal AS total, n.weightLinked AS linked, n.pairIds AS pairIds, n.pairWeights AS pairWeights,
       n.relatedIds AS relatedIds, n.relatedWeights AS relatedWeights, n.monthsFrom AS monthsFrom, n.runningTotals AS runningTotals,
       n.runningLinked AS runningLinked, n.undatedTotal AS undatedTotal, n.undatedLinked AS undatedLinked
