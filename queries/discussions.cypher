// Named query `discussions`. Filters are ANDed; an absent one is null:
//   $person   — the person DISCUSSED the discussion;
//   $projects — the discussion is ABOUT any of these projects (a list; [] matches nothing);
//   $topic    — the discussion is ABOUT this topic;
//   $meeting  — the discussion belongs to this meeting;
//   $from/$to — the meeting's date is within them, inclusive.
// Rows by meeting date, meeting id, then discussion order; people and projects as sorted names.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)
WHERE ($meeting IS NULL OR m.id = $meeting)
  AND ($from IS NULL OR m.date >= $from)
  AND ($to IS NULL OR m.date <= $to)
  AND ($person IS NULL OR EXISTS { (:Person {id: $person})-[:DISCUSSED]->(d) })
  AND ($projects IS NULL OR EXISTS { MATCH (d)-[:ABOUT]->(j:Project) WHERE j.id IN $projects })
  AND ($topic IS NULL OR EXISTS { (d)-[:ABOUT]->(:Topic {id: $topic}) })
RETURN d.id AS discussionId,
       m.id AS meetingId,
       m.date AS meeting,
       d.heading AS heading,
       d.snippet AS snippet,
       COLLECT { MATCH (p:Person)-[:DISCUSSED]->(d) RETURN p.name AS name ORDER BY name } AS people,
       COLLECT { MATCH (d)-[:ABOUT]->(j:Project) RETURN j.name AS name ORDER BY name } AS projects
ORDER BY meeting, meetingId, d.order
