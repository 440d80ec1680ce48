#!/usr/bin/env node
// Entry point of the `meetgraph` command: loads the TypeScript sources through tsx so that
// `npm install` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv);
