// Snapshot: every ABOUT edge, to a project or a topic.
MATCH (d:Discussion)-[r:ABOUT]->(t)
WHERE t:Project OR t:Topic
RETURN d.id AS discussionId, t.id AS targetId, CASE WHEN t:Project THEN 'project' ELSE 'topic' END AS target,
       r.file AS file, r.line AS line, r.sentence AS sentence
