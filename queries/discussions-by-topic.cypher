// Named query `discussions` with $topic (and no meeting or person): the discussions ABOUT that topic,
// starting from it so that the planner seeks the unique index on Topic.id. The other filters are
// ANDed, an absent one is null: it is ABOUT any of $projects (a list; [] matches nothing); the
// meeting's date is within $from/$to, inclusive. The ABOUT edge is merged (load-about-topics.cypher),
// so no row comes twice.
// Same rows, columns and order as discussions.cypher.
// Paged (see discussions.cypher): the same pattern is counted first, for `total`.
CALL () {
  MATCH (:Topic {id: $topic})<-[:ABOUT]-(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
  WHERE ($from IS NULL OR m.date >= $from)
    AND ($to IS NULL OR m.date <= $to)
    AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
  RETURN count(*) AS total
}
MATCH (:Topic {id: $topic})<-[:ABOUT]-(d:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
WHERE ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
WITH total, m, d
ORDER BY m.date, m.id, d.order
SKIP $offset LIMIT $limit
RETURN d.id AS discussionId,
       m.id AS meetingId,
       m.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects,
       total
ORDER BY meeting, meetingId, d.order
