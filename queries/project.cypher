// Named query `project`, first part: the project $id with the first and last date of a meeting
// where a discussion was ABOUT it. No row when there is no such project.
MATCH (j:Project {id: $id})
OPTIONAL MATCH (m:Meeting)-[:HAS_DISCUSSION]->(:Discussion)-[:ABOUT]->(j)
RETURN j.id AS id, j.name AS name, j.aliases AS aliases, j.origin AS origin,
       min(m.date) AS firstDiscussed, max(m.date) AS lastDiscussed
