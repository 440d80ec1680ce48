// Named query `project`: discussions ABOUT project $id per month (`YYYY-MM`) of the meeting date,
// ascending; months without any are absent.
MATCH (m:Meeting)-[:HAS_DISCUSSION]->(d:Discussion)-[:ABOUT]->(:Project {id: $id})
RETURN substring(m.date, 0, 7) AS period, count(DISTINCT d) AS value
ORDER BY period
