// Creates Meeting nodes with their Discussion nodes (HAS_DISCUSSION). `delete-meeting` has just
// removed every node with these ids, so CREATE, not MERGE (the uniqueness constraints would refuse
// a duplicate). `fingerprint` is the hash of the meeting's extracted subgraph, compared on the next
// load together with `contentHash` to find changed meetings. A discussion's `snippet` is
// precomputed (whitespace collapsed, first 200 characters) so that discussion rows need no text
// processing in Cypher. The counts of discussions and of action items per status let the
// unanchored list queries (discussions.cypher, actions.cypher) total a page's list from the meeting
// nodes alone; a database written before they existed gets them at open (meeting-counts.cypher).
// Each discussion also holds its meeting's date and id, so that a page of a topic's thousands of
// discussions is ordered without visiting their meetings (discussion-dates.cypher fills them in
// a database written before).
UNWIND $load.rows AS row
CREATE (m:Meeting {id: row.id, date: row.date, title: row.title, description: row.description, source: row.source,
                   contentHash: row.contentHash, fingerprint: row.fingerprint,
                   discussionCount: row.discussionCount, todoActionCount: row.todoActionCount,
                   ongoingActionCount: row.ongoingActionCount, doneActionCount: row.doneActionCount})
WITH m, row
UNWIND row.discussions AS d
CREATE (m)-[:HAS_DISCUSSION]->(:Discussion {id: d.id, heading: d.heading, text: d.text, snippet: d.snippet, order: d.order, line: d.line,
                                          date: row.date, meetingId: row.id})
