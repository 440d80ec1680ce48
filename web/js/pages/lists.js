// The meetings, people and projects lists, with a filter box.
import { api, peopleList, projectsList } from '../lib/api.js';
import { fill, formatDate, h, link, meetingRoute, personRoute, plural, projectRoute, table } from '../lib/dom.js';
import { newestFirst } from '../lib/latest.js';

/** Meetings listed at most (the API's largest page); older ones are found through search. */
const MEETINGS_SHOWN = 1000;

const PAGES = {
  meetings: {
    title: 'Meetings',
    load: () => newestFirst(api, '/meetings', MEETINGS_SHOWN),
    text: (m) => `${m.meeting} ${m.title}`,
    columns: [
      { label: 'Date', cell: (m) => link(meetingRoute(m.meetingId), formatDate(m.meeting)) },
      { label: 'Title', cell: (m) => m.title },
      { label: 'Discussions', cell: (m) => String(m.discussions), class: 'num' },
      { label: 'Attendees', cell: (m) => String(m.attendees), class: 'num' },
    ],
    unit: ['meeting'],
  },
  people: {
    title: 'People',
    load: () => peopleList().then(all),
    text: (p) => [p.name, ...p.aliases].join(' '),
    columns: [
      { label: 'Name', cell: (p) => link(personRoute(p.id), p.name) },
      { label: 'Also', cell: (p) => p.aliases.join(', '), class: 'muted' },
      { label: 'Meetings', cell: (p) => String(p.meetings), class: 'num' },
      { label: 'Discussions', cell: (p) => String(p.discussions), class: 'num' },
      { label: 'Last seen', cell: (p) => formatDate(p.lastSeen) },
    ],
    unit: ['person', 'people'],
  },
  projects: {
    title: 'Projects',
    load: () => projectsList().then(all),
    text: (p) => [p.name, ...p.aliases].join(' '),
    columns: [
      { label: 'Name', cell: (p) => link(projectRoute(p.id), p.name) },
      { label: 'Also', cell: (p) => p.aliases.map((a) => a.replace(/`/g, '')).join(', '), class: 'muted' },
      { label: 'Discussions', cell: (p) => String(p.discussions), class: 'num' },
      { label: 'Last discussed', cell: (p) => formatDate(p.lastDiscussed) },
    ],
    unit: ['project'],
  },
};

function all(items) {
  return { items, total: items.length };
}

export async function render(main, ctx) {
  const page = PAGES[ctx.args[0]];
  const { items, total } = await page.load();
  if (!ctx.isCurrent()) return;
  document.title = `${page.title} – meetgraph`;
  const filter = h('input', { id: 'filter', type: 'search', autocomplete: 'off', placeholder: 'Filter' });
  const count = h('p', { class: 'result-summary', 'aria-live': 'polite' });
  const holder = h('div');
  const fold = (t) => t.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const show = () => {
    const needle = fold(filter.value.trim());
    const shown = needle ? items.filter((i) => fold(page.text(i)).includes(needle)) : items;
    const counted = plural(shown.length, ...page.unit);
    // Only the newest are listed when there are more: say so, rather than let the count mislead.
    count.textContent = items.length < total ? `${counted} among the newest ${items.length.toLocaleString('en')} of ${total.toLocaleString('en')}` : counted;
    holder.replaceChildren(table(page.columns, shown, page.title));
  };
  filter.addEventListener('input', show);
  fill(main, h('h1', null, page.title), h('p', { class: 'filter-row' }, h('label', { for: 'filter' }, 'Filter '), filter), count, holder);
  show();
}
