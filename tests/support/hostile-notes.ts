/**
 * A hostile notes folder for the reliability tests (tests/ingest/hostile.test.ts): broken and bomb
 * YAML, binary and non-UTF-8 files, a 20 MB note, a note of 10,000 headings, 1 MiB single lines
 * built to trip regular expressions, Unicode and right-to-left names, symlink loops, a named pipe
 * and a file whose read fails. Written by `buildHostileFolder`, which also says what ingest must
 * make of each file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const front = (date: string) => `---\nupdated: ${date}\n---\n`;
export const good = (date: string) => `${front(date)}Attendees: Ann Lee, Bob Stone\n\n### Release\n\nAnn Lee will fix the build. Bob Stone reviewed it.\n`;

/** Ten levels of aliases, each nine times the one below: 9^10 leaves if anything expanded it. */
export function yamlBomb(): string {
  const names = 'abcdefghij'.split('');
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return `---\nupdated: 2020-01-05\n${lines.join('\n')}\n---\n### Item\n\nAnn Lee spoke.\n`;
}

export const HEADINGS = 10_000;
export const tenThousandHeadings = () =>
  front('2020-01-06') + 'Attendees: Ann Lee, Bob Stone\n\n' + Array.from({ length: HEADINGS }, (_, i) => `### Item ${i} about the build\n\nAnn Lee will fix bug ${i}; see https://example.org/${i} and mirage/irmin#${i}.\n`).join('\n');

/** 1 MiB of `unit`, as one line. */
const megabyteOf = (unit: string) => unit.repeat(Math.ceil((1 << 20) / unit.length));

/**
 * Lines built to make a backtracking regular expression scan the rest of the line from each of
 * its positions: unclosed brackets and parentheses, long runs of word characters with dots and
 * hyphens (e-mail and `owner/repo#N` patterns), backticks, white space, hyphens (host names).
 */
export const HOSTILE_LINES: Record<string, string> = {
  brackets: megabyteOf('['),
  'bracket-paren': megabyteOf('[]('),
  'angle-link': megabyteOf('[](<'),
  'dotted-run': megabyteOf('a.'),
  'hyphen-run': megabyteOf('-a'),
  hyphens: megabyteOf('-'),
  backticks: megabyteOf('`a'),
  spaces: `x${megabyteOf(' ')}Capital`,
  'email-like': megabyteOf('a.b+c-'),
  'repo-like': megabyteOf('a/b.'),
  prose: megabyteOf('Ann Lee will fix the Irmin build, e.g. the part Bob Stone wrote. '),
  'mixed-markup': megabyteOf('[a](b "c *d_ `e <f ('),
  'comment-opens': megabyteOf('<!--'),
  'angle-opens': megabyteOf('<a '),
  'definition-like': megabyteOf('[x]: '),
};

/** Line contexts: a discussion line, a heading, an attendee list and a whole paragraph of short lines. */
export const CONTEXTS: Record<string, (line: string) => string> = {
  discussion: (line) => `${front('2020-01-07')}### Item\n\nAnn Lee: ${line}\n`,
  heading: (line) => `${front('2020-01-07')}### ${line}\n\nAnn spoke.\n`,
  attendees: (line) => `${front('2020-01-07')}Attendees: ${line}\n\n### Item\n\nAnn spoke.\n`,
};

export interface HostileFolder {
  /** File (relative path) → the warning ingest must give it (`kind: message`). */
  expectedSkips: Map<string, RegExp>;
  /** Ids of the meetings ingest must make of the folder. */
  expectedMeetings: Set<string>;
}

/** Writes the hostile folder into `dir` (an empty folder). */
export function buildHostileFolder(dir: string): HostileFolder {
  const expectedSkips = new Map<string, RegExp>();
  const expectedMeetings = new Set<string>();
  const write = (name: string, content: string | Buffer, meeting = true) => {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
    if (meeting) expectedMeetings.add(name.replace(/\.md$/, ''));
  };
  const skip = (name: string, reason: RegExp) => expectedSkips.set(name, reason);

  write('2020-01-01.md', good('2020-01-01'));
  write('2020-01-02.md', good('2020-01-02'));
  write('broken-yaml.md', `---\nupdated: 2020-01-03\nsubject: [unclosed\n\tbad: indent: here\n---\n### Item\n\nAnn Lee spoke.\n`);
  write('unclosed-front-matter.md', `---\nupdated: 2020-01-04\n### Item\n\nAnn Lee spoke.\n`);
  write('yaml-bomb.md', yamlBomb());
  write('headings.md', tenThousandHeadings());
  for (const [name, line] of Object.entries(HOSTILE_LINES)) write(`long-lines/${name}.md`, CONTEXTS.discussion(line));

  write('binary.md', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4096, 7)]), false);
  skip('binary.md', /^skipped: binary file/);
  write('latin1.md', Buffer.from('---\nupdated: 2020-01-08\n---\n### Caf\xe9\n\nd\xe9j\xe0 vu\n', 'latin1'), false);
  skip('latin1.md', /^skipped: not valid UTF-8/);
  write('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('### Item\n\nAnn spoke.\n', 'utf16le')]), false);
  skip('utf16.md', /^skipped: binary file/);
  write('huge.md', Buffer.alloc(20 * 1024 * 1024, 'a'), false);
  skip('huge.md', /^skipped: file too large \(20\.0 MiB/);
  write('blank.md', '\n \t\n\u00a0\n', false);
  skip('blank.md', /^skipped: empty file/);

  // Unicode, right-to-left marks and overrides, combining characters in names and text.
  write('2020-02-01 réunion ✓.md', good('2020-02-01'));
  write('\u202e2020-02-02-rtl-override.md', good('2020-02-02'));
  write('2020-02-03-\u05e9\u05dc\u05d5\u05dd.md', `${front('2020-02-03')}Attendees: Ann Lee, \u200fBob Stone\u200f\n\n### \u05e9\u05dc\u05d5\u05dd \u202bIrmin\u202c\n\nAnn Lee \u2067will fix it\u2069.\n`);
  write('2020-02-04-cafe\u0301.md', good('2020-02-04'));
  write('日本語/2020-02-05-会議.md', good('2020-02-05'));

  // Links: loops of files, a loop of directories, a link to nowhere.
  mkdirSync(path.join(dir, 'links'));
  symlinkSync('self.md', path.join(dir, 'links/self.md'));
  skip('links/self.md', /^skipped: symlink loop/);
  symlinkSync('b.md', path.join(dir, 'links/a.md'));
  symlinkSync('a.md', path.join(dir, 'links/b.md'));
  skip('links/a.md', /^skipped: symlink loop/);
  skip('links/b.md', /^skipped: symlink loop/);
  symlinkSync('..', path.join(dir, 'links/up'));
  skip('links/up', /^skipped: directory link loop/);
  symlinkSync('missing.md', path.join(dir, 'links/dangling.md'));
  skip('links/dangling.md', /^skipped: broken link: ENOENT/);

  // A named pipe: opening it to read would block until a writer came, forever.
  if (spawnSync('mkfifo', [path.join(dir, 'pipe.md')]).status !== 0) throw new Error('mkfifo failed');
  skip('pipe.md', /^skipped: not a regular file \(a named pipe\)/);

  // A file whose read fails whoever reads it, root included: /proc/self/mem (EIO at offset 0).
  // chmod 000, which root ignores, is tested on its own below.
  if (existsSync('/proc/self/mem')) {
    symlinkSync('/proc/self/mem', path.join(dir, 'proc-mem.md'));
    skip('proc-mem.md', /^skipped: cannot read file: EIO/);
  }
  return { expectedSkips, expectedMeetings };
}
