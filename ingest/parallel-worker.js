// Entry of an ingest worker thread (see parallel.ts). A worker thread does not inherit the module
// hooks its parent registered, so it registers tsx itself before loading the TypeScript sources.
import { register } from 'tsx/esm/api';

register();
await import('./parallel-worker.ts');
