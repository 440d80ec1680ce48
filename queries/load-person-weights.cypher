// Stores on each listed Person its weights over every date (src/store/neighbourhood-weights.ts):
// the discussions they DISCUSSED (`weightTotal`), how many of those are ABOUT a project
// (`weightLinked`), and per project the discussions with both (`pairIds`, `pairWeights`, at the
// same positions); and the first two per month, as running sums from the month `monthsFrom`
// (`runningTotals`, `runningLinked`), and over the undated meetings, which are in no month
// (`undatedTotal`, `undatedLinked`). neighbourhood-all-*.cypher and neighbourhood-months.cypher
// read them; a load keeps them up to date.
UNWIND $load.rows AS row
MATCH (p:Person {id: row.id})
SET p.weightTotal = row.total, p.weightLinked = row.linked, p.pairIds = row.pairIds, p.pairWeights = row.pairWeights,
    p.monthsFrom = row.monthsFrom, p.runningTotals = row.runningTotals, p.runningLinked = row.runningLinked,
    p.undatedTotal = row.undatedTotal, p.undatedLinked = row.undatedLinked
