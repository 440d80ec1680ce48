// Snapshot: every Meeting.
MATCH (m:Meeting)
RETURN m.id AS id, m.date AS date, m.title AS title, m.description AS description, m.source AS source,
       m.contentHash AS contentHash
