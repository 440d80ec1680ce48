// Removes meetings with everything they own: their discussions, the action items raised there,
// and every edge touching those nodes (ATTENDED, DISCUSSED, ABOUT, CITES, OWNS, CONCERNS).
// Shared Person/Project/Topic/Reference nodes stay; `delete-orphans` drops those left unlinked.
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
OPTIONAL MATCH (m)-[:HAS_DISCUSSION]->(d:Discussion)
OPTIONAL MATCH (d)<-[:RAISED_IN]-(a:ActionItem)
WITH m, collect(DISTINCT d) AS discussions, collect(DISTINCT a) AS actions
FOREACH (x IN actions | DETACH DELETE x)
FOREACH (x IN discussions | DETACH DELETE x)
DETACH DELETE m
