// Stores on each listed Project its weights over every date, as load-person-weights.cypher does
// for people: the discussions ABOUT it, how many of those a person DISCUSSED, and per person the
// discussions with both.
UNWIND $rows AS row
MATCH (j:Project {id: row.id})
SET j.weightTotal = row.total, j.weightLinked = row.linked, j.pairIds = row.pairIds, j.pairWeights = row.pairWeights
