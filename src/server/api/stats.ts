/**
 * `GET /api/stats`: node and edge counts of the graph store.
 */
import { defineRoute } from './route.js';
import { Stats } from './shapes.js';

export const statsRoute = defineRoute({
  path: '/stats',
  summary: 'Counts of the graph',
  response: Stats,
  errors: [503],
  handle(_input, state) {
    return state.storeLink.use((store) => store.stats());
  },
});
