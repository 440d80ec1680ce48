// Snapshot: every Project.
MATCH (p:Project)
RETURN p.id AS id, p.name AS name, p.aliases AS aliases, p.origin AS origin
