// Removes meetings whole: each with its discussions, the action items raised there, and every
// edge touching those nodes (ATTENDED, DISCUSSED, ABOUT, CITES, OWNS, CONCERNS). Shared
// Person/Project/Topic/Reference nodes stay; `delete-orphans` drops those left unlinked.
// The meetings are those named in $load.ids, and whichever stored meeting owns a discussion
// ($load.discussionIds) or action item ($load.actionIds) about to be created: an id that moved to another
// meeting takes its old meeting with it, whole (that meeting changed too, so its own batch writes
// it again), and the load can CREATE instead of MERGE. A discussion or action item with such an id
// that no meeting owns is deleted alone. Returns, as [kind, id] pairs, the people, projects, topics
// and references the deleted nodes touched: a load that writes only changed meetings looks among
// those for entities left unlinked (`delete-orphans-among`); and the shape of each deleted
// discussion (who DISCUSSED it, which projects it was ABOUT) with the meeting's date, whose share
// that load takes away from the stored neighbourhood weights (src/store/neighbourhood-weights.ts);
// and a deleted meeting's action item counts per status (todo, ongoing, done; zeros for a lone
// discussion or action item), which it takes away from the totals (add-action-totals.cypher).
CALL {
  UNWIND $load.ids AS id
  MATCH (n:Meeting {id: id})
  RETURN n
  UNION
  UNWIND $load.discussionIds AS id
  MATCH (d:Discussion {id: id})
  OPTIONAL MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d)
  RETURN coalesce(m, d) AS n
  UNION
  UNWIND $load.actionIds AS id
  MATCH (a:ActionItem {id: id})
  OPTIONAL MATCH (a)-[:RAISED_IN]->(:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
  RETURN coalesce(m, a) AS n
}
OPTIONAL MATCH (n)-[:HAS_DISCUSSION]->(d:Discussion)
OPTIONAL MATCH (d)<-[:RAISED_IN]-(a:ActionItem)
WITH n, collect(DISTINCT d) AS discussions, collect(DISTINCT a) AS actions
WITH n, discussions, actions,
     [x IN [n] + discussions + actions |
       [(x)--(e) WHERE e:Person OR e:Project OR e:Topic OR e:Reference |
         [CASE WHEN e:Person THEN 'person' WHEN e:Project THEN 'project' WHEN e:Topic THEN 'topic' ELSE 'reference' END, e.id]]] AS touched
WITH n, discussions, actions, touched,
     n.date AS date,
     [d IN discussions | {people: [(p:Person)-[:DISCUSSED]->(d) | p.id], projects: [(d)-[:ABOUT]->(j:Project) | j.id]}] AS shapes,
     [coalesce(n.todoActionCount, 0), coalesce(n.ongoingActionCount, 0), coalesce(n.doneActionCount, 0)] AS actionCounts
FOREACH (x IN actions | DETACH DELETE x)
FOREACH (x IN discussions | DETACH DELETE x)
DETACH DELETE n
RETURN touched, date, shapes, actionCounts
