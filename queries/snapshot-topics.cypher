// Snapshot: every Topic.
MATCH (t:Topic)
RETURN t.id AS id, t.name AS name
