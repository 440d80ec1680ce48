import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copyNotes, MIRAGE, startTestServer } from './tests/server/support.js';
const notes = copyNotes(MIRAGE.notesDir);
const t = performance.now();
const server = await startTestServer({ notesDir: notes.dir, peopleFile: MIRAGE.peopleFile, projectsFile: MIRAGE.projectsFile, watch: true, log: (l) => console.log(l) });
console.log('startup', Math.round(performance.now() - t));
for (const w of ['alphaone', 'betatwo', 'gammathree']) {
  const file = path.join(notes.dir, '2014-06-10.md');
  const t0 = performance.now();
  writeFileSync(file, readFileSync(file, 'utf8') + `\n\nAnil mentioned ${w} again.\n`);
  for (;;) {
    const r = await server.get(`/api/search?q=${w}`);
    if (r.body.total > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  console.log(w, Math.round(performance.now() - t0));
}
await server.close(); notes.cleanup();
