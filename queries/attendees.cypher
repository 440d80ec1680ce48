// Named query `attendees`: who ATTENDED meeting $meeting and in which role, by name, id, role
// (a person with two roles gives two rows).
MATCH (p:Person)-[r:ATTENDED]->(:Meeting {id: $meeting})
RETURN p.id AS personId, p.name AS name, r.role AS role
ORDER BY name, personId, role
