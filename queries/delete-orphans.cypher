// Drops Person, Project, Topic and Reference nodes that no edge touches any more.
MATCH (n)
WHERE (n:Person OR n:Project OR n:Topic OR n:Reference) AND NOT EXISTS { (n)--() }
DELETE n
