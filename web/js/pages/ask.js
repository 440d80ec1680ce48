// Ask: a question in plain English, what it was understood as, the answer shaped by its kind
// (rows, a table of counts, one big figure, a bar chart), and the store query behind it.
import { api, peopleList, projectsList } from '../lib/api.js';
import { barChart, COLORS } from '../lib/charts.js';
import { commaLinks, fill, focusIfIdle, formatDate, h, link, meetingRoute, notice, personRoute, plural, projectRoute, table } from '../lib/dom.js';

let els = null;

export async function render(main, ctx) {
  const input = h('input', { id: 'question', name: 'q', type: 'text', autocomplete: 'off', placeholder: 'every Irmin discussion involving ThomasG' });
  const form = h(
    'form',
    {
      class: 'ask-form',
      on: {
        submit: (e) => {
          e.preventDefault();
          const q = input.value.trim();
          if (q) ctx.navigate(`/ask?${new URLSearchParams({ q })}`);
        },
      },
    },
    h('label', { for: 'question' }, 'Ask a question about the meetings'),
    h('div', { class: 'ask-row' }, input, h('button', { type: 'submit' }, 'Ask')),
  );
  const examples = h('p', { class: 'hints' });
  const answer = h('section', { class: 'answer', 'aria-live': 'polite' });
  els = { input, answer, examples };
  fill(main, h('h1', null, 'Ask'), form, examples, answer);
  exampleQuestions().then((list) => {
    fill(
      examples,
      'Try: ',
      list.map((q) => h('button', { type: 'button', class: 'hint', on: { click: () => ctx.navigate(`/ask?${new URLSearchParams({ q })}`) } }, q)),
    );
  });
  await update(ctx);
  if (!ctx.params.get('q')) focusIfIdle(input);
}

/** Example questions about the most discussed person and projects of these notes. */
async function exampleQuestions() {
  try {
    const [people, projects] = await Promise.all([peopleList(), projectsList()]);
    const top = (list) => [...list].sort((a, b) => b.discussions - a.discussions);
    const person = top(people)[0];
    const [p1, p2] = top(projects);
    const short = (p) => (p.aliases.find((a) => /^[A-Z][a-z]+[A-Z]?$/.test(a)) ?? p.name);
    const out = [];
    if (p1 && person) out.push(`every ${p1.name} discussion involving ${short(person)}`);
    if (p2) out.push(`when did we last talk about ${p2.name}?`);
    if (p1) out.push(`who discussed ${p1.name} the most?`);
    out.push('how many meetings per year?');
    if (person) out.push(`what did ${short(person)} take on?`);
    return out;
  } catch {
    return [];
  }
}

export async function update(ctx) {
  const q = ctx.params.get('q') ?? '';
  document.title = q ? `${q} – meetgraph` : 'Ask – meetgraph';
  if (els.input.value.trim() !== q) els.input.value = q;
  if (!q) {
    els.answer.replaceChildren();
    return;
  }
  els.answer.replaceChildren(notice('Thinking…'));
  let a;
  try {
    a = await api('/ask', { q });
  } catch (err) {
    if (!ctx.isCurrent()) return;
    if (err.status === 400 || err.status === 503) {
      els.answer.replaceChildren(notice(err.message, 'error'));
      return;
    }
    throw err;
  }
  if (!ctx.isCurrent()) return;
  fill(els.answer, answerView(a));
}

function answerView(a) {
  const people = (name) => (a.links.people[name] ? link(personRoute(a.links.people[name]), name) : name);
  const projects = (name) => (a.links.projects[name] ? link(projectRoute(a.links.projects[name]), name) : name);
  const meeting = (item, text = formatDate(item.meeting)) => (item.meetingId ? link(meetingRoute(item.meetingId), text) : text);
  const out = [h('p', { class: `interpretation${a.kind === 'none' ? ' interpretation-none' : ''}` }, a.interpretation)];
  if (!['none', 'count', 'date', 'series'].includes(a.kind)) {
    out.push(h('p', { class: 'result-summary' }, a.items.length ? plural(a.items.length, ...rowWords(a.kind)) : 'Nothing found.'));
  }
  switch (a.kind) {
    case 'discussions':
      out.push(
        h(
          'ol',
          { class: 'results answer-discussions' },
          a.items.map((d) =>
            h(
              'li',
              { class: 'hit' },
              h('h2', { class: 'hit-heading' }, d.meetingId ? link(meetingRoute(d.meetingId, d.discussionId), d.heading || '(untitled)') : d.heading || '(untitled)'),
              h('p', { class: 'hit-meta' }, meeting(d)),
              d.snippet ? h('p', { class: 'snippet' }, readable(d.snippet)) : null,
              h(
                'p',
                { class: 'hit-meta' },
                d.projects.length ? ['Projects: ', commaLinks(d.projects, projects)] : null,
                d.projects.length && d.people.length ? ' · ' : null,
                d.people.length ? ['People: ', commaLinks(d.people, people)] : null,
              ),
            ),
          ),
        ),
      );
      break;
    case 'meetings':
      out.push(h('ul', { class: 'plain-list' }, a.items.map((m) => h('li', null, meeting(m), ' · ', m.title))));
      break;
    case 'people':
    case 'projects':
    case 'topics': {
      const name = a.kind === 'people' ? people : a.kind === 'projects' ? projects : (n) => n;
      out.push(table([{ label: 'Name', cell: (r) => name(r.name) }, { label: 'Count', cell: (r) => String(r.count), class: 'num' }], a.items, 'Answer'));
      break;
    }
    case 'actions':
      out.push(
        table(
          [
            { label: 'Date', cell: (r) => meeting(r) },
            { label: 'Owner', cell: (r) => people(r.person) },
            { label: 'Task', cell: (r) => r.task },
            { label: 'Status', cell: (r) => h('span', { class: `status status-${r.status}` }, r.status) },
            { label: 'Projects', cell: (r) => commaLinks(r.projects, projects) },
          ],
          a.items,
          'Action items',
        ),
      );
      break;
    case 'count':
      out.push(h('p', { class: 'big-figure' }, String(a.items[0]?.value ?? 0)));
      break;
    case 'date':
      out.push(a.items.length ? h('p', { class: 'big-figure' }, meeting(a.items[0])) : notice('Nothing found.'));
      break;
    case 'series':
      out.push(
        barChart({
          labels: a.items.map((i) => i.period),
          datasets: [{ label: 'Count', data: a.items.map((i) => i.value), color: COLORS.accent }],
          title: a.interpretation,
        }),
      );
      break;
    default:
      if (a.suggestions?.length) {
        out.push(h('ul', { class: 'plain-list' }, a.suggestions.map((s) => h('li', null, `"${s.text}": `, s.nearest.join(', ') || 'no close name'))));
      }
  }
  if (a.query) {
    out.push(
      h(
        'details',
        { class: 'query-behind' },
        h('summary', null, 'The query behind this answer'),
        h('dl', null, h('dt', null, 'Named query'), h('dd', null, h('code', null, a.query.name)), h('dt', null, 'Parameters'), h('dd', null, h('pre', null, JSON.stringify(a.query.params, null, 2)))),
        h('p', null, 'Cypher:'),
        h('pre', { class: 'cypher' }, a.query.cypher),
      ),
    );
  }
  return out;
}

/** A store snippet (the discussion's first characters, as Markdown) without its link targets and markers. */
function readable(markdown) {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)?/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]?/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\s*[-*+]\s+/, '');
}

function rowWords(kind) {
  if (kind === 'people') return ['person', 'people'];
  return [{ discussions: 'discussion', meetings: 'meeting', projects: 'project', topics: 'topic', actions: 'action item', series: 'period' }[kind] ?? 'row'];
}
