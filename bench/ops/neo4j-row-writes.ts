/**
 * Baseline: the graph written to Neo4j the naive way, one `MERGE` per node and per edge, each in
 * a transaction of its own (with the same uniqueness constraints as the store, so every MERGE is
 * an index look-up). `Neo4jStore.load` writes the same nodes and edges in batches instead.
 *
 *   NEO4J_URI=… node --import tsx bench/ops/neo4j-row-writes.ts --dataset corpus
 */
import neo4j from 'neo4j-driver';
import type { MeetingGraph } from '../../src/domain.js';
import { Neo4jStore } from '../../src/store/neo4j.js';
import { dataset, datasetGraph } from '../lib/datasets.js';
import { benchNeo4jConfig, emptyNeo4j } from '../lib/neo4j.js';
import { count, ms, opOptions, report, runOp, timed } from '../lib/op.js';

/** One statement per node and per edge of the graph, with its parameters. */
function rowStatements(g: MeetingGraph): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = [];
  const ev = (e: { file: string; line: number; sentence: string }) => ({ file: e.file, line: e.line, sentence: e.sentence });
  for (const m of g.meetings) out.push(['MERGE (n:Meeting {id: $id}) SET n.date = $date, n.title = $title, n.description = $description, n.source = $source, n.contentHash = $contentHash', { ...m }]);
  for (const p of g.people) out.push(['MERGE (n:Person {id: $id}) SET n.name = $name, n.aliases = $aliases', { ...p }]);
  for (const p of g.projects) out.push(['MERGE (n:Project {id: $id}) SET n.name = $name, n.aliases = $aliases, n.origin = $origin', { ...p }]);
  for (const t of g.topics) out.push(['MERGE (n:Topic {id: $id}) SET n.name = $name', { ...t }]);
  for (const r of g.references) out.push(['MERGE (n:Reference {id: $id}) SET n.url = $url', { ...r }]);
  for (const d of g.discussions) {
    out.push(['MERGE (n:Discussion {id: $id}) SET n.heading = $heading, n.text = $text, n.order = $order, n.line = $line', { id: d.id, heading: d.heading, text: d.text, order: d.order, line: d.line }]);
    out.push(['MATCH (m:Meeting {id: $m}), (d:Discussion {id: $d}) MERGE (m)-[:HAS_DISCUSSION]->(d)', { m: d.meetingId, d: d.id }]);
  }
  for (const a of g.actionItems) {
    out.push(['MERGE (n:ActionItem {id: $id}) SET n.task = $task, n.status = $status', { id: a.id, task: a.task, status: a.status }]);
    out.push(['MATCH (p:Person {id: $p}), (a:ActionItem {id: $a}) MERGE (p)-[r:OWNS]->(a) SET r += $ev', { p: a.ownerId, a: a.id, ev: ev(a.evidence) }]);
    out.push(['MATCH (a:ActionItem {id: $a}), (d:Discussion {id: $d}) MERGE (a)-[:RAISED_IN]->(d)', { a: a.id, d: a.discussionId }]);
    for (const p of a.projectIds) out.push(['MATCH (a:ActionItem {id: $a}), (p:Project {id: $p}) MERGE (a)-[:CONCERNS]->(p)', { a: a.id, p }]);
  }
  for (const x of g.attendance) out.push(['MATCH (p:Person {id: $p}), (m:Meeting {id: $m}) MERGE (p)-[r:ATTENDED {role: $role}]->(m) SET r += $ev', { p: x.personId, m: x.meetingId, role: x.role, ev: ev(x.evidence) }]);
  for (const x of g.discussed) out.push(['MATCH (p:Person {id: $p}), (d:Discussion {id: $d}) MERGE (p)-[r:DISCUSSED]->(d) SET r += $ev', { p: x.personId, d: x.discussionId, ev: ev(x.evidence) }]);
  for (const x of g.about) {
    const label = x.target === 'project' ? 'Project' : 'Topic';
    out.push([`MATCH (d:Discussion {id: $d}), (t:${label} {id: $t}) MERGE (d)-[r:ABOUT]->(t) SET r += $ev`, { d: x.discussionId, t: x.targetId, ev: ev(x.evidence) }]);
  }
  for (const x of g.cites) out.push(['MATCH (d:Discussion {id: $d}), (r:Reference {id: $r}) MERGE (d)-[c:CITES]->(r) SET c += $ev', { d: x.discussionId, r: x.referenceId, ev: ev(x.evidence) }]);
  return out;
}

runOp(import.meta.url, async () => {
  const opts = opOptions('neo4j-row-writes');
  const config = benchNeo4jConfig();
  const graph = await datasetGraph(dataset(opts.dataset));
  // Opening the store creates its constraints; then it is put aside.
  await emptyNeo4j(config);
  const store = await Neo4jStore.open(config);
  await store.close();
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const session = driver.session({ database: config.database });
  const statements = rowStatements(graph);
  try {
    const run = await timed(async () => {
      for (const [text, params] of statements) await session.executeWrite((tx) => tx.run(text, params));
    });
    report({ wall: ms(run.wallMs), cpu: ms(run.cpuMs), transactions: count(statements.length) });
  } finally {
    await session.close();
    await driver.close();
    await emptyNeo4j(config);
  }
});
