// Drops Person, Project, Topic and Reference nodes that no edge touches any more. Returns what it dropped.
MATCH (n)
WHERE (n:Person OR n:Project OR n:Topic OR n:Reference) AND NOT EXISTS { (n)--() }
WITH n, CASE WHEN n:Person THEN 'person' WHEN n:Project THEN 'project' WHEN n:Topic THEN 'topic' ELSE 'reference' END AS kind, n.id AS id
DELETE n
RETURN kind, id
