// Snapshot: every Reference.
MATCH (r:Reference)
RETURN r.id AS id, r.url AS url
