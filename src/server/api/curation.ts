/**
 * `GET /api/curation`: unresolved and ambiguous mentions, discovered project candidates and the
 * registry entries that would settle them.
 */
import { z } from 'zod';
import { curationReport } from '../curation.js';
import { defineRoute } from './route.js';
import { Evidence } from './shapes.js';

const Place = z.object({ file: z.string(), line: z.number().int().nullable() });
const MentionGroup = z
  .object({
    mention: z.string(),
    count: z.number().int(),
    places: z.array(Place),
    candidates: z.array(z.string()),
    message: z.string(),
  })
  .meta({ id: 'MentionGroup' });

export const curationRoute = defineRoute({
  path: '/curation',
  summary: 'Mentions and names to settle in people.yml / projects.yml',
  response: z
    .object({
      unresolved: z.array(MentionGroup),
      ambiguous: z.array(MentionGroup),
      projectCandidates: z.array(z.object({ name: z.string(), count: z.number().int(), evidence: z.array(Evidence) })),
      problems: z.array(z.object({ kind: z.string(), file: z.string(), line: z.number().int().nullable(), message: z.string() })),
      peopleYaml: z.string().meta({ description: 'entries to add to people.yml' }),
      projectsYaml: z.string().meta({ description: 'entries to add to projects.yml' }),
    })
    .meta({ id: 'CurationReport' }),
  handle(_input, state) {
    return curationReport(state.view.graph);
  },
});
