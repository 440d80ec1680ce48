// Sets on each ActionItem that lacks it its `orderKey`, as load-actions.cypher writes it (a
// database written before it existed). Run when the store opens, after discussion-dates.cypher.
// A load writes the key on every item it creates, so a database has keys on all its items or on
// none: one item tells which, and a database that has them is not scanned (255,791 items at
// 10,000 meetings took 200–300 ms to scan).
//
// The key is the item's place in the order of the `actions` query — its discussion's meeting date,
// meeting id and order, then its own id — as one string: the fields joined by U+0000, which sorts
// before every character an id or a date holds, and the order zero-padded to six digits, so that
// comparing two keys compares the fields one after another. A detail's newest action items
// (person-actions.cypher, project-actions.cypher) sort on it alone, without visiting each item's
// discussion.
MATCH (sample:ActionItem)
WITH sample
LIMIT 1
WITH sample
WHERE sample.orderKey IS NULL
MATCH (a:ActionItem)-[:RAISED_IN]->(d:Discussion)
WHERE a.orderKey IS NULL
SET a.orderKey = d.date + '\u0000' + d.meetingId + '\u0000' + right('000000' + toString(d.order), 6) + '\u0000' + a.id
