// Values for the reads a server has run once after a load (`warmReads` in src/store/neo4j.ts):
// the id of one meeting, person, project and topic, and the year of the newest meeting (each
// null when the database holds none). Real values, not ones that match nothing: the server then
// plans each read as it will be asked, and runs it over rows as it will.
RETURN COLLECT { MATCH (m:Meeting) RETURN m.id LIMIT 1 }[0] AS meeting,
       COLLECT { MATCH (m:Meeting) WHERE m.date >= '' RETURN substring(m.date, 0, 4) ORDER BY m.date DESC LIMIT 1 }[0] AS year,
       COLLECT { MATCH (p:Person) RETURN p.id LIMIT 1 }[0] AS person,
       COLLECT { MATCH (p:Project) RETURN p.id LIMIT 1 }[0] AS project,
       COLLECT { MATCH (t:Topic) RETURN t.id LIMIT 1 }[0] AS topic
