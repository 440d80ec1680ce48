import { ingestFolder } from '../ingest/index.js';
const dir = process.argv[2]; const workers = Number(process.argv[3]);
const c0 = process.cpuUsage(); const t = performance.now();
const g = await ingestFolder(dir, { peopleFile: dir + '/people.yml', projectsFile: dir + '/projects.yml', workers });
const c = process.cpuUsage(c0);
console.log('workers', workers, 'execArgv', JSON.stringify(process.execArgv), 'MG_EXEC', process.env.MG_EXEC ?? '', 'ms', (performance.now() - t).toFixed(0), 'cpu', ((c.user + c.system) / 1000).toFixed(0), 'rss MB', (process.resourceUsage().maxRSS / 1024).toFixed(0), g.meetings.length);
