// Named query `neighbourhood`, the edges among the nodes kept as neighbourhood-edges.cypher gives
// them, read from the range's meetings (the meeting_date index between both bounds) instead of
// from the people kept. The store takes this one when the range's person–discussion paths are
// fewer than those the people kept have over every date: a month in which 30 busy people took
// part holds about 1,500 paths, where their discussions over every date are 12,000.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
USING INDEX m:Meeting(date)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
MATCH (p:Person)-[:DISCUSSED]->(d)
WHERE p.id IN $people
MATCH (d)-[:ABOUT]->(j:Project)
WHERE j.id IN $projects
RETURN p.id AS source, j.id AS target, count(DISTINCT d) AS weight
