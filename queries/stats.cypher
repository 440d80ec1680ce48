// Named query `stats`: node and edge counts, and the first and last meeting date.
// ABOUT counts edges to projects and to topics.
OPTIONAL MATCH (m:Meeting)
WITH min(m.date) AS firstMeeting, max(m.date) AS lastMeeting
RETURN COUNT { (:Meeting) } AS meetings,
       COUNT { (:Discussion) } AS discussions,
       COUNT { (:Person) } AS people,
       COUNT { (:Project) } AS projects,
       COUNT { (:Topic) } AS topics,
       COUNT { (:ActionItem) } AS actionItems,
       COUNT { (:Reference) } AS references,
       COUNT { ()-[:ATTENDED]->() } AS attended,
       COUNT { ()-[:DISCUSSED]->() } AS discussed,
       COUNT { ()-[:ABOUT]->() } AS about,
       COUNT { ()-[:OWNS]->() } AS owns,
       COUNT { ()-[:CITES]->() } AS cites,
       firstMeeting,
       lastMeeting
