// Named query `neighbourhood`, the edges among the nodes kept as neighbourhood-edges.cypher gives
// them, read from the range's meetings (the meeting_date index between both bounds) instead of
// from the people kept. The store takes this one when the range's person–discussion paths are
// fewer than those the people kept have over every date: a month in which 30 busy people took
// part holds about 1,500 paths, where their discussions over every date are 12,000. Each
// discussion's people and projects are read from it (pattern comprehensions expand from the
// discussion at hand; a MATCH let the planner seek the people and join, reading all their paths
// again). DISCUSSED and ABOUT are one edge per pair, so a discussion gives a pair one row.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE m.date >= coalesce($from, '') AND m.date <= coalesce($to, '\uffff')
WITH [(p:Person)-[:DISCUSSED]->(d) WHERE p.id IN $people | p.id] AS people,
     [(d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects | j.id] AS projects
UNWIND people AS source
UNWIND projects AS target
RETURN source, target, count(*) AS weight
