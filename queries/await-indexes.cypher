// Waits (up to 300 s) until the constraints and indexes of schema.cypher are online.
CALL db.awaitIndexes(300)
