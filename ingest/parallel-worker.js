// Entry of an ingest worker thread (see parallel.ts). A worker thread does not inherit the module
// hooks its parent registered: it loads the TypeScript sources from their one-file build, or
// registers tsx itself (see src/bundle.js).
import { importSources } from '../src/bundle.js';

await importSources('ingest/parallel-worker.ts');
