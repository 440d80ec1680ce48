/**
 * Answers plain-English history questions from a graph store: read the time, the names and the
 * intent of the question, run the matching named query, present its rows. A question that cannot
 * be mapped, or that names someone unknown, gets `kind: "none"` and says why — never a guess.
 */
import type { MeetingGraph } from '../domain.js';
import type { NamedEntity } from '../search/entities.js';
import { neo4jStatement, type StatementParams } from '../store/neo4j-statements.js';
import type {
  ActionRow,
  ActionsParams,
  DiscussionRow,
  DiscussionsParams,
  GraphStore,
  MeetingRow,
} from '../store/types.js';
import { readTime, type DateBounds } from './dates.js';
import { interpret, type Understood } from './describe.js';
import { maskQuestion, readIntent, type Intent } from './intent.js';
import { EntityRecogniser, type Recognised } from './recognise.js';
import type { Answer, AnswerItem, AnswerKind, AnswerQuery } from './types.js';
import { countNames, distinct, extremeDate, series } from './views.js';

/** What the asker keeps of the graph: the names to recognise, the meetings, topics per discussion. */
type AskerGraph = Pick<MeetingGraph, 'people' | 'projects' | 'topics' | 'meetings' | 'about' | 'discussed'>;

export class Asker {
  private readonly recogniser: EntityRecogniser;
  private readonly meetings: Array<{ id: string; date: string; title: string }>;
  private readonly topicsOf = new Map<string, string[]>();
  private readonly topicNames = new Map<string, string>();
  /** The most discussed person and project, for example phrasings. */
  private readonly prominent: { person?: NamedEntity; project?: NamedEntity };

  constructor(
    private readonly store: GraphStore,
    graph: AskerGraph,
  ) {
    this.recogniser = new EntityRecogniser(graph.people, graph.projects, graph.topics);
    this.meetings = [...graph.meetings].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    for (const t of graph.topics) this.topicNames.set(t.id, t.name);
    this.prominent = {
      person: mostFrequent(this.recogniser.people.entities, graph.discussed.map((d) => d.personId)),
      project: mostFrequent(
        this.recogniser.projects.entities,
        graph.about.filter((a) => a.target === 'project').map((a) => a.targetId),
      ),
    };
    for (const a of graph.about) {
      if (a.target !== 'topic') continue;
      const list = this.topicsOf.get(a.discussionId) ?? [];
      list.push(a.targetId);
      this.topicsOf.set(a.discussionId, list);
    }
  }

  /** An asker over the store's current contents. */
  static async fromStore(store: GraphStore): Promise<Asker> {
    return new Asker(store, await store.snapshot());
  }

  async ask(question: string): Promise<Answer> {
    const q = question.replace(/\s+/g, ' ').trim();
    if (!q) return this.none(question, 'The question is empty.', null);
    const time = readTime(q);
    const rec = this.recogniser.recognise(q, time.spans);
    if (time.invalid.length) {
      return this.none(question, `${orList(time.invalid.map((d) => `"${d}"`))} is not a valid date.`, rec);
    }
    if (time.incomplete.length) {
      // "the call on 10 June": the meeting of that day if only one year has one, else ask which year
      const partial = time.incomplete[0];
      const suffix = `-${String(partial.month).padStart(2, '0')}${partial.day ? `-${String(partial.day).padStart(2, '0')}` : ''}`;
      const dates = [...new Set(this.meetings.map((m) => m.date).filter((d) => (partial.day ? d.endsWith(suffix) : d.slice(4, 7) === suffix)))];
      if (partial.day && dates.length === 1 && time.incomplete.length === 1 && !time.range.from && !time.range.to) {
        time.day = dates[0];
        time.range = { from: dates[0], to: dates[0] };
      } else {
        const years = [...new Set(dates.map((d) => d.slice(0, 4)))];
        return this.none(
          question,
          `"${partial.text}" needs a year${years.length ? ` (meetings then in ${orList(years)})` : ''}.`,
          rec,
        );
      }
    }

    if (rec.ambiguous.length) {
      const a = rec.ambiguous[0];
      return this.none(question, `"${a.text}" could be ${orList(a.candidates)}: please say which.`, rec, [
        { text: a.text, nearest: a.candidates },
      ]);
    }
    if (rec.unknown.length) {
      const parts = rec.unknown.map((u) => `"${u.text}"${u.nearest.length ? ` (did you mean ${orList(u.nearest)}?)` : ''}`);
      return this.none(question, `I don't know ${parts.join(', ')} among the people and projects of the notes.`, rec, rec.unknown);
    }

    const masked = maskQuestion(q, [
      ...rec.mentions.map((m) => ({ start: m.start, end: m.end, kind: m.entity.kind })),
      ...time.spans.map(([start, end]) => ({ start, end, kind: 'date' as const })),
    ]);
    const intent = readIntent(masked, {
      people: rec.people.length,
      projects: rec.projects.length,
      topics: rec.topics.length,
      day: time.day !== undefined,
    });

    // The meeting a question names: by date, or "the first / last meeting".
    let meetings: Array<{ id: string; date: string; title: string }> = [];
    if (time.day) {
      meetings = this.meetings.filter((m) => m.date === time.day);
      if (!meetings.length) {
        const near = nearestDates(this.meetings.map((m) => m.date), time.day);
        return this.none(question, `There is no meeting on ${time.day}${near.length ? `; the nearest are on ${orList(near)}` : ''}.`, rec);
      }
    } else if (intent.meetingOrdinal) {
      const inRange = this.meetings.filter((m) => within(m.date, time.range));
      const pick = intent.meetingOrdinal === 'first' ? inRange[0] : inRange[inRange.length - 1];
      if (pick) meetings = this.meetings.filter((m) => m.date === pick.date);
    }
    const range: DateBounds = meetings.length ? {} : time.range;

    const understood: Understood = {
      people: rec.people.map((e) => e.name),
      projects: rec.projects.map((e) => e.name),
      topics: rec.topics.map((e) => e.name),
      meetings: [...new Set(meetings.map((m) => m.date))],
      range,
      status: readStatus(q),
      combine: intent.combine,
    };
    const missing = this.missingEntity(intent, rec, meetings.length > 0, time.mentioned);
    if (missing) return this.none(question, missing, rec);

    const ctx: Run = { intent, rec, meetings, range, understood };
    let result = await this.run(ctx);
    let interpretation = interpret(intent, understood);
    if (intent.view === 'count' && intent.countOf) {
      // "How many people discussed Enigma?": the number of names in the list answer
      const listing = { ...intent, view: intent.countOf };
      const listed = await this.run({ ...ctx, intent: listing });
      result = { kind: 'count', items: [{ value: listed.items.length }], query: listed.query };
      const described = interpret(listing, understood);
      interpretation = `Number of ${described.charAt(0).toLowerCase()}${described.slice(1)}`;
    }
    // "Who attended the most meetings?", "Which project was discussed most?": only the top count
    if (/\bmost\b(?!\s+recent)/i.test(q) && ['people', 'projects', 'topics'].includes(result.kind) && result.items.length) {
      const top = Math.max(...(result.items as Array<{ count: number }>).map((i) => i.count));
      result.items = (result.items as Array<{ count: number }>).filter((i) => i.count === top) as AnswerItem[];
      interpretation += ', the most frequent only';
    }
    return {
      question,
      interpretation,
      kind: result.kind,
      items: result.items,
      query: result.query,
    };
  }

  /** Why the question cannot be answered with what it names, or null when it can. */
  private missingEntity(intent: Intent, rec: Recognised, hasMeeting: boolean, hasTime: boolean): string | null {
    const named = rec.people.length + rec.projects.length + rec.topics.length;
    switch (intent.source) {
      case 'attended':
        return rec.people.length ? null : 'Whose meetings? No known person is named.';
      case 'actions':
        return named || hasMeeting || hasTime ? null : 'Whose action items, or about which project? No known person or project is named.';
      case 'attendees':
      case 'meetings':
        return null;
      case 'discussions':
        if (named || hasMeeting) return null;
        if (hasTime && intent.view !== 'rows') return null;
        return 'Discussions about what? No known project, topic or person is named.';
    }
  }

  private async run(ctx: Run): Promise<{ kind: AnswerKind; items: AnswerItem[]; query: AnswerQuery | null }> {
    switch (ctx.intent.source) {
      case 'discussions':
        return this.fromDiscussions(ctx);
      case 'attended':
        return this.fromAttended(ctx);
      case 'attendees':
        return this.fromAttendees(ctx);
      case 'meetings':
        return this.fromMeetings(ctx);
      case 'actions':
        return this.fromActions(ctx);
    }
  }

  private async fromDiscussions(ctx: Run) {
    const { rec, intent, range, meetings } = ctx;
    const people = rec.people;
    const projects = rec.projects;
    const topics = rec.topics;
    const base: DiscussionsParams = { ...range };
    if (projects.length) base.project = intent.combine === 'any' ? projects.map((p) => p.id) : projects[0].id;
    if (people.length) base.person = people[0].id;
    if (topics.length) base.topic = topics[0].id;

    const runs: DiscussionsParams[] = [];
    if (meetings.length) for (const m of meetings) runs.push({ ...base, meeting: m.id });
    else runs.push(base);
    // "any" across people or topics means one query per alternative
    const alternatives: DiscussionsParams[] = [];
    for (const r of runs) {
      if (intent.combine === 'any' && people.length > 1) for (const p of people) alternatives.push({ ...r, person: p.id });
      else if (intent.combine === 'any' && topics.length > 1 && !projects.length) for (const t of topics) alternatives.push({ ...r, topic: t.id });
      else alternatives.push(r);
    }
    let rows = distinct((await Promise.all(alternatives.map((p) => this.store.discussions(p)))).flat(), (r) => r.discussionId);
    if (intent.combine === 'all') {
      // the store takes one person, project and topic: the others narrow the rows here
      const otherPeople = people.slice(1).map((p) => p.name);
      const otherProjects = projects.slice(1).map((p) => p.name);
      const otherTopics = topics.slice(1).map((t) => t.id);
      rows = rows.filter(
        (r) =>
          otherPeople.every((n) => r.people.includes(n)) &&
          otherProjects.every((n) => r.projects.includes(n)) &&
          otherTopics.every((t) => (this.topicsOf.get(r.discussionId) ?? []).includes(t)),
      );
    }
    rows.sort((a, b) => a.meeting.localeCompare(b.meeting) || a.meetingId.localeCompare(b.meetingId));
    const query = queryInfo('discussions', alternatives[0]);
    const date = (r: DiscussionRow) => r.meeting;

    switch (intent.view) {
      case 'people':
        return { kind: 'people' as const, items: countNames(rows, (r) => r.people, new Set(people.map((p) => p.name))), query };
      case 'projects':
        return { kind: 'projects' as const, items: countNames(rows, (r) => r.projects, new Set(projects.map((p) => p.name))), query };
      case 'topics':
        return {
          kind: 'topics' as const,
          items: countNames(
            rows,
            (r) => (this.topicsOf.get(r.discussionId) ?? []).map((id) => this.topicNames.get(id) ?? id),
            new Set(topics.map((t) => t.name)),
          ),
          query,
        };
      case 'meetings':
        return { kind: 'meetings' as const, items: this.meetingItems(rows.map((r) => r.meetingId)), query };
      case 'count':
        return { kind: 'count' as const, items: [{ value: rows.length }], query };
      case 'first':
      case 'last':
        return { kind: 'date' as const, items: extremeDate(rows, date, intent.view), query };
      case 'series':
        return { kind: 'series' as const, items: series(rows, date, intent.period ?? 'year'), query };
      default:
        return {
          kind: 'discussions' as const,
          items: rows.map((r) => ({ meeting: r.meeting, heading: r.heading, snippet: r.snippet, people: r.people, projects: r.projects })),
          query,
        };
    }
  }

  private async fromAttended(ctx: Run) {
    const { rec, intent, range } = ctx;
    const lists = await Promise.all(rec.people.map((p) => this.store.meetings({ attendee: p.id, ...range })));
    let rows: MeetingRow[];
    if (intent.combine === 'any') rows = distinct(lists.flat(), (m) => m.meetingId).sort(byMeeting);
    else {
      const others = lists.slice(1).map((l) => new Set(l.map((m) => m.meetingId)));
      rows = lists[0].filter((m) => others.every((s) => s.has(m.meetingId)));
    }
    const query = queryInfo('meetings', { attendee: rec.people[0].id, ...range });
    return this.meetingView(rows, intent, query, new Set(rec.people.map((p) => p.name)));
  }

  private async fromMeetings(ctx: Run) {
    const rows = await this.store.meetings({ ...ctx.range });
    return this.meetingView(rows, ctx.intent, queryInfo('meetings', { ...ctx.range }), new Set());
  }

  /** Meeting rows presented as the intent's view. */
  private async meetingView(rows: MeetingRow[], intent: Intent, query: AnswerQuery, exclude: Set<string>) {
    const date = (r: MeetingRow) => r.meeting;
    switch (intent.view) {
      case 'count':
        return { kind: 'count' as const, items: [{ value: rows.length }], query };
      case 'first':
      case 'last':
        return { kind: 'date' as const, items: extremeDate(rows, date, intent.view), query };
      case 'series':
        return { kind: 'series' as const, items: series(rows, date, intent.period ?? 'year'), query };
      case 'people': {
        const attendees = await Promise.all(rows.map((m) => this.store.attendees(m.meetingId)));
        return { kind: 'people' as const, items: countNames(attendees, (list) => list.map((a) => a.name), exclude), query };
      }
      default:
        return { kind: 'meetings' as const, items: rows.map((m) => ({ meeting: m.meeting, title: m.title })), query };
    }
  }

  private async fromAttendees(ctx: Run) {
    const { intent, meetings, range } = ctx;
    const targets = meetings.length ? meetings.map((m) => m.id) : (await this.store.meetings({ ...range })).map((m) => m.meetingId);
    const lists = await Promise.all(targets.map((id) => this.store.attendees(id)));
    const query = meetings.length ? queryInfo('attendees', { meeting: targets[0] }) : queryInfo('meetings', { ...range });
    const people = countNames(lists, (list) => list.map((a) => a.name));
    if (intent.view === 'count') return { kind: 'count' as const, items: [{ value: people.length }], query };
    return { kind: 'people' as const, items: people, query };
  }

  private async fromActions(ctx: Run) {
    const { rec, intent, range, meetings, understood } = ctx;
    const params: ActionsParams = { ...range };
    if (understood.status) params.status = understood.status as ActionsParams['status'];
    // With an owner named, a project is the setting of the work: the items raised in its discussions
    // ("what did Ann take on for Widgetd"), whose own sentences seldom repeat its name; a topic is
    // read the same way below. With no owner, "who owns work on Widgetd" asks about the work itself:
    // the items that CONCERN it.
    const projectFilter = rec.people.length ? 'discussionProject' : 'project';
    const projectIds = rec.projects.map((p) => p.id);
    // An action item has one owner, so several people always means any of them; several projects
    // means all of them unless the question says "or".
    const owners = rec.people.length ? rec.people.map((p): ActionsParams => ({ ...params, person: p.id })) : [params];
    const asked = owners.map((byOwner) => (projectIds.length ? projectIds.map((id): ActionsParams => ({ ...byOwner, [projectFilter]: id })) : [byOwner]));
    const answers = await Promise.all(asked.map((perProject) => Promise.all(perProject.map((q) => this.store.actions(q)))));
    const found = answers.flatMap((perProject) => {
      if (intent.combine === 'any' || perProject.length === 1) return perProject.flat();
      const inEvery = perProject.slice(1).map((list) => new Set(list.map((r) => r.actionId)));
      return perProject[0].filter((r) => inEvery.every((ids) => ids.has(r.actionId)));
    });
    let rows = distinct(found, (r) => r.actionId);
    if (rec.topics.length) {
      const wanted = rec.topics.map((t) => t.id);
      rows = rows.filter((r) => wanted.every((t) => (this.topicsOf.get(r.discussionId) ?? []).includes(t)));
    }
    if (meetings.length) {
      const ids = new Set(meetings.map((m) => m.id));
      rows = rows.filter((r) => ids.has(r.meetingId));
    }
    rows.sort((a, b) => a.meeting.localeCompare(b.meeting) || a.actionId.localeCompare(b.actionId));
    const query = queryInfo('actions', { ...asked[0][0] });
    const date = (r: ActionRow) => r.meeting;
    switch (intent.view) {
      case 'people':
        return { kind: 'people' as const, items: countNames(rows, (r) => [r.person]), query };
      case 'projects':
        return { kind: 'projects' as const, items: countNames(rows, (r) => r.projects, new Set(rec.projects.map((p) => p.name))), query };
      case 'count':
        return { kind: 'count' as const, items: [{ value: rows.length }], query };
      case 'meetings':
        return { kind: 'meetings' as const, items: this.meetingItems(rows.map((r) => r.meetingId)), query };
      case 'first':
      case 'last':
        return { kind: 'date' as const, items: extremeDate(rows, date, intent.view), query };
      case 'series':
        return { kind: 'series' as const, items: series(rows, date, intent.period ?? 'year'), query };
      default:
        return {
          kind: 'actions' as const,
          items: rows.map((r) => ({ person: r.person, task: r.task, meeting: r.meeting, projects: r.projects, status: r.status })),
          query,
        };
    }
  }

  private meetingItems(ids: string[]) {
    const wanted = new Set(ids);
    return this.meetings.filter((m) => wanted.has(m.id)).map((m) => ({ meeting: m.date, title: m.title }));
  }

  /** A `none` answer: what was recognised, why it stops there, and phrasings that work. */
  private none(question: string, reason: string, rec: Recognised | null, suggestions?: Answer['suggestions']): Answer {
    const seen: string[] = [];
    if (rec?.people.length) seen.push(`person ${orList(rec.people.map((p) => p.name))}`);
    if (rec?.projects.length) seen.push(`project ${orList(rec.projects.map((p) => p.name))}`);
    if (rec?.topics.length) seen.push(`topic ${orList(rec.topics.map((t) => `"${t.name}"`))}`);
    const examples = examplePhrasings(rec, this.prominent);
    const interpretation = [
      reason,
      seen.length ? `Recognised: ${seen.join('; ')}.` : '',
      examples.length ? `Try for example: ${examples.map((e) => `"${e}"`).join(', ')}.` : '',
    ]
      .filter(Boolean)
      .join(' ');
    const answer: Answer = { question, interpretation, kind: 'none', items: [], query: null };
    if (suggestions?.length) answer.suggestions = suggestions;
    return answer;
  }
}

interface Run {
  intent: Intent;
  rec: Recognised;
  meetings: Array<{ id: string; date: string; title: string }>;
  range: DateBounds;
  understood: Understood;
}

function within(date: string, range: DateBounds): boolean {
  return (!range.from || date >= range.from) && (!range.to || date <= range.to);
}

function byMeeting(a: MeetingRow, b: MeetingRow): number {
  return a.meeting.localeCompare(b.meeting) || a.meetingId.localeCompare(b.meetingId);
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** Dates of meetings closest to a date (one before, one after). */
function nearestDates(dates: string[], day: string): string[] {
  const before = dates.filter((d) => d < day).pop();
  const after = dates.find((d) => d > day);
  return [before, after].filter((d): d is string => !!d);
}

/** open / done / ongoing action items. */
function readStatus(question: string): Understood['status'] {
  const q = question.toLowerCase();
  if (/\b(open|pending|outstanding|unfinished|not (?:yet )?done|still to do|to-?dos?)\b/.test(q)) return 'todo';
  if (/\b(ongoing|in progress|in-progress|under way|underway)\b/.test(q)) return 'ongoing';
  if (/\b(done|completed|finished|closed)\b/.test(q) && /\b(action|task|item)/.test(q)) return 'done';
  return undefined;
}

/** The named query with the Cypher text and the full parameter map the Neo4j store sends for it. */
function queryInfo<Q extends keyof StatementParams>(name: Q, params: StatementParams[Q]): AnswerQuery {
  const statement = neo4jStatement(name, params);
  return { name, params: statement.parameters, cypher: statement.text };
}

/** The entity whose id occurs most often in `ids`. */
function mostFrequent(entities: readonly NamedEntity[], ids: string[]): NamedEntity | undefined {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let best: NamedEntity | undefined;
  for (const e of entities) if (!best || (counts.get(e.id) ?? 0) > (counts.get(best.id) ?? 0)) best = e;
  return best;
}

/** Phrasings that this asker understands, built from what the question named (or the most discussed names). */
function examplePhrasings(rec: Recognised | null, prominent: { person?: NamedEntity; project?: NamedEntity }): string[] {
  const person = rec?.people[0] ?? prominent.person;
  const project = rec?.projects[0] ?? prominent.project;
  const out: string[] = [];
  if (project) out.push(`Who discussed ${project.name}?`, `When was ${project.name} first discussed?`);
  if (person) out.push(`Which meetings did ${person.name} attend?`, `What did ${person.name} take on?`);
  if (person && project) out.push(`${project.name} discussions involving ${person.name}`);
  return out.slice(0, 4);
}

