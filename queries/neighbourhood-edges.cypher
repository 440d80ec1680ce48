// Named query `neighbourhood`, the edges among the nodes kept: person→project for each of $people
// and $projects, weighted by the discussions within $from/$to (inclusive, null = open) that the
// person DISCUSSED and that are ABOUT the project. Read from the people kept, through the
// discussions' copies of their meeting's date, so the cost follows the nodes shown (at most a few
// hundred) rather than every path in the range (29,855 pairs in one year at 10,000 meetings).
UNWIND $people AS personId
MATCH (p:Person {id: personId})-[:DISCUSSED]->(d:Discussion)
WHERE d.date >= coalesce($from, '') AND d.date <= coalesce($to, '\uffff')
MATCH (d)-[:ABOUT]->(j:Project)
WHERE j.id IN $projects
RETURN p.id AS source, j.id AS target, count(DISTINCT d) AS weight
