/**
 * `GET /api/discussions`: discussions filtered by person, project, topic, meeting and dates
 * (the store's `discussions` query), by meeting date.
 */
import { z } from 'zod';
import type { DiscussionsParams } from '../../store/types.js';
import { dateBound, dateRange, nameOrId, page } from './inputs.js';
import { meetingId, personId, projectId, topicId } from './resolve.js';
import { defineRoute } from './route.js';
import { DiscussionRow, pageOf } from './shapes.js';

export const discussionsRoute = defineRoute({
  path: '/discussions',
  summary: 'List discussions',
  query: z.strictObject({
    person: nameOrId('a person who took part (id, name or alias)'),
    project: nameOrId('a project discussed (id, name or alias)'),
    topic: nameOrId('a topic discussed (id or name)'),
    meeting: nameOrId('a meeting id or date'),
    from: dateBound('from', 'meetings on or after (YYYY-MM-DD, YYYY-MM or YYYY)'),
    to: dateBound('to', 'meetings on or before (YYYY-MM-DD, YYYY-MM or YYYY)'),
    ...page(100, 1000),
  }),
  response: pageOf(DiscussionRow, 'DiscussionPage'),
  errors: [400, 404, 503],
  async handle({ query }, state) {
    const view = state.view;
    const params: DiscussionsParams = dateRange(query);
    if (query.person) params.person = personId(view, query.person, 'person');
    if (query.project) params.project = projectId(view, query.project, 'project');
    if (query.topic) params.topic = topicId(view, query.topic, 'topic');
    if (query.meeting) params.meeting = meetingId(view, query.meeting, 'meeting');
    const { total, rows } = await state.storeLink.use((store) => store.discussionPage(params, { offset: query.offset, limit: query.limit }));
    return { total, offset: query.offset, limit: query.limit, items: rows };
  },
});
