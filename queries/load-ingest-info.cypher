// The ingest warnings and project candidates, kept as JSON on a single :IngestInfo node so that
// a snapshot gives them back.
MERGE (i:IngestInfo {key: 'ingest'})
SET i.warnings = $load.warnings, i.projectCandidates = $load.projectCandidates
