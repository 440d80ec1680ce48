// Stores on the :IngestInfo node the number of action items per status, from which the list of
// one status without dates gets its total (actions.cypher) instead of adding up every meeting's
// counts for each page (10–15 ms at 10,000 meetings). A whole load writes them from its graph; a
// load given changes adds what each of its transactions changed (add-action-totals.cypher).
MERGE (i:IngestInfo {key: 'ingest'})
SET i.todoActions = $load.todo, i.ongoingActions = $load.ongoing, i.doneActions = $load.done
