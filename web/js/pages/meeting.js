// A meeting's page: the note's discussions as text (built from plain-text blocks; nothing in a
// note can become markup), attendees, people and projects highlighted and linked in the text,
// and for every extracted fact the sentence it came from (hover a name, or press its ¶ button).
import { api } from '../lib/api.js';
import { fill, formatDate, h, link, meetingRoute, operator, personRoute, projectRoute, safeHref, searchRoute } from '../lib/dom.js';
import { section } from './shared.js';

export async function render(main, ctx) {
  const m = await api(`/meetings/${encodeURIComponent(ctx.args[0])}`);
  if (!ctx.isCurrent()) return;
  document.title = `${m.title || m.date} – meetgraph`;
  const toc = m.discussions.length > 1
    ? h('nav', { class: 'toc', 'aria-label': 'Discussions of this meeting' }, h('ol', null, m.discussions.map((d) => h('li', null, h('a', { href: `#/meeting/${encodeURIComponent(m.id)}?d=${encodeURIComponent(d.id)}` }, cleanHeading(d.heading) || '(untitled)')))))
    : null;
  fill(main, 
    h(
      'header',
      { class: 'page-header' },
      h('p', { class: 'kind kind-meeting' }, 'Meeting · ', formatDate(m.date)),
      h('h1', null, m.title || m.date),
      m.description ? h('p', { class: 'lead' }, m.description) : null,
      h('p', { class: 'muted' }, 'Note: ', h('code', null, m.source)),
      h(
        'nav',
        { class: 'prev-next', 'aria-label': 'Other meetings' },
        m.previous ? link(meetingRoute(m.previous.id), `← ${formatDate(m.previous.date)}`, { rel: 'prev' }) : h('span'),
        m.next ? link(meetingRoute(m.next.id), `${formatDate(m.next.date)} →`, { rel: 'next' }) : h('span'),
      ),
    ),
    section(
      'Attendees',
      m.attendees.length
        ? h('ul', { class: 'chips chips-list' }, m.attendees.map((a) => h('li', null, h('a', { class: 'chip chip-person', href: `#${personRoute(a.personId)}`, title: evidenceText(a.evidence) }, a.name, a.role !== 'attendee' ? ` (${a.role})` : ''))))
        : null,
      'No attendee list in this note.',
    ),
    toc,
    ...m.discussions.map((d) => discussionView(m, d)),
  );
  const wanted = ctx.params.get('d');
  const target = wanted && main.querySelector(`[data-discussion="${CSS.escape(wanted)}"]`);
  if (target) {
    target.classList.add('targeted');
    target.scrollIntoView({ block: 'start' });
    const heading = target.querySelector('h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus({ preventScroll: true });
  }
}

function cleanHeading(heading) {
  return heading.replace(/^#+\s*|\s*#+$/g, '').trim();
}

function evidenceText(e) {
  return `Line ${e.line}: ${e.sentence}`;
}

function discussionView(m, d) {
  const mentions = mentionMatcher(d);
  const boxId = `evidence-${d.id.replace(/[^\w-]/g, '_')}`;
  const evidence = h('div', { class: 'evidence-box', id: boxId, hidden: true, role: 'status' });
  const showEvidence = (label, e, button) => {
    const open = !evidence.hidden && evidence.dataset.for === button.id;
    for (const b of button.closest('.discussion').querySelectorAll('.ev[aria-expanded="true"]')) b.setAttribute('aria-expanded', 'false');
    if (open) {
      evidence.hidden = true;
      return;
    }
    evidence.dataset.for = button.id;
    button.setAttribute('aria-expanded', 'true');
    evidence.replaceChildren(h('p', null, h('strong', null, label), ' — ', h('code', null, `${e.file}:${e.line}`)), h('blockquote', null, e.sentence));
    evidence.hidden = false;
  };
  let n = 0;
  const fact = (kind, label, href, e) => {
    const id = `ev-${d.id.replace(/[^\w-]/g, '_')}-${n++}`;
    const button = h('button', { type: 'button', class: 'ev', id, 'aria-expanded': 'false', 'aria-controls': boxId, 'aria-label': `Where "${label}" comes from`, title: 'Where this comes from' }, '¶');
    button.addEventListener('click', () => showEvidence(label, e, button));
    return h('li', { class: `chip chip-${kind}` }, href ? h('a', { href, title: evidenceText(e) }, label) : h('span', { title: evidenceText(e) }, label), button);
  };
  const facts = [
    ['People', d.people.map((p) => fact('person', p.name, `#${personRoute(p.id)}`, p.evidence))],
    ['Projects', d.projects.map((p) => fact('project', p.name, `#${projectRoute(p.id)}`, p.evidence))],
    ['Topics', d.topics.map((t) => fact('topic', t.name, `#${searchRoute(operator('topic', t.name))}`, t.evidence))],
    ['References', d.references.map((r) => fact('reference', r.url, r.href ? safeHref(r.href) : null, r.evidence))],
  ].filter(([, items]) => items.length);
  const actions = d.actions.length
    ? h(
        'ul',
        { class: 'actions-list' },
        d.actions.map((a) => {
          const item = fact('action', a.task, null, a.evidence);
          item.className = 'action';
          item.prepend(h('span', { class: `status status-${a.status}` }, a.status), ' ', link(personRoute(a.ownerId), a.owner), ': ');
          return item;
        }),
      )
    : null;
  return h(
    'article',
    { class: 'discussion', id: `d-${d.order}`, dataset: { discussion: d.id } },
    h('h2', null, cleanHeading(d.heading) || '(untitled)', h('span', { class: 'line-ref' }, ` line ${d.line}`)),
    h('div', { class: 'note-text' }, d.blocks.map((b) => blockView(b, mentions))),
    facts.length || actions
      ? h(
          'div',
          { class: 'facts-panel' },
          facts.map(([title, items]) => h('div', { class: 'fact-group' }, h('h3', null, title), h('ul', { class: 'chips chips-list' }, items))),
          actions ? h('div', { class: 'fact-group' }, h('h3', null, 'Action items'), actions) : null,
          evidence,
        )
      : null,
  );
}

/**
 * Names of the discussion's people and projects as they are written (canonical names and
 * aliases), longest first, matched as whole words.
 */
function mentionMatcher(d) {
  const forms = new Map();
  const add = (form, entity) => {
    const text = form.replace(/`/g, '').trim();
    if (text.length < 2 || forms.has(text)) return;
    forms.set(text, entity);
  };
  for (const p of d.people) for (const f of [p.name, ...p.aliases]) add(f, { kind: 'person', ...p });
  for (const p of d.projects) for (const f of [p.name, ...p.aliases]) add(f, { kind: 'project', ...p });
  if (!forms.size) return null;
  const escaped = [...forms.keys()].sort((a, b) => b.length - a.length).map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { pattern: new RegExp(`(?<![\\p{L}\\p{N}_@])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`, 'gu'), forms };
}

/** Text with the mentions it contains turned into links (text nodes only, never markup). */
function highlight(text, mentions) {
  if (!mentions) return [text];
  const out = [];
  let last = 0;
  for (const m of text.matchAll(mentions.pattern)) {
    const entity = mentions.forms.get(m[0]);
    if (!entity) continue;
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(
      h('a', { class: `mention mention-${entity.kind}`, href: `#${entity.kind === 'person' ? personRoute(entity.id) : projectRoute(entity.id)}`, title: `${entity.name} — line ${entity.evidence.line}: ${entity.evidence.sentence}` }, m[0]),
    );
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function inlineView(node, mentions) {
  switch (node.type) {
    case 'text':
      return highlight(node.text, mentions);
    case 'code':
      return h('code', null, node.text);
    case 'strong':
      return h('strong', null, node.children.map((c) => inlineView(c, mentions)));
    case 'em':
      return h('em', null, node.children.map((c) => inlineView(c, mentions)));
    case 'del':
      return h('del', null, node.children.map((c) => inlineView(c, mentions)));
    case 'link':
      return h('a', { href: safeHref(node.href), rel: 'noopener noreferrer nofollow', target: '_blank' }, node.children.map((c) => inlineView(c, null)));
    case 'br':
      return h('br');
    default:
      return '';
  }
}

function blockView(block, mentions) {
  const inline = (children) => children.map((c) => inlineView(c, mentions));
  switch (block.type) {
    case 'paragraph':
      return h('p', null, inline(block.children));
    case 'heading':
      return h('p', { class: 'note-heading' }, h('strong', null, inline(block.children)));
    case 'list':
      return h(block.ordered ? 'ol' : 'ul', null, block.items.map((item) => h('li', null, item.map((b) => blockView(b, mentions)))));
    case 'code':
      return h('pre', null, h('code', null, block.text));
    case 'quote':
      return h('blockquote', null, block.blocks.map((b) => blockView(b, mentions)));
    case 'table':
      return h('div', { class: 'table-wrap' }, h('table', null, h('tbody', null, block.rows.map((row) => h('tr', null, row.map((cell) => h('td', null, inline(cell))))))));
    case 'rule':
      return h('hr');
    default:
      return '';
  }
}
