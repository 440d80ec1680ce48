// Sets the counts that load-meetings.cypher writes on every Meeting node on those that lack them
// (a database written before the counts existed). Run when the store opens; touches nothing when
// every meeting has them. The counts are what the unanchored list queries would match.
MATCH (m:Meeting)
WHERE m.discussionCount IS NULL
SET m.discussionCount = COUNT { (m)-[:HAS_DISCUSSION]->(:Discussion) },
    m.todoActionCount = COUNT { (m)-[:HAS_DISCUSSION]->(:Discussion)<-[:RAISED_IN]-(a:ActionItem)<-[:OWNS]-(:Person) WHERE a.status = 'todo' },
    m.ongoingActionCount = COUNT { (m)-[:HAS_DISCUSSION]->(:Discussion)<-[:RAISED_IN]-(a:ActionItem)<-[:OWNS]-(:Person) WHERE a.status = 'ongoing' },
    m.doneActionCount = COUNT { (m)-[:HAS_DISCUSSION]->(:Discussion)<-[:RAISED_IN]-(a:ActionItem)<-[:OWNS]-(:Person) WHERE a.status = 'done' }
