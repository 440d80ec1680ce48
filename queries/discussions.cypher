// Named query `discussions`. Filters are ANDed; an absent one is null:
//   $person   — the person DISCUSSED the discussion;
//   $projects — the discussion is ABOUT any of these projects (a list; [] matches nothing);
//   $topic    — the discussion is ABOUT this topic;
//   $meeting  — the discussion belongs to this meeting;
//   $from/$to — the meeting's date is within them, inclusive.
// Rows by meeting date, meeting id, then discussion order; people and projects as sorted names.
// This file is the case without meeting, person, topic or projects: each of those has a variant
// that starts from that node (discussions-by-*.cypher, chosen in src/store/neo4j-statements.ts),
// since with an optional `$x IS NULL OR …` filter the planner cannot seek the unique id index and
// scans every discussion. `m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')`
// rather than `$from IS NULL OR …` lets it seek the meeting_date index between both bounds (every
// meeting has a `YYYY-MM-DD` date: every string is >= '', and U+FFFF sorts after every character a
// date holds).
//
// Paged, as every list query: the rows from $offset, at most $limit (the whole list is 0 and a
// limit above its size), and `total` on each row counts the whole list. The rows are ordered
// before the page is cut and the projection runs only for the page: the meeting_date index gives
// meetings in date order, so a first page of 100 reads about 100 rows, not all 64,675 at 10,000
// meetings. (RETURN orders again: Cypher keeps an order across clauses only where it says so.)
// The count comes first. Counting the matched rows here took 25–35 ms at 10,000 meetings, so this
// unanchored case adds up the `discussionCount` each Meeting node carries (load-meetings.cypher)
// within a date range, and without one reads the number of Discussion nodes the database keeps
// (every discussion is in one meeting), instead of adding up 10,000 counts (10–15 ms); the
// anchored variants count their matched rows, a few thousand at most.
CALL () {
  WITH 1 AS ranged
  WHERE $from IS NOT NULL OR $to IS NOT NULL
  MATCH (m:Meeting)
  WHERE m.date >= coalesce($from, '')
    AND m.date <= coalesce($to, '\uffff')
  RETURN sum(m.discussionCount) AS inRange
}
CALL () {
  MATCH (d:Discussion)
  RETURN count(d) AS all
}
WITH CASE WHEN $from IS NULL AND $to IS NULL THEN all ELSE inRange END AS total
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '')
  AND m.date <= coalesce($to, '\uffff')
WITH total, m, d
ORDER BY m.date, m.id, d.order
SKIP $offset LIMIT $limit
RETURN d.id AS discussionId,
       m.id AS meetingId,
       m.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order
