/**
 * Watching the notes folder (and the registry files) so that an added, changed or deleted note is
 * re-ingested while the server runs. Changes are gathered for `debounceMs` of quiet, so an editor's
 * save-rename-delete dance or a `git pull` of many notes gives one ingest.
 */
import path from 'node:path';
import chokidar from 'chokidar';
import { hasNoteExtension } from '../../ingest/read.js';

export interface NoteWatcherOptions {
  notesDir: string;
  /** Other files whose change should re-ingest (people.yml, projects.yml outside the folder). */
  extraFiles?: string[];
  /**
   * Quiet time before reacting, in milliseconds. Default 100: an editor's save, a `git pull` or a
   * copy writes its files within a few milliseconds of each other, and every millisecond waited
   * here is one more before a change shows.
   */
  debounceMs?: number;
  /** Called with the changed paths once they have settled. */
  onChange: (paths: string[]) => Promise<void>;
  log?: (line: string) => void;
}

export interface NoteWatcher {
  close(): Promise<void>;
}

/** Starts watching; resolves once the initial scan is done (changes after that are seen). */
export async function watchNotes(options: NoteWatcherOptions): Promise<NoteWatcher> {
  const debounceMs = options.debounceMs ?? 100;
  const notesDir = path.resolve(options.notesDir);
  const watched = new Set((options.extraFiles ?? []).map((f) => path.resolve(f)));
  const watcher = chokidar.watch([notesDir, ...watched], {
    ignoreInitial: true,
    ignored: (file, stats) => {
      if (watched.has(file)) return false;
      const name = path.basename(file);
      // Hidden files and folders (.git, editor swap files), and dependencies, are never notes.
      if (file !== notesDir && (name.startsWith('.') || name === 'node_modules')) return true;
      // Notes by the reader's own extensions, and the registries (YAML).
      return Boolean(stats?.isFile()) && !hasNoteExtension(name) && !/\.ya?ml$/i.test(name);
    },
  });

  let pending = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const fire = () => {
    timer = null;
    const paths = [...pending];
    pending = new Set();
    options.onChange(paths).catch((err) => options.log?.(`re-ingest failed: ${err instanceof Error ? err.message : String(err)}`));
  };
  const changed = (file: string) => {
    pending.add(file);
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };
  for (const event of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, changed);
  watcher.on('error', (err) => options.log?.(`watching ${notesDir}: ${err instanceof Error ? err.message : String(err)}`));

  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    async close() {
      if (timer) clearTimeout(timer);
      timer = null;
      await watcher.close();
    },
  };
}
