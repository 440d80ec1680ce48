// Named query `neighbourhood`, the nodes' weights over whole months: months $first to $last
// (`monthIndex` numbers, inclusive; null = open end), from the running sums each node stores
// (load-person-weights.cypher): a weight over months a..b is `runningTotals[b] - runningTotals[a-1]`,
// two list reads per node instead of counting the range's discussions (a year at 10,000 meetings
// has 6,000). Weighted as neighbourhood-nodes.cypher weighs them; only nodes with an edge over
// every date can have one in the range, and `links` tells the store which do. `everyDate`, the
// weight over every date, tells it how many paths the edges would read from a person.
CALL () {
  MATCH (p:Person)
  WHERE p.weightLinked > 0
  RETURN p AS n, 'person' AS kind
  UNION ALL
  MATCH (j:Project)
  WHERE j.weightLinked > 0
  RETURN j AS n, 'project' AS kind
}
// Each list is read once (reading it at each use cost a quarter more). A range with no lower bound
// also holds the undated meetings (`0000-00-00` sorts before every date), which are in no month.
WITH n, kind, n.monthsFrom AS from, n.runningTotals AS totals, n.runningLinked AS linked
WITH n, kind, totals, linked,
     CASE WHEN $first IS NULL OR $first < from THEN 0 ELSE $first - from END AS a,
     CASE WHEN $last IS NULL OR $last - from >= size(totals) THEN size(totals) - 1 ELSE $last - from END AS b
WITH n, kind,
     CASE WHEN a > b THEN 0 ELSE totals[b] - CASE WHEN a > 0 THEN totals[a - 1] ELSE 0 END END
       + CASE WHEN $first IS NULL THEN n.undatedTotal ELSE 0 END AS weight,
     CASE WHEN a > b THEN 0 ELSE linked[b] - CASE WHEN a > 0 THEN linked[a - 1] ELSE 0 END END
       + CASE WHEN $first IS NULL THEN n.undatedLinked ELSE 0 END AS links
WHERE weight > 0
RETURN n.id AS id, n.name AS name, kind, weight, links, n.weightTotal AS everyDate
