// Named query `project`: discussions ABOUT project $id per month (`YYYY-MM`) of the meeting date,
// ascending; months without any are absent. Each discussion holds its meeting's date
// (load-meetings.cypher), so the meetings are not visited; ABOUT is one edge per discussion and
// target, so each discussion counts once.
MATCH (:Project {id: $id})<-[:ABOUT]-(d:Discussion)
RETURN substring(d.date, 0, 7) AS period, count(d) AS value
ORDER BY period
