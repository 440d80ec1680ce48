// The version of the stored data's shape that the open-time upkeep last brought the database to
// (see Neo4jStore.ensureSchema), and whether the database holds anything besides that mark.
OPTIONAL MATCH (s:SchemaVersion {key: 'meetgraph'})
RETURN s.version AS version, EXISTS { MATCH (n) WHERE NOT n:SchemaVersion } AS stored
