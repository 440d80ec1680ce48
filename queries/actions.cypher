// Named query `actions` (also the action lists of `person` and `project`). Filters are ANDed; an
// absent one is null: $person OWNS the action; the action CONCERNS $project; its status is $status;
// the meeting it was RAISED_IN is dated within $from/$to (inclusive).
// Rows by meeting date, meeting id, discussion order, then action id; projects as sorted names.
// This file is the case without person or project: each has a variant that starts from that node
// (actions-by-*.cypher, chosen in src/store/neo4j-statements.ts), since with an optional
// `$x IS NULL OR …` filter the planner cannot seek the unique id index and scans every action.
// `m.date >= coalesce($from, '')` rather than `$from IS NULL OR …` lets it seek the meeting_date
// index (every meeting has a `YYYY-MM-DD` date, and every string is >= '').
MATCH (p:Person)-[:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
WHERE m.date >= coalesce($from, '')
  AND ($to IS NULL OR m.date <= $to)
  AND ($status IS NULL OR a.status = $status)
RETURN a.id AS actionId,
       p.id AS personId,
       p.name AS person,
       a.task AS task,
       a.status AS status,
       m.id AS meetingId,
       m.date AS meeting,
       d.id AS discussionId,
       d.heading AS heading,
       COLLECT { MATCH (a)-[:CONCERNS]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects
ORDER BY meeting, meetingId, d.order, actionId
