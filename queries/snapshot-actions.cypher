// Snapshot: every ActionItem with its owner, discussion, projects and evidence (kept on OWNS).
MATCH (p:Person)-[o:OWNS]->(a:ActionItem)-[:RAISED_IN]->(d:Discussion)
RETURN a.id AS id, a.task AS task, a.status AS status, p.id AS ownerId, d.id AS discussionId,
       COLLECT { MATCH (a)-[:CONCERNS]->(j:Project) RETURN j.id AS id ORDER BY id } AS projectIds,
       o.file AS file, o.line AS line, o.sentence AS sentence
