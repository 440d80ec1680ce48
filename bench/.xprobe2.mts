import { tokenize } from '../ingest/predicate.js';
console.log(tokenize(process.argv[2]).map((t) => t.text).join(' | '));
