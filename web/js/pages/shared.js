// Pieces the person, project and meeting pages share.
import { formatDate, h, link, meetingRoute, notice, personRoute, searchRoute, table } from '../lib/dom.js';

/** A titled section; `empty` is shown when there is no content. */
export function section(title, content, empty, ...extra) {
  const id = `s-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return h('section', { class: 'section', 'aria-labelledby': id }, h('h2', { id }, title), content ?? notice(empty ?? 'Nothing here.'), extra);
}

/** Names with counts, as links, biggest first; past `shown`, the rest folds into "N more". */
export function namedCounts(items, route, unit, shown = 12) {
  if (!items.length) return null;
  const max = Math.max(...items.map((i) => i.count));
  const row = (i) =>
    h(
      'li',
      null,
      link(route(i.id), i.name),
      h('span', { class: 'count', title: `${i.count} ${unit}` }, String(i.count)),
      bar(i.count / max),
    );
  return folded(items, shown, (list) => h('ul', { class: 'counts' }, list.map(row)));
}

/** The first `shown` items, and the others behind a "N more" toggle. */
export function folded(items, shown, view) {
  if (items.length <= shown + 2) return view(items);
  return h(
    'div',
    null,
    view(items.slice(0, shown)),
    h('details', { class: 'more' }, h('summary', null, `${items.length - shown} more`), view(items.slice(shown))),
  );
}

/** A proportion as a thin bar (its width set through the CSS object model, which the CSP allows). */
function bar(fraction) {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.max(2, Math.round(fraction * 100))}%`;
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

/** Action items, newest first; past `shown`, the older ones fold away. */
export function actionsTable(actions, { owner = true, shown = 15 } = {}) {
  const columns = [
    { label: 'Date', cell: (a) => link(meetingRoute(a.meetingId, a.discussionId), formatDate(a.meeting)) },
    owner ? { label: 'Owner', cell: (a) => link(personRoute(a.personId), a.person) } : null,
    { label: 'Task', cell: (a) => a.task },
    { label: 'Status', cell: (a) => h('span', { class: `status status-${a.status}` }, a.status) },
    { label: 'Projects', cell: (a) => a.projects.join(', ') },
  ].filter(Boolean);
  return folded([...actions].reverse(), shown, (rows) => table(columns, rows, 'Action items'));
}

/** Under a detail's newest action items, when there are more: a link to the question that lists them all. */
export function allActionsLink(shown, total, question) {
  if (total <= shown) return null;
  return link(`/ask?${new URLSearchParams({ q: question })}`, `All ${total} action items`);
}

/** A link to search every one of `total` discussions, when the page shows fewer (`shown`). */
export function allDiscussionsLink(shown, total, query) {
  if (total <= shown) return null;
  return link(searchRoute(query, { sort: 'date' }), `All ${total} discussions`);
}

/** Discussion rows (date, heading, projects), newest first; past `shown`, the older ones fold away. */
export function discussionList(rows, shown = 20) {
  return folded(rows, shown, (list) => discussionItems(list));
}

function discussionItems(rows) {
  return h(
    'ul',
    { class: 'discussion-list' },
    rows.map((d) =>
      h(
        'li',
        null,
        h('span', { class: 'date' }, link(meetingRoute(d.meetingId), formatDate(d.meeting))),
        ' ',
        link(meetingRoute(d.meetingId, d.discussionId), d.heading || '(untitled)'),
        d.projects.length ? h('span', { class: 'muted' }, ` · ${d.projects.join(', ')}`) : null,
      ),
    ),
  );
}


