import { describe, expect, it } from 'vitest';
import { ingestNotes } from '../../ingest/index.js';
import { readNameUse } from '../../ingest/name-use.js';
import { discoverProjectNames } from '../../ingest/project-discovery.js';
import { ProjectDirectory } from '../../ingest/projects.js';
import { hashBytes } from '../../ingest/read.js';
import { splitSentences } from '../../ingest/text.js';
import type { MeetingGraph } from '../../src/domain.js';

const registry = [
  { name: 'Acme', aliases: ['Acme OS'] },
  { name: 'acme tool', aliases: ['`acme`', '`acme build`', 'Acme tool'] },
  { name: 'acme-www', aliases: ['Acme website', 'acme.example.org'] },
  { name: 'files.acme.example.org', aliases: [] },
  { name: 'Widget', aliases: ['widget'] },
  { name: 'Gizmo', aliases: [] },
  { name: 'Git', aliases: ['git'] },
  { name: 'Bisect', aliases: ['bisect'] },
  { name: 'Sprocket', aliases: [] },
  { name: 'Rust', aliases: [] },
];

/** Project names a sentence names, in order. */
function named(text: string): string[] {
  const dir = new ProjectDirectory(registry);
  const sentences = splitSentences([{ line: 1, text }]);
  return sentences.flatMap((s) => dir.findInSentence(s)).map((m) => dir.records[m.key].name);
}

function notes(files: Record<string, string>) {
  return Object.entries(files).map(([source, text]) => ({ source, text, contentHash: hashBytes(text) }));
}

function sectionProjects(g: MeetingGraph, meetingId: string, heading: string): string[] {
  const d = g.discussions.find((x) => x.meetingId === meetingId && x.heading === heading);
  if (!d) throw new Error(`no section ${meetingId} / ${heading}`);
  const names = new Map(g.projects.map((p) => [p.id, p.name]));
  return g.about.filter((a) => a.discussionId === d.id && a.target === 'project').map((a) => names.get(a.targetId)!).sort();
}

describe('ProjectDirectory.findInSentence', () => {
  it('matches names case-sensitively on word boundaries', () => {
    expect(named('Widget and Gizmo shipped.')).toEqual(['Widget', 'Gizmo']);
    expect(named('The GIZMO and gizmos and Widgetry were not.')).toEqual([]);
  });

  it('prefers the longest form, so a sub-project alias does not also name its parent', () => {
    expect(named('The Acme website is down.')).toEqual(['acme-www']);
    expect(named('Acme OS runs here.')).toEqual(['Acme']);
  });

  it('counts a code-only alias inside a code span and never in prose', () => {
    expect(named('Run `acme build --fast` first.')).toEqual(['acme tool']);
    expect(named('Type `acme` to start.')).toEqual(['acme tool']);
    expect(named('The acme build was slow.')).toEqual([]);
  });

  it('reads only the program of a command line in a code span', () => {
    expect(named('Use `git bisect` to find it.')).toEqual(['Git']);
    expect(named('Try `sudo acme build` as root.')).toEqual(['acme tool']);
  });

  it('names both sides of a slash compound and the repository of a visible owner/repo path', () => {
    expect(named('Widget/Gizmo integration')).toEqual(['Widget', 'Gizmo']);
    expect(named('see team/Sprocket#12 for details')).toEqual(['Sprocket']);
  });

  it('skips names glued into another word by a hyphen, except after an English prefix', () => {
    expect(named('The foo-Widget fork and the Widget-based demo.')).toEqual([]);
    expect(named('It predates pre-Widget 1.0 builds.')).toEqual(['Widget']);
  });

  it('takes a host below a site name for that site, unless the longer host is a name of its own', () => {
    expect(named('Served from docs.acme.example.org now.')).toEqual(['acme-www']);
    expect(named('Images live on files.acme.example.org today.')).toEqual(['files.acme.example.org']);
  });

  it('does not take an event or organisation named after a project for the project', () => {
    expect(named('See you at the Widget Summit and the Gizmo Developer Hackathon.')).toEqual([]);
    expect(named('Widget summit planning')).toEqual([]);
  });

  it('ignores names that appear only in link targets and URLs', () => {
    expect(named('Read [the notes](https://example.org/Widget/Gizmo) and https://x.org/Sprocket today.')).toEqual([]);
    expect(named('Read [Widget docs](https://example.org/x) today.')).toEqual(['Widget']);
  });

  it('keeps the words after a malformed link as prose', () => {
    expect(named('A [prototype](http://example.org/x] is up. Ideas from Gizmo (thanks Ann).')).toEqual(['Gizmo']);
  });
});

describe('readNameUse', () => {
  const use = (text: string, name: string) => readNameUse(text, text.indexOf(name) + name.length).use;

  it('reads a name followed by a verb, a function word or punctuation as a noun of its own', () => {
    expect(use('Acme is ready.', 'Acme')).toBe('noun');
    expect(use('It runs on Acme.', 'Acme')).toBe('noun');
    expect(use('Acme currently fails', 'Acme')).toBe('noun');
    expect(use("Acme doesn't build", 'Acme')).toBe('noun');
    expect(use('Acme supports it', 'Acme')).toBe('noun');
    expect(use('We got Acme set up today', 'Acme')).toBe('noun');
  });

  it('reads a name followed by another noun as a modifier of that noun', () => {
    expect(use('Write to the Acme list', 'Acme')).toBe('modifier');
    expect(use('Acme hackers met', 'Acme')).toBe('modifier');
    expect(use('the Acme GitHub org', 'Acme')).toBe('modifier');
    expect(readNameUse('the Rust compiler', 'the Rust'.length)).toEqual({ use: 'modifier', modifies: 'compiler' });
  });

  it('reads release numbers, also when given in a phrase', () => {
    expect(use('Acme 2.0 is out', 'Acme')).toBe('versioned');
    expect(use('the latest Rust compiler version is 1.70.0', 'Rust')).toBe('versioned');
    expect(use('Acme is 11 MB', 'Acme')).toBe('noun');
  });

  it('reads the first word of an event or organisation name as an event', () => {
    expect(use('at the Acme Summit', 'Acme')).toBe('event');
    expect(use('the Acme Developer Hackathon', 'Acme')).toBe('event');
  });
});

describe('passing mentions of the umbrella name and of programming languages', () => {
  // Acme is named in every meeting (the folder's umbrella name); ten meetings make the share meaningful.
  const files: Record<string, string> = {};
  for (let i = 1; i <= 10; i++) files[`2021-01-${String(i).padStart(2, '0')}.md`] = `# Call ${i}\n\nAttendees: Ann Lee\n\n### Misc\n\nAcme is fine.\n`;
  files['2021-01-11.md'] = [
    '# Call 11',
    '',
    'Attendees: Ann Lee',
    '',
    '### Mailing list',
    '',
    'Ann will post to the Acme list and thank the Acme hackers.',
    '',
    '### Storage',
    '',
    'Ann wants a storage layer that runs on Acme.',
    '',
    '### Release',
    '',
    'Everyone tried the Acme 2.0 beta.',
    '',
    '### Drivers',
    '',
    'Ann has drivers working in Acme.',
    '',
    '### Bindings',
    '',
    'Ann wrote Rust bindings for Gizmo, all written in Rust.',
    '',
    '### Compiler',
    '',
    'Ann hit a bug in the Rust compiler.',
    '',
    '### Rust progress',
    '',
    'Ann ported the parser.',
    '',
    '### Toolchains',
    '',
    'Ann compared Rust 1.70 with the old one.',
    '',
    '### Language choice',
    '',
    'Rust is safer. Ann thinks Rust would suit the parser.',
    '',
  ].join('\n');
  const g = ingestNotes(notes(files), { people: null, projects: registry, topics: false });
  const about = (heading: string) => sectionProjects(g, '2021-01-11', heading);

  it('drops the umbrella name where it only modifies another noun (the team, its channels)', () => {
    expect(about('Mailing list')).toEqual([]);
  });

  it('keeps the umbrella name as a noun of its own or with a release number', () => {
    expect(about('Storage')).toEqual(['Acme']);
    expect(about('Release')).toEqual(['Acme']);
  });

  it('drops the umbrella name used only as a container ("in X")', () => {
    expect(about('Drivers')).toEqual([]);
  });

  it('drops a language that is only the medium of other work', () => {
    expect(about('Bindings')).toEqual(['Gizmo']);
  });

  it('keeps a language named for its own implementation, in the heading, with a version, or discussed', () => {
    expect(about('Compiler')).toEqual(['Rust']);
    expect(about('Rust progress')).toEqual(['Rust']);
    expect(about('Toolchains')).toEqual(['Rust']);
    expect(about('Language choice')).toEqual(['Rust']);
  });

  it('judges an ordinary project by any mention at all', () => {
    const g2 = ingestNotes(notes({ '2021-02-01.md': '# Call\n\n### Bits\n\nAnn wrote the Widget list in Gizmo.\n' }), {
      people: null,
      projects: registry,
      topics: false,
    });
    expect(sectionProjects(g2, '2021-02-01', 'Bits')).toEqual(['Gizmo', 'Widget']);
  });

describe('a bare code word that the item calls something other than the program', () => {
  const item = (body: string) => {
    const g = ingestNotes(notes({ '2021-03-01.md': `# Call\n\n### Item\n\n${body}\n` }), { people: null, projects: registry, topics: false });
    return sectionProjects(g, '2021-03-01', 'Item');
  };

  it('is the package or tag of that name, in the whole item, not the code-only project', () => {
    expect(item('The packages split:\n\n* `acme` into `acme-core` and `acme-cli`\n* a dependency on the now-dummy `acme` package.')).toEqual([]);
    expect(item('People ask questions online. The tag is `acme`.')).toEqual([]);
    expect(item('Install package `acme` first.')).toEqual([]);
  });

  it('leaves the program where nothing says otherwise, and commands with arguments always', () => {
    expect(item('Type `acme` to start.')).toEqual(['acme tool']);
    expect(item('The new `acme` binary is out. Run `acme build` on the `acme` package.')).toEqual(['acme tool']);
  });
});
});

describe('discovering project names without a projects registry', () => {
  const sentence = (text: string) => ({ text, line: 1, display: text });
  const found = (text: string) => discoverProjectNames(sentence(text), new ProjectDirectory(null)).map((d) => `${d.kind}:${d.name}`);

  it('finds package-like code spans, repositories of references, mixed-case names and unknown capitalised words', () => {
    expect(found('We tried `zorb-lib` and team/quux#4 with FooBar, then Zorblat.')).toEqual([
      'code:zorb-lib',
      'repository:quux',
      'mixed-case:FooBar',
      'capitalised:Zorblat',
    ]);
  });

  it('leaves out acronym plurals, acronyms with a small word inside, events and English words', () => {
    expect(found('Three VMs and two PRs for GSoC, see AoB and the AcmeSummit, then `master` and `Not_found`.')).toEqual([]);
  });

  it('leaves out capitalised words inside a longer proper name and at the start of a sentence', () => {
    expect(found('Zorblat works. We met Jane Street and the Computer Lab.')).toEqual([]);
  });

  const corpus = notes({
    '2021-03-01.md': '# Call\n\nAttendees: Ann Lee, Bob Ray, Cid Quarrington\n\n### Storage\n\nAnn moved the store to Zorblat and `quux`. Bob asked about Entropy. CQuarrington reviewed it.\n',
    '2021-03-08.md': '# Call\n\nAttendees: Ann Lee, Bob Ray, Cid Quarrington\n\n### Storage\n\nBob says Zorblat is slow; `Quux` is fine. Lee, CQuarrington and Ray agreed. We need entropy, more entropy and better entropy sources.\n',
    '2021-03-15.md': '# Call\n\nAttendees: Ann Lee, Bob Ray\n\n### Other\n\nBob tried Frobnicator once.\n',
  });
  const g = ingestNotes(corpus, { people: null, projects: null, topics: false });

  it('promotes names seen in two meetings, merging spellings that differ only in case', () => {
    const discovered = g.projects.filter((p) => p.origin === 'discovered');
    expect(discovered.map((p) => [p.name, ...p.aliases].sort()).sort()).toEqual([['Quux', 'quux'], ['Zorblat']]);
    const quux = discovered.find((p) => p.name.toLowerCase() === 'quux')!.name;
    expect(sectionProjects(g, '2021-03-01', 'Storage')).toEqual([quux, 'Zorblat'].sort());
    expect(sectionProjects(g, '2021-03-08', 'Storage')).toEqual([quux, 'Zorblat'].sort());
  });

  it('does not take people, their handles or words the folder also writes in lower case for projects', () => {
    const names = [...g.projects.map((p) => p.name), ...g.projectCandidates.map((c) => c.name)];
    expect(names).not.toContain('Lee');
    expect(names).not.toContain('CQuarrington');
    expect(names).not.toContain('Entropy');
  });

  it('reports names seen in one meeting as candidates', () => {
    expect(g.projectCandidates.map((c) => c.name)).toContain('Frobnicator');
  });
});
