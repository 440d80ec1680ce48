// The stored meeting that holds each of the given discussion and action item ids (ids no meeting
// holds are left out): a load that writes only changed meetings checks that their new ids collide
// with no kept meeting's.
CALL {
  UNWIND $load.discussionIds AS id
  MATCH (m:Meeting)-[:HAS_DISCUSSION]->(:Discussion {id: id})
  RETURN 'discussion' AS kind, id, m.id AS meetingId
  UNION ALL
  UNWIND $load.actionIds AS id
  MATCH (:ActionItem {id: id})-[:RAISED_IN]->(:Discussion)<-[:HAS_DISCUSSION]-(m:Meeting)
  RETURN 'action item' AS kind, id, m.id AS meetingId
}
RETURN kind, id, meetingId
