// Upserts Person nodes; name and aliases follow the graph on every load.
UNWIND $load.rows AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.aliases = row.aliases
