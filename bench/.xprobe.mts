import { ingestNotes } from '../ingest/index.js';
import { hashBytes } from '../ingest/read.js';
const people = [
  { name: 'Anil Madhavapeddy', aliases: ['Anil', 'AM'] }, { name: 'Richard Mortier', aliases: ['Mort'] },
  { name: 'Amir Chaudhry', aliases: ['Amir'] }, { name: 'Dan W', aliases: ['DanW'] }, { name: 'David Scott', aliases: ['Dave'] },
  { name: 'Malte', aliases: [] }, { name: 'Thomas Gazagnaire', aliases: ['ThomasG'] }, { name: 'Louis Gesbert', aliases: [] },
  { name: 'David Kaloper', aliases: ['DavidK'] }, { name: 'Mindy Preston', aliases: ['Mindy'] },
];
const bodies = process.argv.slice(2);
const body = bodies.map((b, i) => `### S${i}\n\n${b}\n`).join('\n');
const text = `---\nupdated: 2021-03-04\n---\nAttendees: Anil, Mort\n\n${body}`;
const g = ingestNotes([{ source: '2021-03-04.md', text, contentHash: hashBytes(text) }], { people, projects: [{ name: 'opam', aliases: ['OPAM'] }], topics: false });
const names = new Map(g.people.map((p) => [p.id, p.name]));
for (const d of g.discussions) {
  console.log('==', d.heading);
  for (const a of g.actionItems.filter((x) => x.discussionId === d.id)) console.log('  ', names.get(a.ownerId), a.status, '|', a.task);
}
