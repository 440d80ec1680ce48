// Snapshot: every Person.
MATCH (p:Person)
RETURN p.id AS id, p.name AS name, p.aliases AS aliases
