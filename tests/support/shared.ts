import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The read-only `shared/` folder that sits beside the repository (corpus, registries, gold). */
export const SHARED = process.env.MEETGRAPH_SHARED ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
