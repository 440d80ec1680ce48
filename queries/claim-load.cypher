// Marks the database as being written by a new load, before the load writes anything else: every
// load sets a token of its own on the :IngestInfo node. A store that remembers the token its last
// load set knows, while the node still holds it, that no other load has written since, and then
// writes only the meetings that changed (see neo4j.ts). With $load.expected the token is replaced only
// if it is still that one; without, always. Returns the token found.
MERGE (i:IngestInfo {key: 'ingest'})
WITH i, i.loadToken AS found
SET i.loadToken = CASE WHEN $load.expected IS NULL OR found = $load.expected THEN $load.token ELSE found END
RETURN found
