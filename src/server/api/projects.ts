/**
 * `GET /api/projects` (every project with its aliases and counts) and `GET /api/projects/:id`
 * (a project's page: activity, people, related projects, action items, discussions).
 */
import { z } from 'zod';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from '../../store/types.js';
import { notFound } from '../errors.js';
import { idParam } from './inputs.js';
import { everyMonth } from './people.js';
import { defineRoute } from './route.js';
import { ActionRow, DiscussionRow, NamedCount, PeriodCount } from './shapes.js';

const ProjectSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    origin: z.enum(['registry', 'discovered']),
    discussions: z.number().int(),
    firstDiscussed: z.string().nullable(),
    lastDiscussed: z.string().nullable(),
  })
  .meta({ id: 'ProjectSummary' });

export const projectsRoute = defineRoute({
  path: '/projects',
  summary: 'Every project',
  response: z.object({ total: z.number().int(), items: z.array(ProjectSummary) }).meta({ id: 'ProjectsList' }),
  handle(_input, state) {
    const items = state.view.projects();
    return { total: items.length, items };
  },
});

const ProjectPage = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    origin: z.enum(['registry', 'discovered']),
    perMonth: z.array(PeriodCount).meta({ description: 'discussions per month, every month of the span (empty ones as 0)' }),
    people: z.array(NamedCount),
    actions: z.array(ActionRow).meta({ description: `the newest ${DETAIL_ACTIONS} action items about it, the oldest of them first` }),
    actionCount: z.number().int().meta({ description: 'every action item about it: /api/actions?project=<id> pages through them' }),
    related: z.array(NamedCount),
    firstDiscussed: z.string().nullable(),
    lastDiscussed: z.string().nullable(),
    discussions: z.array(DiscussionRow).meta({ description: `the newest ${DETAIL_DISCUSSIONS} discussions about it, newest first` }),
    discussionCount: z.number().int().meta({ description: 'every discussion about it: /api/discussions?project=<id> pages through them' }),
  })
  .meta({ id: 'ProjectPage' });

export const projectRoute = defineRoute({
  path: '/projects/:id',
  summary: "A project's page",
  params: idParam,
  response: ProjectPage,
  errors: [400, 404, 503],
  async handle({ params }, state) {
    const id = state.view.findProject(params.id)?.id;
    if (!id) throw notFound(`no project "${params.id}"`, 'id');
    const detail = await state.storeLink.use((store) => store.project(id));
    if (!detail) throw notFound(`no project "${params.id}"`, 'id');
    const byMonth = new Map(detail.perMonth.map((p) => [p.period, p.value]));
    return {
      ...detail,
      perMonth: everyMonth([...byMonth.keys()]).map((period) => ({ period, value: byMonth.get(period) ?? 0 })),
      discussions: [...detail.discussions].reverse(),
    };
  },
});
