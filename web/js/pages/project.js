// A project's page: when it was discussed, discussions per month, who discussed it and which
// projects came up with it (with counts), its action items and discussions.
import { api } from '../lib/api.js';
import { barChart, COLORS } from '../lib/charts.js';
import { fill, formatDate, h, link, operator, personRoute, projectRoute, searchRoute } from '../lib/dom.js';
import { actionsTable, allActionsLink, allDiscussionsLink, discussionList, namedCounts, section } from './shared.js';

export async function render(main, ctx) {
  const p = await api(`/projects/${encodeURIComponent(ctx.args[0])}`);
  if (!ctx.isCurrent()) return;
  document.title = `${p.name} – meetgraph`;
  fill(main, 
    h(
      'header',
      { class: 'page-header' },
      h('p', { class: 'kind kind-project' }, p.origin === 'registry' ? 'Project' : 'Project (found in the notes)'),
      h('h1', null, p.name),
      p.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', p.aliases.map((a) => a.replace(/`/g, '')).join(', ')) : null,
      h(
        'dl',
        { class: 'facts' },
        h('div', null, h('dt', null, 'First discussed'), h('dd', null, p.firstDiscussed ? formatDate(p.firstDiscussed) : '—')),
        h('div', null, h('dt', null, 'Last discussed'), h('dd', null, p.lastDiscussed ? formatDate(p.lastDiscussed) : '—')),
        h('div', null, h('dt', null, 'Discussions'), h('dd', null, String(p.discussionCount))),
        h('div', null, h('dt', null, 'People'), h('dd', null, String(p.people.length))),
        h('div', null, h('dt', null, 'Action items'), h('dd', null, String(p.actionCount))),
      ),
      h(
        'p',
        { class: 'page-links' },
        link(searchRoute(operator('project', p.name), { sort: 'date' }), 'Search its discussions'),
        link(`/graph?${new URLSearchParams({ center: p.id })}`, 'Graph around it'),
        link(`/ask?${new URLSearchParams({ q: `who discussed ${p.name} the most?` })}`, 'Ask about it'),
      ),
    ),
    p.perMonth.length
      ? section(
          'Activity',
          barChart({
            labels: p.perMonth.map((m) => m.period),
            datasets: [{ label: 'Discussions', data: p.perMonth.map((m) => m.value), color: COLORS.project }],
            title: `${p.name}: discussions per month`,
          }),
        )
      : null,
    h(
      'div',
      { class: 'two-columns' },
      section('People', namedCounts(p.people, personRoute, 'discussions'), 'Nobody discussed it.'),
      section('Related projects', namedCounts(p.related, projectRoute, 'discussions together'), 'No other project came up with it.'),
    ),
    section('Action items', p.actions.length ? actionsTable(p.actions) : null, 'No action items.', allActionsLink(p.actions.length, p.actionCount, `action items about ${p.name}`)),
    section('Discussions', p.discussions.length ? discussionList(p.discussions) : null, 'No discussions.', allDiscussionsLink(p.discussions.length, p.discussionCount, operator('project', p.name))),
  );
}
