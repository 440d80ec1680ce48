/**
 * Which Cypher statement the Neo4j store runs for a named query with given parameters, and the
 * values it binds. The Neo4j store runs these; the asker shows them as the query behind an answer.
 *
 * A named query that can name a node by id (a meeting, person, topic or project) has a variant per
 * such anchor, `queries/<query>-by-<anchor>.cypher`, that starts its pattern from that node. One
 * text with optional filters (`$person IS NULL OR …`) would keep the planner from seeking the
 * node's unique id index: it scanned every meeting, discussion or action instead (hundreds of
 * milliseconds at 10,000 meetings for a person's few hundred rows). The most selective anchor given
 * wins — meeting, then person, then topic, then project — and the other filters stay conditions
 * of that variant; without an anchor the generic file runs. Every variant returns the same rows in
 * the same order as the generic text would. A variant writes its date range as optional filters
 * (`$to IS NULL OR m.date <= $to`), which no index can serve: written as a bound the meeting_date
 * index can seek (as the generic texts do), it let the planner start from that index instead of
 * the anchor, depending on the server's statistics.
 */
import { bindParameters, cypher } from './cypher.js';
import type { ActionsParams, DiscussionsParams, MeetingsParams, PageParams } from './types.js';

/** A statement of `queries/` with the parameter map to send (every declared one, null when absent). */
export interface Statement {
  /** The file name under `queries/`, without `.cypher`. */
  name: string;
  text: string;
  parameters: Record<string, unknown>;
}

/** The parameters of each named query whose statement depends on them. */
export interface StatementParams {
  discussions: DiscussionsParams;
  meetings: MeetingsParams;
  actions: ActionsParams;
  attendees: { meeting: string };
  coAttendance: { person?: string };
}

/** The named queries that return a list a client pages through (their statements take $offset and $limit). */
export type ListQuery = 'discussions' | 'meetings' | 'actions';

/** The whole list: what the whole-list methods (`discussions`, …) ask of a paged statement. */
export const WHOLE_LIST: PageParams = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

/** The statement the Neo4j store runs for `query` with `params` (a list query: for `page`, or the whole list). */
export function neo4jStatement<Q extends keyof StatementParams>(query: Q, params: StatementParams[Q], page?: PageParams): Statement {
  const choose = choosers[query] as (params: StatementParams[Q]) => Statement;
  const chosen = choose(params);
  if (!isListQuery(query)) return chosen;
  const { offset, limit } = page ?? WHOLE_LIST;
  return { ...chosen, parameters: { ...chosen.parameters, offset, limit } };
}

function isListQuery(query: keyof StatementParams): query is ListQuery {
  return query === 'discussions' || query === 'meetings' || query === 'actions';
}

/** A statement of `queries/<name>.cypher` bound to `values`. */
export function statement(name: string, values?: Record<string, unknown>): Statement {
  const query = cypher(name);
  return { name, text: query.text, parameters: bindParameters(query, values) };
}

const choosers: { [Q in keyof StatementParams]: (params: StatementParams[Q]) => Statement } = {
  discussions({ meeting, person, topic, project, from, to }) {
    const projects = project === undefined ? undefined : Array.isArray(project) ? project : [project];
    if (meeting !== undefined) return statement('discussions-by-meeting', { meeting, person, projects, topic, from, to });
    if (person !== undefined) return statement('discussions-by-person', { person, projects, topic, from, to });
    if (topic !== undefined) return statement('discussions-by-topic', { topic, projects, from, to });
    if (projects !== undefined) return statement('discussions-by-projects', { projects, from, to });
    return statement('discussions', { from, to });
  },
  meetings({ attendee, from, to }) {
    if (attendee !== undefined) return statement('meetings-by-attendee', { attendee, from, to });
    return statement('meetings', { from, to });
  },
  actions({ person, project, discussionProject, status, from, to }) {
    if (person !== undefined) return statement('actions-by-person', { person, project, discussionProject, status, from, to });
    if (project !== undefined) return statement('actions-by-project', { project, discussionProject, status, from, to });
    if (discussionProject !== undefined) return statement('actions-by-discussion-project', { discussionProject, status, from, to });
    return statement('actions', { status, from, to });
  },
  attendees({ meeting }) {
    return statement('attendees', { meeting });
  },
  coAttendance({ person }) {
    if (person !== undefined) return statement('co-attendance-by-person', { person });
    return statement('co-attendance', {});
  },
};
