// Named query `person`: the meetings person $id ATTENDED (once each, whatever the role), by date then id.
MATCH (:Person {id: $id})-[:ATTENDED]->(m:Meeting)
RETURN DISTINCT m.id AS meetingId, m.date AS meeting, m.title AS title
ORDER BY meeting, meetingId
