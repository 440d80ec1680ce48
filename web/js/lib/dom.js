// Building the DOM without markup strings: every text goes in as a text node, so nothing the
// notes or the API contain can become HTML. Attributes are set one by one; event handlers are
// functions (inline handlers are refused by the Content Security Policy anyway).

/**
 * Creates an element. `props`: `class`, `on` ({event: handler}), `dataset`, any attribute (a
 * `true` value sets it empty; null, undefined and false leave it out). Children: nodes, strings,
 * numbers, arrays of those, or null/false (skipped).
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    else if (key === 'on') for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'href') el.setAttribute('href', safeHref(value));
    else if (key.startsWith('on') || key === 'style' || key === 'srcdoc') throw new Error(`refusing to set ${key}`);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** Replaces an element's children (same child rules as `h`). */
export function fill(parent, ...children) {
  parent.replaceChildren();
  return append(parent, children);
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** In-app links (`#/…`), web and mail links; anything else (javascript:, data:) becomes inert. */
export function safeHref(href) {
  const text = String(href);
  if (text.startsWith('#') || text.startsWith('/')) return text.startsWith('//') ? '#' : text;
  return /^(https?:\/\/|mailto:)/i.test(text) ? text : '#';
}

/** A link to a page of the app. */
export function link(route, text, props = {}) {
  return h('a', { ...props, href: `#${route}` }, text);
}

export const personRoute = (id) => `/person/${encodeURIComponent(id)}`;
export const projectRoute = (id) => `/project/${encodeURIComponent(id)}`;
export const meetingRoute = (id, discussionId) =>
  `/meeting/${encodeURIComponent(id)}${discussionId ? `?d=${encodeURIComponent(discussionId)}` : ''}`;
export const searchRoute = (q, extra = {}) => `/search?${new URLSearchParams({ q, ...extra })}`;

/** A query operator with its value, quoted when it has spaces. */
export function operator(name, value) {
  return /[\s"]/.test(value) ? `${name}:"${value.replace(/"/g, '')}"` : `${name}:${value}`;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A search snippet (escaped text with `<mark>` around matches) as DOM nodes. The snippet is read
 * as text with marks, not parsed as HTML: any other tag would show as text.
 */
export function snippetNodes(html) {
  const out = [];
  let marked = false;
  for (const part of String(html).split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) {
      const text = part.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
      out.push(marked ? h('mark', null, text) : document.createTextNode(text));
    }
  }
  return out;
}

/** A list of links separated by commas. */
export function commaLinks(items, toLink) {
  const out = [];
  items.forEach((item, i) => {
    if (i) out.push(', ');
    out.push(toLink(item));
  });
  return out;
}

/** `2014-06-10` as `10 Jun 2014`. */
export function formatDate(date) {
  if (!date) return '—';
  const [y, m, d] = date.split('-').map(Number);
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  if (!d) return `${month} ${y}`;
  return `${d} ${month} ${y}`;
}

export function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

/** A table: `columns` = [{label, cell(row) → node|string, class?}]. */
export function table(columns, rows, caption) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      null,
      caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
      h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.class }, c.label)))),
      h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) => h('td', { class: c.class }, c.cell(row)))))),
    ),
  );
}

/** A message shown in place of content (loading, empty, error). */
export function notice(text, kind = 'info') {
  return h('p', { class: `notice notice-${kind}`, role: kind === 'error' ? 'alert' : null }, text);
}

/**
 * Focuses `el` unless the user has already put focus somewhere: a page that finishes loading
 * after someone started tabbing must not pull them back to its input.
 */
export function focusIfIdle(el) {
  const active = document.activeElement;
  if (!active || active === document.body || active.tagName === 'H1') el.focus();
}
