// Named query `neighbourhood` with a center, its direct neighbours within $from/$to (inclusive,
// null = open): the projects of the discussions the person $center DISCUSSED, and the people who
// DISCUSSED the discussions ABOUT the project $center (an id may name one of each). Read through
// the discussions' copies of their meeting's date.
CALL {
  OPTIONAL MATCH (c:Person {id: $center})-[:DISCUSSED]->(d:Discussion)-[:ABOUT]->(j:Project)
  WHERE d.date >= coalesce($from, '') AND d.date <= coalesce($to, '\uffff')
  RETURN collect(DISTINCT j.id) AS projects
}
CALL {
  OPTIONAL MATCH (c:Project {id: $center})<-[:ABOUT]-(d:Discussion)<-[:DISCUSSED]-(p:Person)
  WHERE d.date >= coalesce($from, '') AND d.date <= coalesce($to, '\uffff')
  RETURN collect(DISTINCT p.id) AS people
}
RETURN people, projects
