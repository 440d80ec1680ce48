// The JSON API from the pages: one fetch wrapper (token, errors as ApiError) and short-lived
// caches of the lists many pages need (people, projects).

const TOKEN_KEY = 'meetgraph.token';

export class ApiError extends Error {
  constructor(status, message, field) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/** Takes `?token=` from the page's address once, keeps it for the tab, and drops it from the URL. */
export function adoptTokenFromUrl() {
  const url = new URL(location.href);
  const token = url.searchParams.get('token');
  if (!token) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  url.searchParams.delete('token');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/** GET /api{path} with the parameters that have a value. */
export async function api(path, params = {}, { signal } = {}) {
  const url = new URL(`/api${path}`, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  const headers = { Accept: 'application/json' };
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token) headers.Authorization = `Bearer ${token}`;
  let res;
  try {
    res = await fetch(url, { headers, signal });
  } catch (err) {
    if (err?.name === 'AbortError') throw err;
    throw new ApiError(0, 'The server cannot be reached.');
  }
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, body?.error ?? `The server answered ${res.status}.`, body?.field);
  return body;
}

const cache = new Map();
const CACHE_MS = 30_000;

/** A cached GET for lists that change only with an ingest. */
export function cached(path) {
  const hit = cache.get(path);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.promise;
  const promise = api(path);
  cache.set(path, { at: Date.now(), promise });
  promise.catch(() => cache.delete(path));
  return promise;
}

export const peopleList = () => cached('/people').then((r) => r.items);
export const projectsList = () => cached('/projects').then((r) => r.items);
