/**
 * Names → ids for the people, projects and topics of a graph: what `person:`, `project:` and
 * `topic:` operators (and the question parser) use to turn what a user typed into graph ids.
 */
import { distance } from 'fastest-levenshtein';
import type { Person, Project, Topic } from '../domain.js';
import { slug } from '../domain.js';
import { fold } from './terms.js';

export type EntityKind = 'person' | 'project' | 'topic';

/** A person, project or topic with every form by which it can be named. */
export interface NamedEntity {
  id: string;
  kind: EntityKind;
  /** Canonical name. */
  name: string;
  aliases: string[];
}

/** What a value resolved to: one or more ids (several only when an alias is shared), or nothing. */
export type Resolution =
  | { ok: true; entities: NamedEntity[] }
  | { ok: false; reason: 'unknown' | 'ambiguous'; suggestions: string[] };

/**
 * Canonical form for comparing names: folded, whitespace collapsed, backticks dropped. A leading
 * `@` stays: `@david` is a handle of one person while `david` may be several.
 */
export function nameKey(text: string): string {
  return fold(text).replace(/`/g, '').replace(/\s+/g, ' ').trim();
}

/** All names (canonical and aliases) of the entities of one kind, for lookups by what users type. */
export class EntityDirectory {
  private readonly byKey = new Map<string, NamedEntity[]>();
  private readonly byId = new Map<string, NamedEntity>();

  constructor(
    readonly kind: EntityKind,
    readonly entities: readonly NamedEntity[],
  ) {
    for (const e of entities) {
      this.byId.set(e.id, e);
      for (const form of [e.name, ...e.aliases, e.id]) {
        const key = nameKey(form);
        if (!key) continue;
        const list = this.byKey.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        this.byKey.set(key, list);
      }
    }
  }

  static people(people: readonly Person[]): EntityDirectory {
    return new EntityDirectory(
      'person',
      people.map((p) => ({ id: p.id, kind: 'person', name: p.name, aliases: p.aliases })),
    );
  }

  static projects(projects: readonly Project[]): EntityDirectory {
    return new EntityDirectory(
      'project',
      projects.map((p) => ({ id: p.id, kind: 'project', name: p.name, aliases: p.aliases })),
    );
  }

  static topics(topics: readonly Topic[]): EntityDirectory {
    return new EntityDirectory(
      'topic',
      topics.map((t) => ({ id: t.id, kind: 'topic', name: t.name, aliases: [] })),
    );
  }

  get(id: string): NamedEntity | undefined {
    return this.byId.get(id);
  }

  /** Entities having exactly this name or alias (case, diacritics and spacing ignored), or this slug. */
  exact(value: string): NamedEntity[] {
    return this.byKey.get(nameKey(value)) ?? this.byKey.get(nameKey(slug(value))) ?? [];
  }

  /**
   * Resolves a value: exact name/alias/slug first, then a unique prefix of a name or alias, then (for
   * topics) every topic containing the value as whole words. Unknown or ambiguous values carry the
   * nearest known names as suggestions.
   */
  resolve(value: string): Resolution {
    const exact = this.exact(value);
    if (exact.length) return { ok: true, entities: exact };
    const key = nameKey(value);
    if (!key) return { ok: false, reason: 'unknown', suggestions: [] };
    const prefixed = this.matching((form) => form.startsWith(key));
    if (prefixed.length === 1) return { ok: true, entities: prefixed };
    if (this.kind === 'topic') {
      const containing = this.matching((form) => ` ${form} `.includes(` ${key} `));
      if (containing.length) return { ok: true, entities: containing };
    }
    if (prefixed.length > 1) {
      return { ok: false, reason: 'ambiguous', suggestions: prefixed.map((e) => e.name).sort().slice(0, 8) };
    }
    return { ok: false, reason: 'unknown', suggestions: this.nearest(value) };
  }

  private matching(test: (form: string) => boolean): NamedEntity[] {
    const found = new Set<NamedEntity>();
    for (const [form, list] of this.byKey) if (test(form)) list.forEach((e) => found.add(e));
    return [...found];
  }

  /** Canonical names closest to the value by edit distance over every name and alias. */
  nearest(value: string, count = 3): string[] {
    const key = nameKey(value);
    const best = new Map<string, number>();
    for (const [form, list] of this.byKey) {
      // Compare with the whole form and with its first part, so `Alan` is near `Alan Turing`.
      const d = Math.min(distance(key, form), distance(key, form.slice(0, key.length)) + 1);
      for (const e of list) if (!best.has(e.name) || d < best.get(e.name)!) best.set(e.name, d);
    }
    const limit = Math.max(2, Math.floor(key.length / 3));
    const closest = Math.min(...best.values());
    return [...best]
      .filter(([, d]) => d <= limit && d <= closest + 1)
      .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
      .slice(0, count)
      .map(([name]) => name);
  }
}

/** "Did you mean …?" text for an error message, or '' when there is nothing close. */
export function didYouMean(suggestions: string[]): string {
  if (!suggestions.length) return '';
  const quoted = suggestions.map((s) => `"${s}"`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
  return ` Did you mean ${list}?`;
}
