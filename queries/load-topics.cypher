// Upserts Topic nodes.
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.name = row.name
