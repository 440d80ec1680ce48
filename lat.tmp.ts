import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { copyNotes, EXAMPLE_NOTES, startTestServer } from './tests/server/support.js';
const notes = copyNotes(EXAMPLE_NOTES);
const server = await startTestServer({ notesDir: notes.dir, watch: true, watchDebounceMs: 200, log: (l) => console.log(new Date().toISOString(), l) });
for (const w of ['alphaone', 'betatwo', 'gammathree']) {
  const file = path.join(notes.dir, `2024-03-0${w.length % 9}.md`);
  const t0 = performance.now();
  console.log(new Date().toISOString(), 'write');
  writeFileSync(file, `---\ndate: 2024-03-0${w.length % 9}\n---\n\n#### ${w} ####\n\nMarcus talked about ${w}.\n`);
  for (;;) {
    const r = await server.get(`/api/search?q=${w}`);
    if (r.body.total > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  console.log(w, Math.round(performance.now() - t0));
}
await server.close(); notes.cleanup();
