/**
 * How people write each other's names: diacritics or not (Bünzli, Bunzli, Buenzli), the usual
 * short forms of first names (Dave for David), CamelCase and initial forms (ThomasG, TG), and
 * small misspellings (Ludlum for Ludlam). Language knowledge only — no team's names live here.
 */

/** Lower case, diacritics removed, German `ue`/`oe`/`ae` transliterations folded, white space collapsed. */
export function foldName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/([bcdfghjklmnpqrstvwxz])(u|o|a)e(?=[a-z])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Groups of English first names that are the same name (formal form first). */
const SHORT_FORMS: string[][] = [
  ['david', 'dave', 'davey'],
  ['jonathan', 'jon', 'jonny'],
  ['john', 'jack', 'johnny'],
  ['daniel', 'dan', 'danny'],
  ['michael', 'mike', 'mick', 'mikey'],
  ['matthew', 'matt', 'matty'],
  ['nicolas', 'nicholas', 'nick', 'nik', 'nic', 'nicky'],
  ['thomas', 'tom', 'tommy'],
  ['gregory', 'greg'],
  ['russell', 'russ'],
  ['richard', 'rich', 'rick', 'dick'],
  ['robert', 'rob', 'bob', 'bobby', 'robbie'],
  ['william', 'will', 'bill', 'billy', 'liam'],
  ['christopher', 'chris', 'kit'],
  ['christian', 'chris'],
  ['alexander', 'alex', 'sandy'],
  ['alexandra', 'alex', 'sandra'],
  ['andrew', 'andy', 'drew'],
  ['anthony', 'tony'],
  ['benjamin', 'ben', 'benji'],
  ['samuel', 'sam'],
  ['samantha', 'sam'],
  ['stephen', 'steve', 'stevie'],
  ['steven', 'steve'],
  ['peter', 'pete'],
  ['timothy', 'tim'],
  ['joseph', 'joe', 'joey'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['edward', 'ed', 'eddie', 'ted'],
  ['frederick', 'fred', 'freddie'],
  ['elizabeth', 'liz', 'beth', 'lizzie', 'betty'],
  ['katherine', 'kate', 'kathy', 'katie'],
  ['catherine', 'cat', 'cathy', 'kate'],
  ['jennifer', 'jen', 'jenny'],
  ['susan', 'sue', 'susie'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['patrick', 'pat', 'paddy'],
  ['patricia', 'pat', 'trish'],
  ['kenneth', 'ken', 'kenny'],
  ['jeffrey', 'jeff'],
  ['jeremy', 'jerry'],
  ['lawrence', 'larry'],
  ['leonard', 'len', 'lenny'],
  ['philip', 'phil'],
  ['raymond', 'ray'],
  ['ronald', 'ron'],
  ['donald', 'don'],
  ['douglas', 'doug'],
  ['gabriel', 'gabe'],
  ['nathaniel', 'nathan', 'nate'],
  ['zachary', 'zach', 'zack'],
  ['vincent', 'vince'],
  ['victoria', 'vicky', 'vic'],
  ['rebecca', 'becky', 'becca'],
  ['deborah', 'debbie', 'deb'],
  ['abigail', 'abby'],
  ['charles', 'charlie', 'chuck'],
  ['francis', 'frank'],
  ['frances', 'fran'],
  ['harold', 'harry'],
  ['henry', 'harry', 'hank'],
  ['theodore', 'theo', 'ted'],
  ['gerald', 'gerry'],
  ['kimberly', 'kim'],
  ['pamela', 'pam'],
  ['judith', 'judy'],
  ['louis', 'lou'],
  ['louise', 'lou'],
];

const VARIANTS = new Map<string, Set<string>>();
for (const group of SHORT_FORMS) {
  for (const n of group) {
    const set = VARIANTS.get(n) ?? new Set<string>([n]);
    for (const m of group) set.add(m);
    VARIANTS.set(n, set);
  }
}

/** All spellings of a first name that mean the same name, folded (`dave` → david, dave, davey). */
export function firstNameVariants(first: string): Set<string> {
  const f = foldName(first);
  return VARIANTS.get(f) ?? new Set([f]);
}

export function sameFirstName(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  return fa === fb || firstNameVariants(fa).has(fb);
}

/** The formal form is the longest of two variant spellings (`David` over `Dave`). */
export function isFormalOf(formal: string, short: string): boolean {
  return sameFirstName(formal, short) && formal.length > short.length;
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > 3) return Math.abs(m - n);
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Two spellings of a surname are the same when they fold equal or differ by a small typo (longer names allow more). */
export function similarSurname(a: string, b: string): boolean {
  const fa = foldName(a);
  const fb = foldName(b);
  if (fa === fb) return true;
  const len = Math.min(fa.length, fb.length);
  if (len < 5) return false;
  if (fa[0] !== fb[0]) return false;
  return editDistance(fa, fb) <= (len >= 7 ? 2 : 1);
}

/** Splits a full name into first and last parts (`Nicolas Ojeda Bar` → Nicolas / Ojeda Bar). */
export function splitName(name: string): { first: string; last: string | null } {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { first: words[0] ?? '', last: null };
  return { first: words[0], last: words.slice(1).join(' ') };
}

/** A word that can be a name: starts with a letter, and is not a bare symbol. */
export function isNameLike(word: string): boolean {
  return /^\p{L}[\p{L}\p{M}'’.-]*\d*$/u.test(word);
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
