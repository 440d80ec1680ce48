// Marks the database as having the stored data's shape of `$version` (see schema-version.cypher).
MERGE (s:SchemaVersion {key: 'meetgraph'})
SET s.version = $version
