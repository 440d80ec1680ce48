/**
 * The people of a notes folder: built from the registry (when there is one) and from every
 * attendee list, each person with every form by which the notes may name them. Forms that could
 * mean several people stay ambiguous here; the meeting and section decide (see resolve.ts).
 */
import type { RegistryEntry } from './registry.js';
import type { ParsedNote } from './parse.js';
import { foldName, sameFirstName, similarSurname, splitName, isFormalOf } from './names.js';
import { formScan, longestFirstAlternation, scanMatches, type FormScan } from './alternation.js';

export interface PersonRecord {
  /** Index in the directory: stable for one build. */
  key: number;
  name: string;
  first: string | null;
  last: string | null;
  fromRegistry: boolean;
  /** Full-name spellings seen (attendee lists, registry), with how often. */
  spellings: Map<string, number>;
  /** Every case-sensitive form that names this person in prose. */
  forms: Set<string>;
  /** Initials used as speaker prefixes and signatures (`TG`). */
  initials: Set<string>;
  handles: Set<string>;
  /** Aliases the registry lists (shown to users as the person's aliases). */
  registryAliases: string[];
}

export class PeopleDirectory {
  readonly records: PersonRecord[] = [];
  private byForm = new Map<string, Set<PersonRecord>>();
  private byFolded = new Map<string, Set<PersonRecord>>();
  private byInitials = new Map<string, Set<PersonRecord>>();
  private scan: FormScan | null = null;
  private foldedCache: Map<string, Set<PersonRecord>> | null = null;
  private generatedCache: Map<string, Set<PersonRecord>> | null = null;

  /** People of a folder: registry entries first, then every attendee named in the notes. */
  static build(notes: Array<Pick<ParsedNote, 'attendees'>>, registry: RegistryEntry[] | null): PeopleDirectory {
    const dir = new PeopleDirectory();
    for (const entry of registry ?? []) dir.addRegistryEntry(entry);
    const entries = notes.flatMap((n) => n.attendees.map((a) => ({ ...a, note: n })));
    // Full names first so that first names, handles and CamelCase forms can find them afterwards.
    const full = entries.filter((e) => e.name.split(' ').length >= 2 && !/[?]/.test(e.name));
    const short = entries.filter((e) => !(e.name.split(' ').length >= 2 && !/[?]/.test(e.name)));
    for (const e of full) {
      const found = dir.matchAttendee(e.name, e.handle);
      if (found.length === 1) dir.addSpelling(found[0], e.name, e.handle);
      else if (found.length === 0) dir.addSpelling(dir.newRecord(e.name, false), e.name, e.handle);
    }
    for (const e of short) {
      const found = dir.matchAttendee(e.name, e.handle);
      if (found.length === 0) dir.addSpelling(dir.newRecord(e.name.replace(/\s*\?$/, ''), false), e.name);
    }
    dir.finish();
    return dir;
  }

  private newRecord(name: string, fromRegistry: boolean): PersonRecord {
    const { first, last } = splitName(name);
    const rec: PersonRecord = {
      key: this.records.length,
      name,
      first: first || null,
      last,
      fromRegistry,
      spellings: new Map(),
      forms: new Set(),
      initials: new Set(),
      handles: new Set(),
      registryAliases: [],
    };
    this.records.push(rec);
    return rec;
  }

  private addRegistryEntry(entry: RegistryEntry): void {
    const rec = this.newRecord(entry.name, true);
    rec.registryAliases = entry.aliases;
    rec.spellings.set(entry.name, 1);
    for (const alias of [entry.name, ...entry.aliases]) {
      const clean = alias.replace(/\s+/g, ' ').trim();
      if (/^[A-Z]{2,3}$/.test(clean)) rec.initials.add(clean);
      else if (/\(.+\)/.test(clean)) rec.spellings.set(clean.replace(/\s*\([^)]*\)\s*/g, ' ').trim(), 1);
      else if (clean.split(' ').length >= 2 && /^\p{Lu}/u.test(clean)) rec.spellings.set(clean, (rec.spellings.get(clean) ?? 0) + 1);
      rec.forms.add(clean);
    }
  }

  private addSpelling(rec: PersonRecord, spelling: string, handle?: string): void {
    const isNew = !rec.spellings.has(spelling) || (handle !== undefined && !rec.handles.has(handle));
    rec.spellings.set(spelling, (rec.spellings.get(spelling) ?? 0) + 1);
    if (handle) rec.handles.add(handle);
    if (!isNew) return;
    // Keep the look-up tables current instead of rebuilding them: a folder has thousands of entries.
    if (this.foldedCache) {
      add(this.foldedCache, foldName(spelling), rec);
      if (handle) add(this.foldedCache, foldName(handle), rec);
    }
    this.generatedCache = null;
  }

  /** Who an attendee-list entry names: exact forms (any case), then the same person spelt differently. */
  matchAttendee(name: string, handle?: string): PersonRecord[] {
    const folded = foldName(name.replace(/\s*\?$/, ''));
    const direct = this.attendeeIndex().get(folded);
    if (direct?.size) return [...direct];
    if (handle) {
      const byHandle = [...(this.attendeeIndex().get(foldName(handle)) ?? [])];
      if (byHandle.length === 1) return byHandle;
    }
    const { first, last } = splitName(name);
    if (last) {
      return this.records.filter((r) => {
        const spellings = [...r.spellings.keys()].map(splitName);
        return spellings.some((s) => s.last && similarSurname(s.last, last) && (sameFirstName(s.first, first) || foldName(s.first) === foldName(first)));
      });
    }
    // A single word: a first name, a CamelCase form (ThomasG), a hyphenated handle (matt-g).
    return [...(this.generatedIndex().get(folded) ?? [])];
  }

  /** Folded spellings, forms and handles → people; rebuilt only after the directory changes. */
  private attendeeIndex(): Map<string, Set<PersonRecord>> {
    if (!this.foldedCache) {
      this.foldedCache = new Map();
      for (const rec of this.records) for (const k of [...rec.spellings.keys(), ...rec.forms, ...rec.handles]) add(this.foldedCache, foldName(k), rec);
    }
    return this.foldedCache;
  }

  private generatedIndex(): Map<string, Set<PersonRecord>> {
    if (!this.generatedCache) {
      this.generatedCache = new Map();
      for (const rec of this.records) for (const f of this.generatedForms(rec)) add(this.generatedCache, foldName(f), rec);
    }
    return this.generatedCache;
  }

  /** Forms derived from a person's full spellings: first names, `ThomasG`, `Thomas G`, `@thomas`, `thomas-g`. */
  private generatedForms(rec: PersonRecord): string[] {
    const out: string[] = [];
    for (const spelling of rec.spellings.keys()) {
      const { first, last } = splitName(spelling);
      if (!first || !/^\p{Lu}/u.test(first)) continue;
      out.push(first);
      if (last) {
        const initial = last[0].toUpperCase();
        out.push(`${first}${initial}`, `${first} ${initial}`, `${first.toLowerCase()}-${initial.toLowerCase()}`);
      }
    }
    for (const h of rec.handles) out.push(h);
    return out;
  }

  /** Completes every person: canonical name, prose forms, initials, and the look-up tables. */
  private finish(): void {
    this.foldedCache = null;
    this.generatedCache = null;
    const registryForms = new Set(this.records.filter((r) => r.fromRegistry).flatMap((r) => [...r.forms]));
    for (const rec of this.records) {
      if (!rec.fromRegistry) rec.name = fullestSpelling(rec.spellings) ?? rec.name;
      const split = splitName(rec.name);
      rec.first = split.first || null;
      rec.last = split.last;
      for (const spelling of rec.spellings.keys()) rec.forms.add(spelling);
      // A registry alias belongs to its person alone: a generated form never competes with it.
      const generated = this.generatedForms(rec);
      for (const f of [...rec.forms, ...generated]) {
        if (/^\p{L}+$/u.test(f) && f.length >= 3 && !/^[A-Z]+$/.test(f)) generated.push(`@${f.toLowerCase()}`);
      }
      for (const f of generated) if (!rec.forms.has(f) && !registryForms.has(f)) rec.forms.add(f);
      for (const spelling of rec.spellings.keys()) {
        const { first, last } = splitName(spelling);
        if (first && last && /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(last)) rec.initials.add(`${first[0]}${last[0]}`.toUpperCase());
      }
    }
    for (const rec of this.records) {
      for (const f of rec.forms) {
        add(this.byForm, f, rec);
        add(this.byFolded, foldName(f), rec);
      }
      for (const i of rec.initials) add(this.byInitials, i, rec);
    }
  }

  /** People a prose form names (case-sensitive; a possessive `'s` is ignored). */
  lookup(form: string): PersonRecord[] {
    const clean = form.replace(/['’]s$/, '').replace(/\s+/g, ' ');
    return [...(this.byForm.get(clean) ?? [])];
  }

  /** People a form names ignoring case and diacritics (for attendee lists and search operators). */
  lookupLoose(form: string): PersonRecord[] {
    return [...(this.byFolded.get(foldName(form)) ?? [])];
  }

  /** People whose initials these are (speaker prefixes `TG:`, signatures `- AC`). */
  lookupInitials(initials: string): PersonRecord[] {
    return [...(this.byInitials.get(initials) ?? [])];
  }

  /**
   * Every mention of a known person in `text`: any prose form, longest first (a trie, not a flat
   * alternation: a large folder has thousands of forms), at a word start and not running into a
   * longer word, in order and without overlaps, as `matchAll` would give them. The pattern is tried
   * only where a form can begin (at a word start, on a character some form begins with), not at
   * every position of the text: about five times faster at 10,000 notes.
   */
  mentionsIn(text: string): RegExpExecArray[] {
    if (!this.scan) {
      const forms = this.proseForms();
      this.scan = formScan(forms, WORD_START, mentionSource(forms));
    }
    return scanMatches(this.scan, text);
  }

  /** The forms a mention can take in prose. */
  private proseForms(): string[] {
    return [...this.byForm.keys()].filter((f) => f.length >= 2 && !/^[A-Z]{2,3}$/.test(f) || this.registryInitial(f));
  }

  /** Initials only count in prose when a registry says so. */
  private registryInitial(form: string): boolean {
    return [...(this.byForm.get(form) ?? [])].some((r) => r.fromRegistry && r.registryAliases.includes(form));
  }
}

/** Where a mention may begin: not inside a word, a handle or a hyphenated compound. */
const WORD_START = '(?<![\\p{L}\\p{N}_@-])';

/** The source of the mention pattern: any of `forms` at a word start, not running into a longer word. */
function mentionSource(forms: string[]): string {
  return `${WORD_START}(?:${longestFirstAlternation(forms)})(?=['’]s\\b|(?![\\p{L}\\p{N}_-]))`;
}

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/**
 * The fullest spelling of a name: most words, then the formal first name (David over Dave), then
 * the most frequent surname spelling (so a one-off typo loses), preferring diacritics among
 * spellings that fold the same (Bünzli over Bunzli), then capitalised.
 */
export function fullestSpelling(spellings: Map<string, number>): string | null {
  const list = [...spellings.entries()].map(([s, n]) => ({ s, n, ...splitName(s) }));
  if (!list.length) return null;
  const surnameFreq = new Map<string, number>();
  for (const e of list) if (e.last) surnameFreq.set(foldName(e.last), (surnameFreq.get(foldName(e.last)) ?? 0) + e.n);
  list.sort((a, b) => {
    const words = b.s.split(' ').length - a.s.split(' ').length;
    if (words) return words;
    if (isFormalOf(a.first, b.first)) return -1;
    if (isFormalOf(b.first, a.first)) return 1;
    const fa = a.last ? surnameFreq.get(foldName(a.last)) ?? 0 : 0;
    const fb = b.last ? surnameFreq.get(foldName(b.last)) ?? 0 : 0;
    if (fa !== fb) return fb - fa;
    const da = a.s !== a.s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') ? 1 : 0;
    const db = b.s !== b.s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') ? 1 : 0;
    if (da !== db) return db - da;
    const ca = /^\p{Lu}/u.test(a.s) ? 1 : 0;
    const cb = /^\p{Lu}/u.test(b.s) ? 1 : 0;
    if (ca !== cb) return cb - ca;
    return b.n - a.n || (a.s < b.s ? -1 : 1);
  });
  return list[0].s;
}
