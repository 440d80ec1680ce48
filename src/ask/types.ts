/**
 * The answer to a history question: what was understood, the rows found, and the named store
 * query that found them (so a user can check or re-run it).
 */

export type AnswerKind =
  | 'discussions'
  | 'meetings'
  | 'people'
  | 'projects'
  | 'topics'
  | 'actions'
  | 'count'
  | 'date'
  | 'series'
  | 'none';

export interface DiscussionItem {
  /** Meeting date `YYYY-MM-DD`. */
  meeting: string;
  heading: string;
  snippet: string;
  /** Canonical names, sorted. */
  people: string[];
  projects: string[];
}

export interface MeetingItem {
  meeting: string;
  title: string;
}

/** A person, project or topic with how often it counts in the answer (discussions, actions, meetings). */
export interface NamedCountItem {
  name: string;
  count: number;
}

export interface ActionItemRow {
  person: string;
  task: string;
  meeting: string;
  projects: string[];
  status: string;
}

export interface CountItem {
  value: number;
}

export interface DateItem {
  meeting: string;
}

export interface SeriesItem {
  /** `YYYY` or `YYYY-MM`. */
  period: string;
  value: number;
}

export type AnswerItem =
  | DiscussionItem
  | MeetingItem
  | NamedCountItem
  | ActionItemRow
  | CountItem
  | DateItem
  | SeriesItem;

/**
 * The store query behind an answer: the named query (`discussions`…), and the parameters and Cypher
 * text of the statement the Neo4j store runs for it (`queries/<name>.cypher` or an anchored variant).
 */
export interface AnswerQuery {
  name: string;
  params: Record<string, unknown>;
  cypher: string;
}

export interface Answer {
  question: string;
  /** The question as understood, in plain English ("Discussions about Enigma involving Alan Turing"). */
  interpretation: string;
  kind: AnswerKind;
  items: AnswerItem[];
  /** Null when no query was run (kind `none`). */
  query: AnswerQuery | null;
  /** Names the question used that are unknown, with the nearest known ones. */
  suggestions?: Array<{ text: string; nearest: string[] }>;
}
