// Named query `project`, second part: in one row, the project $id's people — who DISCUSSED
// discussions ABOUT it, count = such discussions — and its related projects — the other projects
// of discussions ABOUT it, count = such discussions — each an [id, name, count] list, in no order
// (the store sorts them by count descending, then name, then id). No row when there is no such
// project. Read from the project's stored weights (load-project-weights.cypher), which count
// exactly these discussions, rather than from their hundreds of discussions' edges; one statement
// for both, as each statement costs a round trip. Lists, not maps: at 10,000 meetings the
// busiest project has 410 people and 259 related projects, and maps of them (each sending its
// keys) took 10.9–12.7 ms at the median where these lists take 7.1–8.7.
MATCH (j:Project {id: $id})
RETURN COLLECT {
         UNWIND range(0, size(j.pairIds) - 1) AS i
         MATCH (p:Person {id: j.pairIds[i]})
         RETURN [p.id, p.name, j.pairWeights[i]]
       } AS people,
       COLLECT {
         UNWIND range(0, size(j.relatedIds) - 1) AS i
         MATCH (other:Project {id: j.relatedIds[i]})
         RETURN [other.id, other.name, j.relatedWeights[i]]
       } AS related
