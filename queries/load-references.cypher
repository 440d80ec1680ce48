// Upserts Reference nodes (a reference's id is its URL).
UNWIND $load.rows AS row
MERGE (r:Reference {id: row.id})
SET r.url = row.url
