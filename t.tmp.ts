import { loadSearchIndex } from './src/search/persist.js';
import { readFileSync } from 'node:fs';
import { SearchIndex } from './src/search/index.js';
let t = performance.now(); const idx = await loadSearchIndex('/tmp/mg-mirage'); console.log('load', performance.now() - t);
const g = JSON.parse(readFileSync('/tmp/mg-mirage/graph.json', 'utf8'));
t = performance.now(); const b = SearchIndex.build(g); console.log('build', performance.now() - t);
g.discussions[5] = { ...g.discussions[5], text: g.discussions[5].text + ' foo' };
t = performance.now(); console.log(idx!.update(g), 'update', performance.now() - t);
