// Adds to the action item totals of action-totals.cypher what one transaction of a load given
// changes wrote less what it deleted (the deleted meetings' counts, delete-meeting.cypher).
// Totals not yet stored stay null: actions.cypher then adds up the meetings' counts.
MATCH (i:IngestInfo {key: 'ingest'})
SET i.todoActions = $load.todo + i.todoActions, i.ongoingActions = $load.ongoing + i.ongoingActions, i.doneActions = $load.done + i.doneActions
