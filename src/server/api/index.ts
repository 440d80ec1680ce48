/**
 * Every endpoint of the JSON API, in the order the OpenAPI document lists them.
 */
import { actionsRoute } from './actions.js';
import { askRoute } from './ask.js';
import { curationRoute } from './curation.js';
import { discussionsRoute } from './discussions.js';
import { graphRoute } from './graph.js';
import { healthRoute } from './health.js';
import { meetingRoute, meetingsRoute } from './meetings.js';
import { peopleRoute, personRoute } from './people.js';
import { projectRoute, projectsRoute } from './projects.js';
import type { ApiRoute } from './route.js';
import { searchRoute } from './search.js';
import { statsRoute } from './stats.js';

export const apiRoutes: ApiRoute[] = [
  searchRoute,
  askRoute,
  discussionsRoute,
  meetingsRoute,
  meetingRoute,
  peopleRoute,
  personRoute,
  projectsRoute,
  projectRoute,
  actionsRoute,
  graphRoute,
  statsRoute,
  healthRoute,
  curationRoute,
];

export type { ApiRoute } from './route.js';
