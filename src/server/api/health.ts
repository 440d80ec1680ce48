/**
 * `GET /api/health`: whether the server can answer everything (`ok`) or only what it holds in
 * memory (`degraded`: the graph database is unreachable), with counts and the last ingest.
 */
import { z } from 'zod';
import { defineRoute } from './route.js';

export const healthRoute = defineRoute({
  path: '/health',
  summary: 'Server health',
  response: z
    .object({
      status: z.enum(['ok', 'degraded']),
      store: z.object({
        kind: z.enum(['neo4j', 'embedded']).nullable().meta({ description: 'null while no store could be opened' }),
        state: z.enum(['ok', 'degraded']),
        error: z.string().nullable(),
      }),
      counts: z.object({
        meetings: z.number().int(),
        discussions: z.number().int(),
        people: z.number().int(),
        projects: z.number().int(),
        topics: z.number().int(),
        actionItems: z.number().int(),
        searchDocuments: z.number().int(),
      }),
      lastIngest: z.object({
        finishedAt: z.string().nullable(),
        durationMs: z.number().nullable(),
        reused: z.boolean(),
        count: z.number().int(),
        error: z.string().nullable(),
      }),
      watching: z.boolean().meta({ description: 'true when the notes folder is watched for changes' }),
    })
    .meta({ id: 'Health' }),
  async handle(_input, state) {
    const storeState = await state.storeLink.probe();
    const g = state.view.graph;
    return {
      status: storeState,
      store: { kind: state.storeLink.kind ?? state.configuredStoreKind, state: storeState, error: state.storeLink.error },
      counts: {
        meetings: g.meetings.length,
        discussions: g.discussions.length,
        people: g.people.length,
        projects: g.projects.length,
        topics: g.topics.length,
        actionItems: g.actionItems.length,
        searchDocuments: state.search.size,
      },
      lastIngest: state.ingestStatus,
      watching: state.watching,
    };
  },
});
