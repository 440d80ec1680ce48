// Drops, among the given people, projects, topics and references, those no edge touches any more:
// what a load that writes only changed meetings may have left unlinked (the entities their old
// subgraphs touched, and those it wrote or no longer lists). Returns what it dropped.
CALL {
  UNWIND $load.people AS id
  MATCH (n:Person {id: id})
  RETURN n
  UNION
  UNWIND $load.projects AS id
  MATCH (n:Project {id: id})
  RETURN n
  UNION
  UNWIND $load.topics AS id
  MATCH (n:Topic {id: id})
  RETURN n
  UNION
  UNWIND $load.references AS id
  MATCH (n:Reference {id: id})
  RETURN n
}
WITH n
WHERE NOT EXISTS { (n)--() }
WITH n, CASE WHEN n:Person THEN 'person' WHEN n:Project THEN 'project' WHEN n:Topic THEN 'topic' ELSE 'reference' END AS kind, n.id AS id
DELETE n
RETURN kind, id
