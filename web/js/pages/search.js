// Search: the query box with operator hints and completion, results with highlighted snippets,
// facets that add operators to the query, sort and pages. Everything lives in the address
// (`#/search?q=…&sort=date&page=2`), so a search can be shared and back/forward replay it.
import { api } from '../lib/api.js';
import { attachAutocomplete } from '../lib/autocomplete.js';
import { fill, focusIfIdle, formatDate, h, link, meetingRoute, notice, operator, plural, snippetNodes } from '../lib/dom.js';

const PAGE_SIZE = 20;
const FACET_SHOWN = 8;

const HINTS = [
  ['person:', 'person:', 'discussions a person took part in'],
  ['project:', 'project:', 'discussions about a project'],
  ['topic:', 'topic:', 'discussions on a topic'],
  ['after:', 'after:2015-01', 'on or after a date, month or year'],
  ['before:', 'before:2016', 'on or before'],
  ['in:', 'in:2014', 'within a year or month'],
  ['meeting:', 'meeting:', 'one meeting (date or id)'],
  ['"…"', '""', 'an exact phrase'],
  ['-word', '-', 'leave out discussions with a word'],
];

let els = null;

function readParams(params) {
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  return { q: params.get('q') ?? '', sort: params.get('sort') === 'date' ? 'date' : 'relevance', page };
}

function routeFor({ q, sort, page }) {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (sort !== 'relevance') p.set('sort', sort);
  if (page > 1) p.set('page', String(page));
  const qs = p.toString();
  return `/search${qs ? `?${qs}` : ''}`;
}

export async function render(main, ctx) {
  const input = h('input', {
    id: 'q',
    name: 'q',
    type: 'search',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'irmin "merge queue" person:ThomasG after:2015',
    'aria-describedby': 'search-hints',
  });
  const sort = h(
    'select',
    { id: 'sort', name: 'sort' },
    h('option', { value: 'relevance' }, 'Relevance'),
    h('option', { value: 'date' }, 'Newest first'),
  );
  const error = h('div', { class: 'form-error', role: 'alert' });
  const form = h(
    'form',
    { class: 'search-form', role: 'search', on: { submit: (e) => { e.preventDefault(); submit(ctx, 1); } } },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the discussions'),
    h('div', { class: 'combo' }, input),
    h('label', { for: 'sort', class: 'visually-hidden' }, 'Sort'),
    sort,
    h('button', { type: 'submit' }, 'Search'),
  );
  const list = attachAutocomplete(input);
  form.querySelector('.combo').append(list);
  sort.addEventListener('change', () => submit(ctx, 1));

  const hints = h(
    'p',
    { id: 'search-hints', class: 'hints' },
    'Operators: ',
    HINTS.map(([label, insert, title]) =>
      h('button', { type: 'button', class: 'hint', title, on: { click: () => insertOperator(input, insert) } }, label),
    ),
  );
  const summary = h('p', { class: 'result-summary', 'aria-live': 'polite' });
  const results = h('ol', { class: 'results' });
  const pager = h('nav', { class: 'pager', 'aria-label': 'Result pages' });
  const facets = h('div', { class: 'facet-groups' });
  // On a phone the filters start folded so the results come first; on a wider screen they are a sidebar.
  const facetBox = h('details', { class: 'facets-box', open: window.matchMedia('(min-width: 761px)').matches }, h('summary', null, 'Filters'), facets);
  els = { input, sort, error, summary, results, pager, facets };

  fill(main, 
    h('h1', { class: 'visually-hidden' }, 'Search'),
    form,
    hints,
    error,
    h('div', { class: 'search-layout' }, h('section', { class: 'search-results', 'aria-label': 'Results' }, summary, results, pager), h('aside', { class: 'facets', 'aria-label': 'Filters' }, facetBox)),
  );
  await update(ctx);
  if (!readParams(ctx.params).q) focusIfIdle(input);
}

function insertOperator(input, text) {
  const value = input.value;
  const sep = value && !/\s$/.test(value) ? ' ' : '';
  input.value = `${value}${sep}${text}`;
  // Put the cursor inside the quotes of `""`, else at the end.
  const cursor = text === '""' ? input.value.length - 1 : input.value.length;
  input.focus();
  input.setSelectionRange(cursor, cursor);
  input.dispatchEvent(new Event('input'));
}

function submit(ctx, page) {
  const q = els.input.value.trim();
  ctx.navigate(routeFor({ q, sort: els.sort.value, page }));
}

/** Adds an operator to the query (a facet click), unless it is already there. */
function narrow(ctx, token) {
  const { q, sort } = readParams(ctx.params);
  if (q.split(/\s+/).includes(token)) return;
  ctx.navigate(routeFor({ q: `${q} ${token}`.trim(), sort, page: 1 }));
}

export async function update(ctx) {
  const { q, sort, page } = readParams(ctx.params);
  document.title = q ? `${q} – meetgraph search` : 'Search – meetgraph';
  if (els.input.value.trim() !== q) els.input.value = q;
  els.sort.value = sort;
  els.error.replaceChildren();
  els.summary.textContent = 'Searching…';
  let r;
  try {
    r = await api('/search', { q, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  } catch (err) {
    if (!ctx.isCurrent()) return;
    if (err.status === 400) {
      els.error.replaceChildren(notice(err.message, 'error'));
      els.summary.textContent = '';
      els.results.replaceChildren();
      els.pager.replaceChildren();
      els.facets.replaceChildren();
      return;
    }
    throw err;
  }
  if (!ctx.isCurrent()) return;
  const first = r.total ? r.offset + 1 : 0;
  const last = r.offset + r.hits.length;
  els.summary.textContent = r.total
    ? `${plural(r.total, 'discussion')}${r.total > r.hits.length ? `, ${first}–${last} shown` : ''}${q ? '' : ' (newest first; type to search)'}`
    : q
      ? 'No discussion matches.'
      : 'Nothing has been ingested yet.';
  els.results.replaceChildren(...r.hits.map(hitView));
  els.results.setAttribute('start', String(first || 1));
  els.pager.replaceChildren(...pagerView(ctx, { q, sort, page }, r.total));
  els.facets.replaceChildren(...facetsView(ctx, r.facets));
}

function hitView(hit) {
  return h(
    'li',
    { class: 'hit' },
    h('h2', { class: 'hit-heading' }, link(meetingRoute(hit.meetingId, hit.discussionId), hit.heading.replace(/^#+\s*|\s*#+$/g, '') || '(untitled)')),
    h('p', { class: 'hit-meta' }, link(meetingRoute(hit.meetingId), formatDate(hit.meeting)), ' · ', hit.title),
    h('p', { class: 'snippet' }, snippetNodes(hit.snippet)),
    hit.people.length || hit.projects.length
      ? h(
          'p',
          { class: 'chips' },
          hit.projects.map((name) => h('a', { class: 'chip chip-project', href: `#/search?${new URLSearchParams({ q: operator('project', name) })}` }, name)),
          hit.people.map((name) => h('a', { class: 'chip chip-person', href: `#/search?${new URLSearchParams({ q: operator('person', name) })}` }, name)),
        )
      : null,
  );
}

function pagerView(ctx, { q, sort, page }, total) {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return [];
  const to = (p, label, props = {}) => link(routeFor({ q, sort, page: p }), label, props);
  const out = [];
  if (page > 1) out.push(to(page - 1, '← Previous', { rel: 'prev' }));
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pages));
  let previous = 0;
  for (const p of [...shown].sort((a, b) => a - b)) {
    if (p - previous > 1) out.push(h('span', { class: 'pager-gap' }, '…'));
    out.push(p === page ? h('span', { class: 'pager-current', 'aria-current': 'page' }, String(p)) : to(p, String(p), { 'aria-label': `Page ${p}` }));
    previous = p;
  }
  if (page < pages) out.push(to(page + 1, 'Next →', { rel: 'next' }));
  return out;
}

function facetsView(ctx, facets) {
  const group = (title, kind, counts, token) => {
    if (!counts.length) return null;
    const items = counts.map((c) =>
      h(
        'li',
        null,
        h(
          'button',
          { type: 'button', class: ['facet', `facet-${kind}`], on: { click: () => narrow(ctx, token(c.value)) } },
          h('span', { class: 'facet-name' }, c.value),
          h('span', { class: 'facet-count' }, String(c.count)),
        ),
      ),
    );
    const shown = h('ul', { class: 'facet-list' }, items.slice(0, FACET_SHOWN));
    const more =
      items.length > FACET_SHOWN
        ? h('details', { class: 'facet-more' }, h('summary', null, `${items.length - FACET_SHOWN} more`), h('ul', { class: 'facet-list' }, items.slice(FACET_SHOWN)))
        : null;
    return h('section', { class: 'facet-group' }, h('h2', null, title), shown, more);
  };
  return [
    group('People', 'person', facets.people, (v) => operator('person', v)),
    group('Projects', 'project', facets.projects, (v) => operator('project', v)),
    group('Years', 'year', facets.years, (v) => `in:${v}`),
  ].filter(Boolean);
}

