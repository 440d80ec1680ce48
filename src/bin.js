#!/usr/bin/env node
// Entry point of the `meetgraph` command. `npm install` needs no build step: the TypeScript
// sources run from their one-file build, made here when they changed (see bundle.js).
import { importSources } from './bundle.js';

if (process.env.MEETGRAPH_DEBUG) process.setSourceMapsEnabled(true);
const cli = await importSources('src/cli.ts');
process.exitCode = await cli.main(process.argv);
