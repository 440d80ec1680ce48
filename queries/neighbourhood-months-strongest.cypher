// Named query `neighbourhood`, for a range of whole months that no center narrows: the nodes the
// store can keep, weighed as neighbourhood-months.cypher weighs them (months $first to $last,
// `monthIndex` numbers, inclusive; null = open end), but only the linked ones at least as heavy as
// the $top-th heaviest linked node, ties included (the store breaks them by name and keeps $top).
// A year at 10,000 meetings sends 60-odd rows instead of 672, and the server does the ranking.
// `paths`, the same on every row, is the sum of every person's weight in the months (linked or
// not): the person–discussion paths the edges would read by date; `everyDate` is each person's
// weight over every date, as in neighbourhood-months.cypher.
CALL () {
  MATCH (p:Person)
  WHERE p.weightLinked > 0
  RETURN p AS n, 'person' AS kind
  UNION ALL
  MATCH (j:Project)
  WHERE j.weightLinked > 0
  RETURN j AS n, 'project' AS kind
}
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
WITH n, kind, weight, links
ORDER BY weight DESC
WITH collect(CASE WHEN links > 0 THEN {n: n, kind: kind, weight: weight} END) AS heaviestFirst,
     sum(CASE kind WHEN 'person' THEN weight ELSE 0 END) AS paths
// The lightest weight kept: the $top-th linked node's (collect skips the nulls of unlinked ones).
WITH heaviestFirst, paths,
     CASE WHEN $top >= size(heaviestFirst) THEN 1 ELSE heaviestFirst[$top - 1].weight END AS lightest
WHERE $top > 0
UNWIND heaviestFirst AS row
WITH row, paths
WHERE row.weight >= lightest
RETURN row.n.id AS id, row.n.name AS name, row.kind AS kind, row.weight AS weight,
       row.n.weightTotal AS everyDate, paths
