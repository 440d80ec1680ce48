/**
 * Baseline: one plain `compromise` pass over every word of a folder, `nlp(text)` for each note
 * (which tags every term), in a fresh process, modules loaded. What a pipeline that ran NLP over
 * all the text would pay at least.
 *
 *   node --import tsx bench/ops/compromise.ts --dataset corpus
 */
import nlp from '../../ingest/nlp.js';
import { readNotesFolder } from '../../ingest/read.js';
import { dataset } from '../lib/datasets.js';
import { count, ms, opOptions, report, runOp, timed } from '../lib/op.js';

runOp(import.meta.url, async () => {
  const opts = opOptions('compromise');
  const { notes } = await readNotesFolder(dataset(opts.dataset).notesDir);
  const run = await timed(() => notes.map((note) => nlp(note.text)));
  const terms = run.value.reduce((n, doc) => n + doc.terms().length, 0);
  report({ wall: ms(run.wallMs), cpu: ms(run.cpuMs), terms: count(terms) }, { notes: notes.length });
});
