// Gives a database written before the action item totals existed (action-totals.cypher) its
// totals, added up from the meetings' counts (meeting-counts.cypher runs first). Run when the
// store opens; touches nothing when the totals are there, or when nothing was loaded yet.
MATCH (i:IngestInfo {key: 'ingest'})
WHERE i.todoActions IS NULL
CALL () {
  MATCH (m:Meeting)
  RETURN sum(m.todoActionCount) AS todo, sum(m.ongoingActionCount) AS ongoing, sum(m.doneActionCount) AS done
}
SET i.todoActions = todo, i.ongoingActions = ongoing, i.doneActions = done
