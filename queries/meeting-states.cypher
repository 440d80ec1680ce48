// What the store knows about each meeting to tell whether it changed.
MATCH (m:Meeting)
RETURN m.id AS id, m.contentHash AS contentHash, m.fingerprint AS fingerprint
