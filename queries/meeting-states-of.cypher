// What the store knows about the given meetings to tell whether they changed (those stored).
UNWIND $load.ids AS id
MATCH (m:Meeting {id: id})
RETURN m.id AS id, m.contentHash AS contentHash, m.fingerprint AS fingerprint
