/**
 * `GET /api/people` (everyone, with counts and aliases — what the search box completes from) and
 * `GET /api/people/:id` (a person's page: meetings, projects, people met, action items, activity).
 */
import { z } from 'zod';
import { DETAIL_ACTIONS, DETAIL_DISCUSSIONS } from '../../store/types.js';
import type { MeetingRow, PeriodCount } from '../../store/types.js';
import { notFound } from '../errors.js';
import { idParam } from './inputs.js';
import { defineRoute } from './route.js';
import { ActionRow, DiscussionRow as DiscussionRowShape, MeetingRow as MeetingRowShape, NamedCount } from './shapes.js';

const PersonSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    meetings: z.number().int().meta({ description: 'meetings attended' }),
    discussions: z.number().int().meta({ description: 'discussions taken part in' }),
    actions: z.number().int().meta({ description: 'action items owned' }),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
  })
  .meta({ id: 'PersonSummary' });

export const peopleRoute = defineRoute({
  path: '/people',
  summary: 'Everyone in the notes',
  response: z.object({ total: z.number().int(), items: z.array(PersonSummary) }).meta({ id: 'PeopleList' }),
  handle(_input, state) {
    const items = state.view.people();
    return { total: items.length, items };
  },
});

const Activity = z
  .object({ period: z.string().meta({ description: 'YYYY-MM' }), meetings: z.number().int(), discussions: z.number().int() })
  .meta({ id: 'MonthlyActivity' });

const PersonPage = z
  .object({
    id: z.string(),
    name: z.string(),
    aliases: z.array(z.string()),
    meetings: z.array(MeetingRowShape),
    projects: z.array(NamedCount),
    actions: z.array(ActionRow).meta({ description: `the newest ${DETAIL_ACTIONS} action items owned, the oldest of them first` }),
    actionCount: z.number().int().meta({ description: 'every action item owned: /api/actions?person=<id> pages through them' }),
    firstSeen: z.string().nullable(),
    lastSeen: z.string().nullable(),
    coAttendees: z.array(NamedCount).meta({ description: 'people met most often: meetings attended together' }),
    discussions: z.array(DiscussionRowShape).meta({ description: `the newest ${DETAIL_DISCUSSIONS} discussions taken part in, newest first` }),
    discussionCount: z.number().int().meta({ description: 'every discussion taken part in: /api/discussions?person=<id> pages through them' }),
    activity: z.array(Activity).meta({ description: 'meetings attended and discussions taken part in, per month' }),
  })
  .meta({ id: 'PersonPage' });

export const personRoute = defineRoute({
  path: '/people/:id',
  summary: "A person's page",
  params: idParam,
  response: PersonPage,
  errors: [400, 404, 503],
  async handle({ params }, state) {
    const id = state.view.findPerson(params.id)?.id;
    if (!id) throw notFound(`no person "${params.id}"`, 'id');
    const [detail, pairs] = await state.storeLink.use((store) => Promise.all([store.person(id), store.coAttendance({ person: id })]));
    if (!detail) throw notFound(`no person "${params.id}"`, 'id');
    const coAttendees = pairs.map((p) =>
      p.a === id ? { id: p.b, name: p.bName, count: p.count } : { id: p.a, name: p.aName, count: p.count },
    );
    const { perMonth, ...shown } = detail;
    return {
      ...shown,
      coAttendees,
      discussions: [...detail.discussions].reverse(),
      activity: monthlyActivity(detail.meetings, perMonth),
    };
  },
});

/**
 * Meetings attended and discussions taken part in per month, every month from the first to the
 * last (empty ones as 0), from the meetings and the discussions' counts per month.
 */
export function monthlyActivity(meetings: MeetingRow[], discussionsPerMonth: PeriodCount[]) {
  const counts = new Map<string, { meetings: number; discussions: number }>();
  const add = (month: string, key: 'meetings' | 'discussions', n: number) => {
    const c = counts.get(month) ?? { meetings: 0, discussions: 0 };
    c[key] += n;
    counts.set(month, c);
  };
  for (const m of meetings) add(m.meeting.slice(0, 7), 'meetings', 1);
  for (const p of discussionsPerMonth) add(p.period, 'discussions', p.value);
  return everyMonth([...counts.keys()]).map((period) => ({ period, ...(counts.get(period) ?? { meetings: 0, discussions: 0 }) }));
}

/** Every `YYYY-MM` from the earliest to the latest of `months`, ascending. */
export function everyMonth(months: string[]): string[] {
  if (!months.length) return [];
  const sorted = [...months].sort();
  const out: string[] = [];
  let [y, m] = sorted[0].split('-').map(Number);
  const last = sorted[sorted.length - 1];
  for (;;) {
    const period = `${y}-${String(m).padStart(2, '0')}`;
    out.push(period);
    if (period >= last || out.length > 1200) break;
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}
