// A person's page: when they were around, activity per month, the projects they discussed and
// the people they met (with counts), their action items, meetings and discussions.
import { api } from '../lib/api.js';
import { barChart, COLORS } from '../lib/charts.js';
import { fill, formatDate, h, link, meetingRoute, operator, personRoute, plural, projectRoute, searchRoute } from '../lib/dom.js';
import { actionsTable, allActionsLink, allDiscussionsLink, discussionList, namedCounts, section } from './shared.js';

export async function render(main, ctx) {
  const p = await api(`/people/${encodeURIComponent(ctx.args[0])}`);
  if (!ctx.isCurrent()) return;
  document.title = `${p.name} – meetgraph`;
  fill(main, 
    h(
      'header',
      { class: 'page-header' },
      h('p', { class: 'kind kind-person' }, 'Person'),
      h('h1', null, p.name),
      p.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', p.aliases.join(', ')) : null,
      h(
        'dl',
        { class: 'facts' },
        h('div', null, h('dt', null, 'First seen'), h('dd', null, p.firstSeen ? formatDate(p.firstSeen) : '—')),
        h('div', null, h('dt', null, 'Last seen'), h('dd', null, p.lastSeen ? formatDate(p.lastSeen) : '—')),
        h('div', null, h('dt', null, 'Meetings'), h('dd', null, String(p.meetings.length))),
        h('div', null, h('dt', null, 'Discussions'), h('dd', null, String(p.discussionCount))),
        h('div', null, h('dt', null, 'Action items'), h('dd', null, String(p.actionCount))),
      ),
      h(
        'p',
        { class: 'page-links' },
        link(searchRoute(operator('person', p.name), { sort: 'date' }), 'Search their discussions'),
        link(`/graph?${new URLSearchParams({ center: p.id })}`, 'Graph around them'),
        link(`/ask?${new URLSearchParams({ q: `what did ${p.name} take on?` })}`, 'Ask about them'),
      ),
    ),
    p.activity.length
      ? section(
          'Activity',
          barChart({
            labels: p.activity.map((a) => a.period),
            datasets: [
              { label: 'Meetings attended', data: p.activity.map((a) => a.meetings), color: COLORS.muted },
              { label: 'Discussions', data: p.activity.map((a) => a.discussions), color: COLORS.person },
            ],
            title: `${p.name}: meetings and discussions per month`,
          }),
        )
      : null,
    h(
      'div',
      { class: 'two-columns' },
      section('Projects', namedCounts(p.projects, projectRoute, 'discussions'), 'No project discussions.'),
      section('People met', namedCounts(p.coAttendees, personRoute, 'meetings together'), 'Met nobody in the notes.'),
    ),
    section(
      'Action items',
      p.actions.length ? actionsTable(p.actions, { owner: false }) : null,
      'No action items.',
      allActionsLink(p.actions.length, p.actionCount, `what did ${p.name} take on?`),
    ),
    section('Discussions', p.discussions.length ? discussionList(p.discussions) : null, 'No discussions.', allDiscussionsLink(p.discussions.length, p.discussionCount, operator('person', p.name))),
    section(
      'Meetings attended',
      p.meetings.length
        ? h('details', null, h('summary', null, plural(p.meetings.length, 'meeting')), h('ul', { class: 'columns' }, p.meetings.map((m) => h('li', null, link(meetingRoute(m.meetingId), formatDate(m.meeting)), ' ', h('span', { class: 'muted' }, m.title)))))
        : null,
      'No meetings attended.',
    ),
  );
}


