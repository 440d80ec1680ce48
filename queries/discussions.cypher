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
// scans every discussion. `m.date >= coalesce($from, '')` rather than `$from IS NULL OR …` lets it
// seek the meeting_date index (every meeting has a `YYYY-MM-DD` date, and every string is >= '').
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '')
  AND ($to IS NULL OR m.date <= $to)
RETURN d.id AS discussionId,
       m.id AS meetingId,
       m.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects
ORDER BY meeting, meetingId, d.order
