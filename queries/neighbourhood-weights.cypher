// Computes the stored weights (load-person-weights.cypher, load-project-weights.cypher) of the
// people and projects that lack them from their edges: a database written before they existed
// (or before projects kept their related projects, or nodes their month running sums) gets them
// when the store opens. Touches nothing when every node has them. The running sums are built from
// each month's counts (a month is `monthIndex`'s number: year × 12 + month − 1): each month with
// discussions adds the months since the last one, which repeat its sum, and its own. A date's
// month is its `YYYY-MM` (as `monthIndex` reads it); undated meetings (`0000-00-00`, src/domain.ts
// `UNDATED`) are in no month: they are counted apart.
CALL {
  MATCH (p:Person)
  WHERE p.weightTotal IS NULL OR p.runningTotals IS NULL
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
  CALL (p) {
    MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)<-[:DISCUSSED]-(p)
    WHERE m.date =~ '\\d{4}-(0[1-9]|1[0-2])-.*'
    WITH toInteger(substring(m.date, 0, 4)) * 12 + toInteger(substring(m.date, 5, 2)) - 1 AS month,
         count(d) AS total, count(CASE WHEN EXISTS { (d)-[:ABOUT]->(:Project) } THEN 1 END) AS linked
    ORDER BY month
    WITH collect(month) AS months, collect(total) AS totals, collect(linked) AS linked
    WITH months, totals, linked, CASE WHEN size(months) = 0 THEN 0 ELSE months[0] END AS first
    RETURN first AS monthsFrom,
           reduce(sums = [], k IN range(0, size(months) - 1) |
             sums + [i IN range(size(sums), months[k] - first) | coalesce(sums[-1], 0) + CASE WHEN i = months[k] - first THEN totals[k] ELSE 0 END]) AS runningTotals,
           reduce(sums = [], k IN range(0, size(months) - 1) |
             sums + [i IN range(size(sums), months[k] - first) | coalesce(sums[-1], 0) + CASE WHEN i = months[k] - first THEN linked[k] ELSE 0 END]) AS runningLinked
  }
  CALL (p) {
    MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)<-[:DISCUSSED]-(p)
    WHERE NOT m.date =~ '\\d{4}-(0[1-9]|1[0-2])-.*'
    RETURN count(d) AS undatedTotal, count(CASE WHEN EXISTS { (d)-[:ABOUT]->(:Project) } THEN 1 END) AS undatedLinked
  }
  SET p.weightTotal = total, p.weightLinked = linked, p.pairIds = pairIds, p.pairWeights = pairWeights,
      p.monthsFrom = monthsFrom, p.runningTotals = runningTotals, p.runningLinked = runningLinked,
      p.undatedTotal = undatedTotal, p.undatedLinked = undatedLinked
  RETURN count(*) AS people
}
CALL {
  MATCH (j:Project)
  WHERE j.weightTotal IS NULL OR j.relatedIds IS NULL OR j.runningTotals IS NULL
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
  CALL (j) {
    MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)-[:ABOUT]->(j)
    WHERE m.date =~ '\\d{4}-(0[1-9]|1[0-2])-.*'
    WITH toInteger(substring(m.date, 0, 4)) * 12 + toInteger(substring(m.date, 5, 2)) - 1 AS month,
         count(d) AS total, count(CASE WHEN EXISTS { (:Person)-[:DISCUSSED]->(d) } THEN 1 END) AS linked
    ORDER BY month
    WITH collect(month) AS months, collect(total) AS totals, collect(linked) AS linked
    WITH months, totals, linked, CASE WHEN size(months) = 0 THEN 0 ELSE months[0] END AS first
    RETURN first AS monthsFrom,
           reduce(sums = [], k IN range(0, size(months) - 1) |
             sums + [i IN range(size(sums), months[k] - first) | coalesce(sums[-1], 0) + CASE WHEN i = months[k] - first THEN totals[k] ELSE 0 END]) AS runningTotals,
           reduce(sums = [], k IN range(0, size(months) - 1) |
             sums + [i IN range(size(sums), months[k] - first) | coalesce(sums[-1], 0) + CASE WHEN i = months[k] - first THEN linked[k] ELSE 0 END]) AS runningLinked
  }
  CALL (j) {
    MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)-[:ABOUT]->(j)
    WHERE NOT m.date =~ '\\d{4}-(0[1-9]|1[0-2])-.*'
    RETURN count(d) AS undatedTotal, count(CASE WHEN EXISTS { (:Person)-[:DISCUSSED]->(d) } THEN 1 END) AS undatedLinked
  }
  SET j.weightTotal = total, j.weightLinked = linked, j.pairIds = pairIds, j.pairWeights = pairWeights,
      j.relatedIds = relatedIds, j.relatedWeights = relatedWeights,
      j.monthsFrom = monthsFrom, j.runningTotals = runningTotals, j.runningLinked = runningLinked,
      j.undatedTotal = undatedTotal, j.undatedLinked = undatedLinked
  RETURN count(*) AS projects
}
RETURN people, projects
