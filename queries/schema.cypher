// Uniqueness constraints (each also backs an index on `id`) and the index on meeting dates.
// Run in a transaction of their own when the store opens; idempotent.
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT discussion_id IF NOT EXISTS FOR (n:Discussion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT action_item_id IF NOT EXISTS FOR (n:ActionItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT reference_id IF NOT EXISTS FOR (n:Reference) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ingest_info_key IF NOT EXISTS FOR (n:IngestInfo) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT schema_version_key IF NOT EXISTS FOR (n:SchemaVersion) REQUIRE n.key IS UNIQUE;
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
