// Stores on each listed Project its weights over every date, as load-person-weights.cypher does
// for people: the discussions ABOUT it, how many of those a person DISCUSSED, per person the
// discussions with both, per other project the discussions ABOUT both (`relatedIds`,
// `relatedWeights`, read by project-related.cypher), and the month running sums and undated counts.
UNWIND $load.rows AS row
MATCH (j:Project {id: row.id})
SET j.weightTotal = row.total, j.weightLinked = row.linked, j.pairIds = row.pairIds, j.pairWeights = row.pairWeights,
    j.relatedIds = row.relatedIds, j.relatedWeights = row.relatedWeights,
    j.monthsFrom = row.monthsFrom, j.runningTotals = row.runningTotals, j.runningLinked = row.runningLinked,
    j.undatedTotal = row.undatedTotal, j.undatedLinked = row.undatedLinked
