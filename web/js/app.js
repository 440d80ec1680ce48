// The page shell: hash routes (`#/search?q=…`, `#/person/<id>` …) to page modules, the nav bar's
// current item, focus moved to the new page's heading, and the server's health in the header.
// Each page module exports `render(main, ctx)`; a page that can refresh in place for new
// parameters (search, ask, graph) also exports `update(ctx)`.
import { adoptTokenFromUrl, api, ApiError, setToken } from './lib/api.js';
import { h, notice } from './lib/dom.js';
import * as searchPage from './pages/search.js';
import * as askPage from './pages/ask.js';
import * as graphPage from './pages/graph.js';
import * as personPage from './pages/person.js';
import * as projectPage from './pages/project.js';
import * as meetingPage from './pages/meeting.js';
import * as curationPage from './pages/curation.js';
import * as listsPage from './pages/lists.js';

const ROUTES = [
  { pattern: /^\/?$/, page: searchPage, nav: 'search' },
  { pattern: /^\/search$/, page: searchPage, nav: 'search' },
  { pattern: /^\/ask$/, page: askPage, nav: 'ask' },
  { pattern: /^\/graph$/, page: graphPage, nav: 'graph' },
  { pattern: /^\/person\/(.+)$/, page: personPage, nav: 'people' },
  { pattern: /^\/project\/(.+)$/, page: projectPage, nav: 'projects' },
  { pattern: /^\/meeting\/(.+)$/, page: meetingPage, nav: 'meetings' },
  { pattern: /^\/curation$/, page: curationPage, nav: 'curation' },
  { pattern: /^\/(meetings|people|projects)$/, page: listsPage, nav: null },
];

let current = null;
let generation = 0;

/** The route of the address: path, decoded path arguments and the parameters after `?`. */
function readLocation() {
  const raw = location.hash.replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  for (const route of ROUTES) {
    const m = route.pattern.exec(path);
    if (!m) continue;
    let args;
    try {
      args = m.slice(1).map((a) => decodeURIComponent(a));
    } catch {
      return { route: null, path, params, args: [] };
    }
    return { route, path, params, args };
  }
  return { route: null, path, params, args: [] };
}

/** Goes to an app route (`/search?q=…`); `replace` keeps it out of the history. */
export function navigate(route, { replace = false } = {}) {
  const hash = `#${route}`;
  if (replace) {
    history.replaceState(history.state, '', hash);
    render();
  } else if (location.hash === hash) render();
  else location.hash = hash;
}

async function render() {
  const loc = readLocation();
  const main = document.getElementById('main');
  const mine = ++generation;
  const ctx = {
    params: loc.params,
    args: loc.args,
    path: loc.path,
    navigate,
    /** True while this render is still the latest one. */
    isCurrent: () => mine === generation,
  };
  markNav(loc.route?.nav ?? loc.args[0] ?? null);
  if (!loc.route) {
    current = null;
    main.replaceChildren(h('h1', null, 'Page not found'), notice('There is no page at this address.'), h('p', null, h('a', { href: '#/' }, 'Go to search')));
    return;
  }
  const samePage = current && current.page === loc.route.page && loc.route.page.update;
  if (samePage) {
    current.path = loc.path;
    await runPage(() => loc.route.page.update(ctx), main, ctx);
    return;
  }
  current = { page: loc.route.page, path: loc.path };
  main.replaceChildren(notice('Loading…'));
  main.setAttribute('aria-busy', 'true');
  await runPage(() => loc.route.page.render(main, ctx), main, ctx);
  if (!ctx.isCurrent()) return;
  main.removeAttribute('aria-busy');
  // Keyboard and screen-reader users land on the new page's title, not back at the top of the nav.
  const heading = main.querySelector('h1');
  if (heading && document.activeElement === document.body) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, 0);
}

async function runPage(run, main, ctx) {
  try {
    await run();
  } catch (err) {
    if (!ctx.isCurrent() || err?.name === 'AbortError') return;
    main.removeAttribute('aria-busy');
    current = null;
    main.replaceChildren(...errorView(err));
  }
}

/** An error as a page: a token form for 401, the message otherwise. */
export function errorView(err) {
  if (err instanceof ApiError && err.status === 401) {
    const input = h('input', { id: 'token', type: 'password', autocomplete: 'off', required: true });
    return [
      h('h1', null, 'A token is needed'),
      notice('This server asks for a token. Enter the token you were given (it is kept for this tab only).'),
      h(
        'form',
        {
          class: 'token-form',
          on: {
            submit: (event) => {
              event.preventDefault();
              setToken(input.value.trim());
              render();
              refreshHealth();
            },
          },
        },
        h('label', { for: 'token' }, 'Token'),
        input,
        h('button', { type: 'submit' }, 'Continue'),
      ),
    ];
  }
  const title = err instanceof ApiError && err.status === 404 ? 'Not found' : 'Something went wrong';
  return [h('h1', null, title), notice(err?.message ?? String(err), 'error')];
}

function markNav(name) {
  for (const a of document.querySelectorAll('[data-nav]')) {
    if (a.dataset.nav === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function refreshHealth() {
  const el = document.getElementById('health');
  try {
    const health = await api('/health');
    el.className = `health health-${health.status}`;
    el.textContent = health.status === 'ok' ? `${health.counts.meetings} meetings` : 'database unavailable: search only';
    el.title = health.lastIngest.finishedAt ? `Last ingest ${new Date(health.lastIngest.finishedAt).toLocaleString()}` : '';
  } catch {
    el.className = 'health';
    el.textContent = '';
  }
}

adoptTokenFromUrl();
window.addEventListener('hashchange', render);
render();
refreshHealth();
setInterval(refreshHealth, 60_000);
