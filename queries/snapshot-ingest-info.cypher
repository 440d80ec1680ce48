// Snapshot: the ingest warnings and project candidates (JSON), if a load stored them.
MATCH (i:IngestInfo {key: 'ingest'})
RETURN i.warnings AS warnings, i.projectCandidates AS projectCandidates
