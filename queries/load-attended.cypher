// (Person)-[:ATTENDED {role, file, line, sentence}]->(Meeting): one edge per person, meeting and role.
UNWIND $rows AS row
MATCH (p:Person {id: row.personId})
MATCH (m:Meeting {id: row.meetingId})
MERGE (p)-[r:ATTENDED {role: row.role}]->(m)
SET r.file = row.file, r.line = row.line, r.sentence = row.sentence
