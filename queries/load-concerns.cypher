// (ActionItem)-[:CONCERNS]->(Project)
UNWIND $rows AS row
MATCH (a:ActionItem {id: row.actionId})
MATCH (p:Project {id: row.projectId})
MERGE (a)-[:CONCERNS]->(p)
