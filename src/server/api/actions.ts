/**
 * `GET /api/actions`: action items by owner, project (of the item or of its discussion), status and
 * dates (the store's `actions` query).
 */
import { z } from 'zod';
import type { ActionsParams } from '../../store/types.js';
import { dateBound, dateRange, nameOrId, page } from './inputs.js';
import { personId, projectId } from './resolve.js';
import { defineRoute } from './route.js';
import { ActionRow, pageOf } from './shapes.js';

export const actionsRoute = defineRoute({
  path: '/actions',
  summary: 'List action items',
  query: z.strictObject({
    person: nameOrId('the owner (id, name or alias)'),
    project: nameOrId('a project the item concerns'),
    discussionProject: nameOrId('a project the discussion the item was raised in is about'),
    status: z.enum(['todo', 'ongoing', 'done'], { message: 'must be todo, ongoing or done' }).optional().meta({ description: 'todo, ongoing or done' }),
    from: dateBound('from', 'raised on or after'),
    to: dateBound('to', 'raised on or before'),
    ...page(100, 1000),
  }),
  response: pageOf(ActionRow, 'ActionPage'),
  errors: [400, 404, 503],
  async handle({ query }, state) {
    const view = state.view;
    const params: ActionsParams = dateRange(query);
    if (query.status) params.status = query.status;
    if (query.person) params.person = personId(view, query.person, 'person');
    if (query.project) params.project = projectId(view, query.project, 'project');
    if (query.discussionProject) params.discussionProject = projectId(view, query.discussionProject, 'discussionProject');
    const { total, rows } = await state.storeLink.use((store) => store.actionPage(params, { offset: query.offset, limit: query.limit }));
    return { total, offset: query.offset, limit: query.limit, items: rows };
  },
});
