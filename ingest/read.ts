/**
 * Stage 1 — read: find the notes of a folder and load them as text, reporting every file that
 * cannot be read (binary, not UTF-8, empty, too large, unreadable, symlink loops) instead of failing.
 */
import { createHash } from 'node:crypto';
import { lstatSync, promises as fs, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { IngestWarning } from '../src/domain.js';

export interface RawNote {
  /** Path relative to the notes folder, with `/` separators. */
  source: string;
  text: string;
  /** sha256 of the bytes. */
  contentHash: string;
}

export interface ReadResult {
  notes: RawNote[];
  warnings: IngestWarning[];
}

export interface ReadOptions {
  /** Larger notes are skipped with a warning (default 8 MiB: years of weekly notes are a few KiB each). */
  maxBytes?: number;
  /** Kept by a caller that reads the same folder again and again (the server): see `NoteReadCache`. */
  cache?: NoteReadCache;
  /**
   * Absolute paths that may have changed since the last read with `cache` (a file watcher's
   * events). The other notes of that read are taken as they were, without listing the folder or
   * looking at their files: at 10,000 notes that look is most of the cost of a change. The folder
   * is read whole instead without a cache, before its first read of this folder, or when a path
   * is a directory, a link or a removed folder (see `NoteReadCache.afterChanges`).
   */
  changedPaths?: readonly string[];
}

/**
 * The notes read last time, by path, with what `stat` said of each: a file whose inode, size,
 * modification and change times (to the nanosecond) are the same is not read again. The change
 * time cannot be set back by tools that restore modification times. As git does with its index, a
 * file modified shortly before it was read is not kept: an edit within the file system's clock
 * tick after the read could leave every one of those the same.
 */
export class NoteReadCache {
  private entries = new Map<string, { stamp: string; note: RawNote }>();
  private seen = new Set<string>();
  /** The last read of a folder: the note files it listed (with the listing's warnings) and what each gave. */
  private last: { dir: string; files: string[]; listingWarnings: IngestWarning[]; outcomes: Map<string, RawNote | IngestWarning> } | null = null;

  /** The note kept for `abs` when its file is as it was. */
  get(abs: string, stamp: string): RawNote | undefined {
    this.seen.add(abs);
    const entry = this.entries.get(abs);
    return entry?.stamp === stamp ? entry.note : undefined;
  }

  /**
   * The last read of `dir` brought up to date with the paths that may have changed since: its
   * note files (as `listNoteFiles` would list them now, with its warnings), what each unchanged
   * one gave, and which to read again. A changed note file is read again, a removed one dropped,
   * a new one added in its place; a path that cannot be a note (another extension, hidden,
   * outside the folder) changes nothing. Null when only listing the folder again can tell: no
   * read of `dir` yet, or a path that is (or was) a directory, a link or a special file.
   */
  afterChanges(dir: string, changedPaths: readonly string[]): HintedRead | null {
    const last = this.last;
    if (!last || last.dir !== path.resolve(dir)) return null;
    const files = new Set(last.files);
    const reread = new Set<string>();
    let added = false;
    for (const abs of changedPaths) {
      const rel = path.relative(last.dir, path.resolve(abs));
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) continue;
      const source = rel.split(path.sep).join('/');
      const segments = source.split('/');
      if (segments.some((name) => name.startsWith('.') || name === 'node_modules')) continue;
      let st: import('node:fs').Stats;
      try {
        st = lstatSync(abs);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return null;
        if (files.delete(source)) {
          this.entries.delete(path.join(dir, source));
          continue;
        }
        // A folder gone: its notes went with it (and listing again says which).
        if (last.files.some((f) => f.startsWith(`${source}/`))) return null;
        continue;
      }
      if (!st.isFile()) return null;
      if (!isNoteName(segments[segments.length - 1])) continue;
      reread.add(source);
      if (files.has(source)) continue;
      // A new note is where a walk of the folder finds it only if no link leads there.
      if (realpathSync(path.dirname(abs)) !== path.join(realpathSync(last.dir), ...segments.slice(0, -1))) return null;
      files.add(source);
      added = true;
    }
    return { files: added ? [...files].sort(walkOrder) : [...files], listingWarnings: last.listingWarnings, reread, outcomes: last.outcomes };
  }

  /** Remembers what a read of `dir` listed and what each file gave. */
  readDone(dir: string, files: string[], listingWarnings: IngestWarning[], outcomes: Map<string, RawNote | IngestWarning>): void {
    this.last = { dir: path.resolve(dir), files, listingWarnings, outcomes };
  }

  /** What the last read gave (its notes' paths and hashes, its warnings) as one string, to compare reads by; null before the first. */
  signature(): string | null {
    const last = this.last;
    if (!last) return null;
    const hash = createHash('sha256');
    for (const w of last.listingWarnings) hash.update(`${w.file}\0${w.message}\n`);
    for (const f of last.files) {
      const o = last.outcomes.get(f)!;
      hash.update('contentHash' in o ? `${o.source}\0${o.contentHash}\n` : `${o.file}\0${o.message}\n`);
    }
    return hash.digest('hex');
  }

  set(abs: string, stamp: string, note: RawNote, modifiedMs: number): void {
    this.seen.add(abs);
    if (Date.now() - modifiedMs > SETTLED_MS) this.entries.set(abs, { stamp, note });
    else this.entries.delete(abs);
  }

  /** Forgets the files not looked at since the last call (removed notes). */
  sweep(): void {
    for (const abs of this.entries.keys()) if (!this.seen.has(abs)) this.entries.delete(abs);
    this.seen = new Set();
  }
}

/** How long after its last modification a file's `stat` is trusted to tell its content (see NoteReadCache). */
const SETTLED_MS = 2_000;

const NOTE_EXTENSIONS = new Set(['.md', '.markdown']);
/** Registry files kept beside the notes are not notes. */
const NOT_NOTES = new Set(['readme.md']);
export const DEFAULT_MAX_NOTE_BYTES = 8 * 1024 * 1024;
/** Notes read between two turns of the event loop (a few milliseconds of reading). */
const READS_BETWEEN_YIELDS = 200;

/** Lists the note files below `dir` (sorted, relative paths), following symlinks once and never in a loop. */
export async function listNoteFiles(dir: string, warnings: IngestWarning[] = []): Promise<string[]> {
  const found: string[] = [];
  const seenDirs = new Set<string>();
  async function walk(abs: string, rel: string): Promise<void> {
    let real: string;
    try {
      real = await fs.realpath(abs);
    } catch (err) {
      warnings.push({ kind: 'skipped', file: rel || '.', message: `cannot resolve path: ${(err as NodeJS.ErrnoException).code ?? err}` });
      return;
    }
    if (seenDirs.has(real)) {
      warnings.push({ kind: 'skipped', file: rel, message: 'directory link loop (already visited)' });
      return;
    }
    seenDirs.add(real);
    let entries: import('node:fs').Dirent[];
    try {
      entries = await fs.readdir(abs, { withFileTypes: true });
    } catch (err) {
      warnings.push({ kind: 'skipped', file: rel || '.', message: `cannot read directory: ${(err as NodeJS.ErrnoException).code ?? err}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const childAbs = path.join(abs, entry.name);
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let special = specialFileKind(entry);
      if (entry.isSymbolicLink()) {
        try {
          const st = await fs.stat(childAbs);
          isDir = st.isDirectory();
          isFile = st.isFile();
          special = specialFileKind(st);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (hasNoteExtension(entry.name) || code === 'ELOOP') {
            warnings.push({ kind: 'skipped', file: childRel, message: code === 'ELOOP' ? 'symlink loop' : `broken link: ${code}` });
          }
          continue;
        }
      }
      const noteName = isNoteName(entry.name);
      if (isDir) await walk(childAbs, childRel);
      else if (isFile && noteName) found.push(childRel);
      // Never opened: reading a named pipe blocks until something writes to it.
      else if (special && noteName) warnings.push({ kind: 'skipped', file: childRel, message: `not a regular file (${special})` });
    }
  }
  await walk(dir, '');
  return found;
}

/** Whether a file of that name has a note's extension (`.md`, `.markdown`); the file watcher filters by it too. */
export function hasNoteExtension(name: string): boolean {
  return NOTE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

/** Whether a file of that name is a note (when it is a readable file). */
function isNoteName(name: string): boolean {
  return hasNoteExtension(name) && !NOT_NOTES.has(name.toLowerCase());
}

/**
 * The order `listNoteFiles` finds files in: each folder's entries sorted by name, a folder's notes
 * where its name falls among them.
 */
function walkOrder(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  }
  return x.length - y.length;
}

/** What kind of special file an entry is (a named pipe, socket or device), or null for a file, directory or link. */
function specialFileKind(entry: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string | null {
  if (entry.isFIFO()) return 'a named pipe';
  if (entry.isSocket()) return 'a socket';
  if (entry.isCharacterDevice() || entry.isBlockDevice()) return 'a device';
  return null;
}

/** Why a buffer is not a readable note, or null when it is one. */
export function rejectReason(bytes: Buffer, maxBytes: number): string | null {
  if (bytes.length === 0) return 'empty file';
  if (bytes.length > maxBytes) return tooLarge(bytes.length, maxBytes);
  if (bytes.subarray(0, 8192).includes(0)) return 'binary file (contains NUL bytes)';
  return null;
}

function tooLarge(size: number, maxBytes: number): string {
  return `file too large (${(size / 1048576).toFixed(1)} MiB > ${(maxBytes / 1048576).toFixed(0)} MiB limit)`;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes strict UTF-8 (a BOM is dropped); throws on invalid bytes. */
export function decodeUtf8(bytes: Buffer): string {
  const text = utf8.decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function hashBytes(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads one note; returns a warning instead when it cannot be ingested. */
export async function readNote(dir: string, source: string, maxBytes = DEFAULT_MAX_NOTE_BYTES): Promise<RawNote | IngestWarning> {
  return readNoteSync(dir, source, maxBytes);
}

/**
 * `readNote` with synchronous file system calls: a note is a few KiB, and the promise-based
 * calls cost three to four times the CPU of the read itself (10,000 notes: about 4 s against 1 s).
 */
function readNoteSync(dir: string, source: string, maxBytes: number, cache?: NoteReadCache): RawNote | IngestWarning {
  const abs = path.join(dir, source);
  let bytes: Buffer;
  let stamp = '';
  let modifiedMs = 0;
  try {
    // Nanosecond times only for a cache that compares them (a bigint stat costs more).
    const st = cache ? statSync(abs, { bigint: true }) : statSync(abs);
    if (st.size > maxBytes) return { kind: 'skipped', file: source, message: tooLarge(Number(st.size), maxBytes) };
    if (cache && 'mtimeNs' in st) {
      stamp = `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
      modifiedMs = Number(st.mtimeMs);
      const kept = cache.get(abs, stamp);
      if (kept) return kept;
    }
    bytes = readFileSync(abs);
  } catch (err) {
    return { kind: 'skipped', file: source, message: `cannot read file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  const reason = rejectReason(bytes, maxBytes);
  if (reason) return { kind: 'skipped', file: source, message: reason };
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    return { kind: 'skipped', file: source, message: 'not valid UTF-8 text' };
  }
  if (text.trim() === '') return { kind: 'skipped', file: source, message: 'empty file (only white space)' };
  const note = { source, text, contentHash: hashBytes(bytes) };
  cache?.set(abs, stamp, note, modifiedMs);
  return note;
}

/** Reads every note below `dir`. Never throws for a bad file; throws only when `dir` itself is unusable. */
export async function readNotesFolder(dir: string, options: ReadOptions = {}): Promise<ReadResult> {
  const st = await fs.stat(dir).catch(() => null);
  if (!st || !st.isDirectory()) throw new NotesFolderError(`notes folder not found or not a directory: ${dir}`);
  const { cache, changedPaths } = options;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_NOTE_BYTES;
  const hinted = cache && changedPaths ? cache.afterChanges(dir, changedPaths) : null;
  const listingWarnings: IngestWarning[] = hinted ? hinted.listingWarnings : [];
  const files = hinted ? hinted.files : await listNoteFiles(dir, listingWarnings);
  const warnings = [...listingWarnings];
  const notes: RawNote[] = [];
  const outcomes = new Map<string, RawNote | IngestWarning>();
  for (let i = 0; i < files.length; i++) {
    const source = files[i];
    let result = hinted && !hinted.reread.has(source) ? hinted.outcomes.get(source) : undefined;
    if (!result) {
      // Reads are synchronous (see readNoteSync); a server serving requests meanwhile gets a turn
      // every so many notes.
      if (!hinted && i > 0 && i % READS_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
      result = readNoteSync(dir, source, maxBytes, cache);
    }
    if ('text' in result) notes.push(result);
    else warnings.push(result);
    if (cache) outcomes.set(source, result);
  }
  if (cache) {
    if (!hinted) cache.sweep();
    cache.readDone(dir, files, listingWarnings, outcomes);
  }
  return { notes, warnings };
}

/** A read by a watcher's paths (see `NoteReadCache.afterChanges`). */
export interface HintedRead {
  /** The folder's note files, in the order `listNoteFiles` gives them. */
  files: string[];
  /** What listing the folder last warned of. */
  listingWarnings: IngestWarning[];
  /** The files to read again: the changed and the new. */
  reread: Set<string>;
  /** What each file gave at the last read. */
  outcomes: Map<string, RawNote | IngestWarning>;
}

export class NotesFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
