/**
 * `GET /api/meetings` (the store's `meetings` query, with counts) and `GET /api/meetings/:id`
 * (a whole meeting with its discussions and the evidence of every extracted fact).
 */
import { z } from 'zod';
import { notFound } from '../errors.js';
import { meetingDetail } from '../meeting-detail.js';
import { dateBound, dateRange, idParam, nameOrId, page } from './inputs.js';
import { personId } from './resolve.js';
import { defineRoute } from './route.js';
import { Evidence, pageOf } from './shapes.js';

const MeetingSummary = z
  .object({
    meetingId: z.string(),
    meeting: z.string(),
    title: z.string(),
    discussions: z.number().int(),
    attendees: z.number().int(),
  })
  .meta({ id: 'MeetingSummary' });

export const meetingsRoute = defineRoute({
  path: '/meetings',
  summary: 'List meetings',
  query: z.strictObject({
    attendee: nameOrId('only meetings this person attended'),
    from: dateBound('from', 'on or after'),
    to: dateBound('to', 'on or before'),
    ...page(100, 1000),
  }),
  response: pageOf(MeetingSummary, 'MeetingPage'),
  errors: [400, 404, 503],
  async handle({ query }, state) {
    const view = state.view;
    const params: { attendee?: string; from?: string; to?: string } = dateRange(query);
    if (query.attendee) params.attendee = personId(view, query.attendee, 'attendee');
    const { total, rows } = await state.storeLink.use((store) => store.meetingPage(params, { offset: query.offset, limit: query.limit }));
    const items = rows.map((r) => ({ ...r, ...view.meetingCounts(r.meetingId) }));
    return { total, offset: query.offset, limit: query.limit, items };
  },
});

const Named = z.object({ id: z.string(), name: z.string(), aliases: z.array(z.string()), evidence: Evidence });
const MeetingLink = z.object({ id: z.string(), date: z.string(), title: z.string() }).nullable();

const MeetingDetail = z
  .object({
    id: z.string(),
    date: z.string(),
    title: z.string(),
    description: z.string(),
    source: z.string(),
    previous: MeetingLink,
    next: MeetingLink,
    attendees: z.array(z.object({ personId: z.string(), name: z.string(), role: z.enum(['attendee', 'chair', 'author']), evidence: Evidence })),
    discussions: z.array(
      z.object({
        id: z.string(),
        order: z.number().int(),
        heading: z.string(),
        line: z.number().int(),
        text: z.string().meta({ description: 'the discussion text as written (Markdown; never trusted as HTML)' }),
        blocks: z
          .array(z.record(z.string(), z.unknown()))
          .meta({ description: 'the text as plain-text blocks: paragraph, heading, list, code, quote, table, rule; inline text, code, strong, em, del, link (http/mailto only), br' }),
        people: z.array(Named),
        projects: z.array(Named),
        topics: z.array(z.object({ id: z.string(), name: z.string(), evidence: Evidence })),
        actions: z.array(
          z.object({
            id: z.string(),
            task: z.string(),
            status: z.string(),
            ownerId: z.string(),
            owner: z.string(),
            projects: z.array(z.object({ id: z.string(), name: z.string() })),
            evidence: Evidence,
          }),
        ),
        references: z.array(z.object({ id: z.string(), url: z.string(), href: z.string().nullable(), evidence: Evidence })),
      }),
    ),
  })
  .meta({ id: 'MeetingDetail' });

export const meetingRoute = defineRoute({
  path: '/meetings/:id',
  summary: 'One meeting with its discussions and evidence',
  description: 'The id is the note path without `.md` (URL-encode a `/` in it); a date works when one meeting has it.',
  params: idParam,
  response: MeetingDetail,
  errors: [400, 404],
  handle({ params }, state) {
    const view = state.view;
    const id = view.meeting(params.id) ? params.id : view.meetingsOn(params.id).length === 1 ? view.meetingsOn(params.id)[0] : null;
    const detail = id ? meetingDetail(view, id) : null;
    if (!detail) throw notFound(`no meeting "${params.id}"`, 'id');
    return detail;
  },
});
