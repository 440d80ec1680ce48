// Upserts Topic nodes.
UNWIND $load.rows AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name
