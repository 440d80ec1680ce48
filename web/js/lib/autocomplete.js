// Completion of people and projects in the search box (names and aliases), as an ARIA combobox:
// arrows move, Enter or a click takes the suggestion, Escape closes. A suggestion replaces the word
// being typed with `person:…` / `project:…`.
import { h, operator } from './dom.js';
import { peopleList, projectsList } from './api.js';

const MAX = 8;

/** Folded for matching: lower case, no accents. */
function fold(text) {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** The word at the cursor: its bounds, an operator if it has one, and the text after it. */
function wordAt(value, cursor) {
  let start = cursor;
  while (start > 0 && !/\s/.test(value[start - 1])) start--;
  let end = cursor;
  while (end < value.length && !/\s/.test(value[end])) end++;
  const word = value.slice(start, end);
  const m = /^(-?)(person|project):"?(.*?)"?$/i.exec(word);
  if (m) return { start, end, kind: m[2].toLowerCase(), text: m[3], negated: m[1] === '-' };
  if (/^[-"]|:/.test(word)) return null;
  return { start, end, kind: null, text: word, negated: false };
}

export function attachAutocomplete(input) {
  const listId = `${input.id}-suggestions`;
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', hidden: true, 'aria-label': 'Suggestions' });
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listId);
  let options = [];
  let active = -1;
  let entries = null;

  Promise.all([peopleList(), projectsList()])
    .then(([people, projects]) => {
      entries = [
        ...people.map((p) => ({ kind: 'person', name: p.name, aliases: p.aliases, weight: p.discussions })),
        ...projects.map((p) => ({ kind: 'project', name: p.name, aliases: p.aliases, weight: p.discussions })),
      ].map((e) => ({ ...e, forms: [e.name, ...e.aliases].map((f) => fold(f.replace(/`/g, ''))) }));
    })
    .catch(() => {
      entries = [];
    });

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
    options = [];
  }

  function show() {
    const word = wordAt(input.value, input.selectionStart ?? input.value.length);
    // A bare word needs two letters before people and projects are suggested for it.
    if (!entries || !word || (word.kind === null && word.text.length < 2)) return close();
    const needle = fold(word.text);
    const matches = entries
      .filter((e) => !word.kind || e.kind === word.kind)
      .map((e) => {
        const at = e.forms.findIndex((f) => f.startsWith(needle));
        const inside = at < 0 && needle.length >= 3 ? e.forms.findIndex((f) => f.includes(needle)) : -1;
        return { e, rank: at >= 0 ? 0 : inside >= 0 ? 1 : -1, alias: at > 0 ? e.aliases[at - 1] : null };
      })
      .filter((m) => m.rank >= 0)
      .sort((a, b) => a.rank - b.rank || b.e.weight - a.e.weight || a.e.name.localeCompare(b.e.name))
      .slice(0, MAX);
    if (!matches.length) return close();
    options = matches.map((m, i) => ({ ...m, word, id: `${listId}-${i}` }));
    list.replaceChildren(
      ...options.map((o, i) =>
        h(
          'li',
          {
            id: o.id,
            role: 'option',
            class: ['suggestion', `kind-${o.e.kind}`],
            'aria-selected': i === active ? 'true' : 'false',
            on: { mousedown: (event) => { event.preventDefault(); choose(i); } },
          },
          h('span', { class: 'suggestion-kind' }, o.e.kind),
          h('span', { class: 'suggestion-name' }, o.e.name),
          o.alias ? h('span', { class: 'suggestion-alias' }, ` (${o.alias})`) : null,
        ),
      ),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function highlight(i) {
    active = i;
    [...list.children].forEach((li, j) => li.setAttribute('aria-selected', j === i ? 'true' : 'false'));
    if (i >= 0) input.setAttribute('aria-activedescendant', options[i].id);
    else input.removeAttribute('aria-activedescendant');
  }

  function choose(i) {
    const o = options[i];
    if (!o) return;
    const { start, end, negated } = o.word;
    const token = `${negated ? '-' : ''}${operator(o.e.kind, o.e.name)} `;
    input.value = `${input.value.slice(0, start)}${token}${input.value.slice(end).replace(/^\s+/, '')}`;
    const cursor = start + token.length;
    input.setSelectionRange(cursor, cursor);
    close();
    input.focus();
  }

  input.addEventListener('input', show);
  input.addEventListener('focus', show);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      highlight((active + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      highlight(active <= 0 ? options.length - 1 : active - 1);
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab' && active >= 0) {
      event.preventDefault();
      choose(active);
    }
  });
  return list;
}
