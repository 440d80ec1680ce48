/**
 * `GET /api/graph`: the people↔project graph for drawing, around a center and within dates
 * (the store's `neighbourhood` query).
 */
import { z } from 'zod';
import { notFound } from '../errors.js';
import type { GraphView } from '../graph-view.js';
import { dateBound, dateRange, nameOrId, wholeNumber } from './inputs.js';
import { defineRoute } from './route.js';

const GraphNode = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: z.enum(['person', 'project']),
    weight: z.number().meta({ description: 'discussions in the range' }),
  })
  .meta({ id: 'GraphNode' });

const GraphEdge = z
  .object({
    source: z.string().meta({ description: 'person id' }),
    target: z.string().meta({ description: 'project id' }),
    weight: z.number().meta({ description: 'discussions where the person took part and the project was discussed' }),
  })
  .meta({ id: 'GraphEdge' });

export const graphRoute = defineRoute({
  path: '/graph',
  summary: 'The people↔project graph',
  query: z.strictObject({
    center: nameOrId('a person or project (id, name or alias): only it and its neighbours'),
    from: dateBound('from', 'discussions on or after (YYYY-MM-DD, YYYY-MM or YYYY)'),
    to: dateBound('to', 'discussions on or before'),
    limit: wholeNumber(1, 300, 60, 'most nodes, strongest first'),
  }),
  response: z
    .object({ center: z.string().nullable(), nodes: z.array(GraphNode), edges: z.array(GraphEdge) })
    .meta({ id: 'Neighbourhood' }),
  errors: [400, 404, 503],
  async handle({ query }, state) {
    const center = query.center ? centerId(state.view, query.center) : undefined;
    const params = { ...dateRange(query), limit: query.limit, ...(center ? { center } : {}) };
    const graph = await state.storeLink.use((store) => store.neighbourhood(params));
    return { center: center ?? null, ...graph };
  },
});

function centerId(view: GraphView, value: string): string {
  if (view.person(value) || view.project(value)) return value;
  const found = view.findPerson(value) ?? view.findProject(value);
  if (!found) throw notFound(`no person or project "${value}"`, 'center');
  return found.id;
}
