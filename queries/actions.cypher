// Named query `actions` (also the action lists of `person` and `project`). Filters are ANDed; an
// absent one is null: $person OWNS the action; the action CONCERNS $project; the discussion it was
// RAISED_IN is ABOUT $discussionProject; its status is $status; the meeting it was RAISED_IN is
// dated within $from/$to (inclusive).
// Rows by meeting date, meeting id, discussion order, then action id; projects as sorted names.
// This file is the case without person or projects: each has a variant that starts from that node
// (actions-by-*.cypher, chosen in src/store/neo4j-statements.ts), since with an optional
// `$x IS NULL OR …` filter the planner cannot seek the unique id index and scans every action.
// `m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')` rather than
// `$from IS NULL OR …` lets it seek the meeting_date index between both bounds (every meeting has a
// `YYYY-MM-DD` date: every string is >= '', and U+FFFF sorts after every character a date holds).
// Paged as discussions.cypher is. Counting 255,791 matched actions took 200–290 ms at 10,000
// meetings, so the total adds up the per-status counts each Meeting node carries
// (load-meetings.cypher): every action item has one owner and is raised in one discussion. With
// neither a status nor dates it reads the number of ActionItem nodes the database keeps instead,
// and with a status but no dates the status's total a load stores (action-totals.cypher), when
// there is one.
// Each part of the total is a subquery of its own that imports nothing and gives one row (the
// stored total read through COLLECT): so the page below still reads the meeting_date index in its
// order and stops after the page. Importing the stored total into the count's subquery, or reading
// it with OPTIONAL MATCH, made the planner sort every action instead (0.5–1 s at 10,000 meetings).
CALL () {
  WITH 1 AS filtered
  WHERE $from IS NOT NULL OR $to IS NOT NULL
     OR ($status IS NOT NULL AND NOT EXISTS { MATCH (i:IngestInfo {key: 'ingest'}) WHERE i.todoActions IS NOT NULL })
  MATCH (m:Meeting)
  WHERE m.date >= coalesce($from, '')
    AND m.date <= coalesce($to, '\uffff')
  RETURN sum(CASE
               WHEN $status IS NULL THEN m.todoActionCount + m.ongoingActionCount + m.doneActionCount
               WHEN $status = 'todo' THEN m.todoActionCount
               WHEN $status = 'ongoing' THEN m.ongoingActionCount
               WHEN $status = 'done' THEN m.doneActionCount
               ELSE 0
             END) AS filteredTotal
}
CALL () {
  RETURN head(COLLECT {
    MATCH (i:IngestInfo {key: 'ingest'})
    RETURN CASE $status WHEN 'todo' THEN i.todoActions WHEN 'ongoing' THEN i.ongoingActions WHEN 'done' THEN i.doneActions END
  }) AS statusTotal
}
CALL () {
  MATCH (a:ActionItem)
  RETURN count(a) AS all
}
WITH CASE
       WHEN $from IS NOT NULL OR $to IS NOT NULL THEN filteredTotal
       WHEN $status IS NULL THEN all
       ELSE coalesce(statusTotal, filteredTotal)
     END AS total
MATCH (p:Person)-[:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
WHERE m.date >= coalesce($from, '')
  AND m.date <= coalesce($to, '\uffff')
  AND ($status IS NULL OR a.status = $status)
WITH total, p, a, d, m
ORDER BY m.date, m.id, d.order, a.id
SKIP $offset LIMIT $limit
RETURN a.id AS actionId,
       p.id AS personId,
       p.name AS person,
       a.task AS task,
       a.status AS status,
       m.id AS meetingId,
       m.date AS meeting,
       d.id AS discussionId,
       d.heading AS heading,
       COLLECT { MATCH (a)-[:CONCERNS]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order, actionId
