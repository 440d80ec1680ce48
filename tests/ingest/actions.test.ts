import { describe, expect, it } from 'vitest';
import { ingestNotes } from '../../ingest/index.js';
import { hashBytes } from '../../ingest/read.js';
import type { MeetingGraph } from '../../src/domain.js';

const people = [
  { name: 'Priya Raman', aliases: ['Priya'] },
  { name: 'Tomas Berg', aliases: ['Tomas', 'TB'] },
  { name: 'Lena Okafor', aliases: ['Lena'] },
  { name: 'Mateo Silva', aliases: ['Mateo'] },
  { name: 'Ivy Chen', aliases: ['Ivy'] },
];
const projects = [
  { name: 'Widgetd', aliases: [] },
  { name: 'Flux', aliases: [] },
];

/** One meeting whose sections are given as `heading → body`. */
function meeting(sections: Record<string, string>): MeetingGraph {
  const body = Object.entries(sections)
    .map(([heading, text]) => `### ${heading}\n\n${text}\n`)
    .join('\n');
  const text = `---\nupdated: 2021-03-04\n---\nAttendees: Priya Raman, Tomas Berg, Lena Okafor, Mateo Silva, Ivy Chen\n\n${body}`;
  return ingestNotes([{ source: '2021-03-04.md', text, contentHash: hashBytes(text) }], { people, projects, topics: false });
}

/** `Owner:status` of every action item of a section, sorted. */
function owners(g: MeetingGraph, heading: string): string[] {
  const d = g.discussions.find((x) => x.heading === heading);
  if (!d) throw new Error(`no section ${heading}`);
  const names = new Map(g.people.map((p) => [p.id, p.name.split(' ')[0]]));
  return [...new Set(g.actionItems.filter((a) => a.discussionId === d.id).map((a) => `${names.get(a.ownerId)}:${a.status}`))].sort();
}

describe('owners named as the subject of a commitment', () => {
  const g = meeting({
    'Used to': 'Ivy used Flux to rebuild the dashboard. Lena has been trying to fix the parser.',
    Will: 'Priya will write the migration guide.',
    'Said she would': 'Priya said she would look into the flaky tests.',
    'Has a PR': 'Lena has a PR to fix the date parsing.',
    Review: '* Mateo to review the release notes.',
    Handed: 'Lena suggested something that Ivy would look into.',
    Joint: 'Tomas and Ivy are working on the new scheduler.',
    Hacking: 'Mateo has been hacking on the plugin loader.',
    Maintaining: 'Tomas is now maintaining the Flux bindings.',
    Reported: 'Priya demoed the new dashboard.',
    Conjoined: 'Ivy is currently in Berlin but would like to merge the branch soon.',
    'Bring up': 'Lena will bring up the roadmap at the next call. Tomas brought up that the API is slow.',
  });

  it('reads the future as work to do', () => {
    expect(owners(g, 'Will')).toEqual(['Priya:todo']);
  });
  it('still reads using something for a piece of work, and "trying to" after a subject, as work', () => {
    expect(owners(g, 'Used to')).toEqual(['Ivy:done', 'Lena:ongoing']);
  });
  it('reads reported intentions ("said she would") as work to do', () => {
    expect(owners(g, 'Said she would')).toEqual(['Priya:todo']);
  });
  it('reads an open PR as work in progress', () => {
    expect(owners(g, 'Has a PR')).toEqual(['Lena:ongoing']);
  });
  it('reads the agenda style "X to …" as an assignment', () => {
    expect(owners(g, 'Review')).toEqual(['Mateo:todo']);
  });
  it('gives a suggestion handed to someone to that person, not to the one who suggested it', () => {
    expect(owners(g, 'Handed')).toEqual(['Ivy:todo']);
  });
  it('gives shared work to every name of a joint subject', () => {
    expect(owners(g, 'Joint')).toEqual(['Ivy:ongoing', 'Tomas:ongoing']);
  });
  it('reads the present perfect progressive and "is now maintaining" as ongoing', () => {
    expect(owners(g, 'Hacking')).toEqual(['Mateo:ongoing']);
    expect(owners(g, 'Maintaining')).toEqual(['Tomas:ongoing']);
  });
  it('counts reporting one\'s work to the meeting as leading it', () => {
    expect(owners(g, 'Reported')).toEqual(['Priya:ongoing']);
  });
  it('reads work conjoined after a clause that is not work ("is in Berlin but would like to merge")', () => {
    expect(owners(g, 'Conjoined')).toEqual(['Ivy:todo']);
  });
  it('reads promising to raise a topic as work, but not having raised one', () => {
    expect(owners(g, 'Bring up')).toEqual(['Lena:todo']);
  });
});

describe('speakers and sentences without a subject of their own', () => {
  const g = meeting({
    Speaker: 'Lena: I\'ll take a look at the parser.',
    Initials: 'TB: will take a look at the logs.',
    'Speaker he': 'Mateo: the slides are nearly ready, so he\'ll send them tomorrow.',
    Continued: 'Tomas has been working on Flux. Also fixed the build script.',
    Bullets: '* Ivy:\n  * fixed the login bug\n  * will write the docs',
    'Next steps': '* Ivy: get the benchmarks running\n* Mateo/Lena: look at the memory leak',
    'Parser rewrite (Priya Raman)': 'Rewrote the tokenizer last week. Will benchmark it next.',
    'Other subject': 'Tomas fixed the parser. The CI server crashed twice. Will restart it tomorrow.',
  });

  it('gives a first-person commitment to the speaker', () => {
    expect(owners(g, 'Speaker')).toEqual(['Lena:todo']);
  });
  it('gives a subject-less commitment to a speaker named by initials', () => {
    expect(owners(g, 'Initials')).toEqual(['Tomas:todo']);
  });
  it('reads "he" in a speaker\'s own turn as the speaker', () => {
    expect(owners(g, 'Speaker he')).toEqual(['Mateo:todo']);
  });
  it('continues the previous sentence\'s subject', () => {
    expect(owners(g, 'Continued')).toEqual(['Tomas:done', 'Tomas:ongoing']);
  });
  it('gives bullets nested under a person to that person', () => {
    expect(owners(g, 'Bullets')).toEqual(['Ivy:done', 'Ivy:todo']);
  });
  it('reads agenda lines with a bare verb as assignments, to each person named', () => {
    expect(owners(g, 'Next steps')).toEqual(['Ivy:todo', 'Lena:todo', 'Mateo:todo']);
  });
  it('gives a section\'s subject-less reports to the presenter named in the heading', () => {
    expect(owners(g, 'Parser rewrite (Priya Raman)')).toEqual(['Priya:done', 'Priya:todo']);
  });
  it('stops continuing a person once something else became the subject', () => {
    expect(owners(g, 'Other subject')).toEqual(['Tomas:done']);
  });
});

describe('the person behind a piece of work', () => {
  const g = meeting({
    'Work of': 'Thanks to Mateo\'s work on Widgetd, the build is faster.',
    Patches: 'Lena\'s patches were merged yesterday.',
    Passive: 'The new installer was released by Ivy.',
    'Passive ongoing': 'Flux is being maintained by Tomas.',
    Thanks: 'Thanks to Lena for fixing the CI.',
    Together: 'Priya is working with Mateo on the migration.',
    Asked: 'Lena asked Ivy to update the changelog.',
    'Would like': 'Tomas thinks so, but would like Priya to check the budget.',
    Relative: 'We heard from Ivy, who is leading the accessibility audit.',
    Assignments: 'Posts to write:\n\n- Release notes (Lena)\n- Flux internals (Tomas/Priya): design, API',
  });

  it('reads "X\'s work on …" as X\'s finished work', () => {
    expect(owners(g, 'Work of')).toEqual(['Mateo:done']);
  });
  it('reads "X\'s patches were merged" as X\'s finished work', () => {
    expect(owners(g, 'Patches')).toEqual(['Lena:done']);
  });
  it('reads the agent of a passive', () => {
    expect(owners(g, 'Passive')).toEqual(['Ivy:done']);
    expect(owners(g, 'Passive ongoing')).toEqual(['Tomas:ongoing']);
  });
  it('reads "thanks to X for …" as done', () => {
    expect(owners(g, 'Thanks')).toEqual(['Lena:done']);
  });
  it('makes the person worked with a co-owner', () => {
    expect(owners(g, 'Together')).toEqual(['Mateo:ongoing', 'Priya:ongoing']);
  });
  it('gives work someone was asked to do to that person', () => {
    expect(owners(g, 'Asked')).toEqual(['Ivy:todo']);
    expect(owners(g, 'Would like')).toEqual(['Priya:todo']);
  });
  it('reads a relative clause after a name', () => {
    expect(owners(g, 'Relative')).toEqual(['Ivy:ongoing']);
  });
  it('reads assignment lists ("Topic (Person)")', () => {
    expect(owners(g, 'Assignments')).toEqual(['Lena:todo', 'Priya:todo', 'Tomas:todo']);
  });
});

describe('what is not an action item', () => {
  const g = meeting({
    Talk: 'Mateo agreed. Lena pointed out that the API is slow. Ivy asked about the timeline.',
    Question: 'Can Tomas look at this?',
    Refusal: 'Mateo won\'t have time to review it.',
    'Gerund subject': 'Lena: Writing the docs first is a good idea.',
    // "trying" is an adjective to the lexicon ("a trying week").
    'Trying subject': 'Lena: Trying to control everything from one file is difficult.',
    Experience: 'This is the workflow Priya and Tomas have used, and Ivy has used Flux too.',
    'Years ago': 'Mateo and Ivy built a prototype of this a couple of years ago, but it was slow.',
    Limit: 'Tomas can only test once he is back.',
    Presence: 'Priya and Tomas will be at the conference next week.',
    'Not yet': 'Tomas hasn\'t sent the invoice yet.',
    'Made it': 'Lena and Ivy made it to the meetup.',
    'Status line': '- Ivy: cut-over went fine on Saturday.',
    Waiting: 'Mateo is going to wait for the release and then update the docs.',
  });

  it('ignores people who only agree, point out or ask', () => {
    expect(owners(g, 'Talk')).toEqual([]);
  });
  it('ignores questions', () => {
    expect(owners(g, 'Question')).toEqual([]);
  });
  it('ignores refused work', () => {
    expect(owners(g, 'Refusal')).toEqual([]);
  });
  it('does not take a gerund subject for a subject-less predicate', () => {
    expect(owners(g, 'Gerund subject')).toEqual([]);
  });
  it('does not take a gerund the lexicon calls an adjective for a subject-less predicate', () => {
    expect(owners(g, 'Trying subject')).toEqual([]);
  });
  it('does not count having used something as work', () => {
    expect(owners(g, 'Experience')).toEqual([]);
  });
  it('does not count work done years ago as work reported to the meeting', () => {
    expect(owners(g, 'Years ago')).toEqual([]);
  });
  it('does not count a limit ("can only test once back") as a commitment', () => {
    expect(owners(g, 'Limit')).toEqual([]);
  });
  it('does not count being somewhere as work', () => {
    expect(owners(g, 'Presence')).toEqual([]);
  });
  it('reads work not done yet as still to do', () => {
    expect(owners(g, 'Not yet')).toEqual(['Tomas:todo']);
  });
  it('does not take the subject of a status line for an imperative verb', () => {
    expect(owners(g, 'Status line')).toEqual([]);
  });
  it('does not count "made it to" as work', () => {
    expect(owners(g, 'Made it')).toEqual([]);
  });
  it('carries a modal over to the work conjoined with a wait', () => {
    expect(owners(g, 'Waiting')).toEqual(['Mateo:todo']);
  });
});

describe('projects and sentences of an action item', () => {
  const g = meeting({
    Widgetd: 'Ivy will write the release notes. Mateo will port Flux to ARM.',
    Wrapped: 'Ivy will look at the parser.\nCan someone check the docs?',
  });
  const projectName = new Map(g.projects.map((p) => [p.id, p.name]));
  const item = (owner: string) => g.actionItems.find((a) => a.ownerId === owner)!;

  it('takes the projects named in the sentence, else those of the heading', () => {
    expect(item('ivy-chen').projectIds.map((p) => projectName.get(p))).toEqual(['Widgetd']);
    expect(item('mateo-silva').projectIds.map((p) => projectName.get(p))).toEqual(['Flux']);
  });
  it('keeps the evidence sentence and line', () => {
    expect(item('mateo-silva').evidence).toMatchObject({ file: '2021-03-04.md', sentence: 'Mateo will port Flux to ARM.' });
  });
  it('ends a sentence at the end of a hard-wrapped line, so a question on the next line does not swallow it', () => {
    expect(owners(g, 'Wrapped')).toEqual(['Ivy:todo']);
  });
});
