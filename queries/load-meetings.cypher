// Writes Meeting nodes. `fingerprint` is the hash of the meeting's extracted subgraph, compared on
// the next load together with `contentHash` to find changed meetings.
UNWIND $rows AS row
MERGE (m:Meeting {id: row.id})
SET m.date = row.date, m.title = row.title, m.description = row.description, m.source = row.source,
    m.contentHash = row.contentHash, m.fingerprint = row.fingerprint
