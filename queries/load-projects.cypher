// Upserts Project nodes; name, aliases and origin follow the graph on every load.
UNWIND $load.rows AS row
MERGE (p:Project {id: row.id})
SET p.name = row.name, p.aliases = row.aliases, p.origin = row.origin
