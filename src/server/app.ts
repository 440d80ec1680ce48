/**
 * The Express application: security headers and compression for everything, then the JSON API
 * under `/api` (rate limit, token, validated routes, one error handler), then the web pages.
 */
import express, { type Express, type Request, type RequestHandler } from 'express';
import compression from 'compression';
import { z } from 'zod';
import { apiRoutes, type ApiRoute } from './api/index.js';
import { AnswerCache } from './answer-cache.js';
import { apiErrorHandler, apiNotFound, HttpError } from './errors.js';
import { openApiDocument } from './openapi.js';
import { apiRateLimit, limitRequestSize, requireToken, securityHeaders, type RateLimitOptions, type SizeLimits } from './security.js';
import type { ServerState } from './state.js';
import { staticFiles, WEB_DIR } from './static-files.js';

export interface AppOptions {
  /** Read-only bearer token every API request must carry; none when unset. Default `MEETGRAPH_TOKEN`. */
  token?: string | null;
  /** Rate limit of the API per client address. Default 600 requests a minute. */
  rateLimit?: RateLimitOptions;
  /** Request size limits (413 beyond). */
  sizeLimits?: SizeLimits;
  /** Folder of the web pages. Default the repository's `web/`. */
  webDir?: string;
  /** Where unexpected errors are reported. Default stderr. */
  log?: (line: string) => void;
  /** Version reported in the OpenAPI document. */
  version?: string;
}

export function createApp(state: ServerState, options: AppOptions = {}): Express {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.set('etag', false);
  app.use(securityHeaders());
  app.use(compression());

  const api = express.Router();
  api.use(limitRequestSize(options.sizeLimits));
  api.use(apiRateLimit(options.rateLimit));
  api.use(requireToken(options.token === undefined ? process.env.MEETGRAPH_TOKEN : options.token));
  api.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const answers = new AnswerCache();
  for (const route of apiRoutes) api.get(route.path, handlerOf(route, state, answers));
  let openapi: object | null = null;
  api.get('/openapi.json', (req, res) => {
    rejectParameters(req);
    openapi ??= openApiDocument(apiRoutes, options.version ?? '0.1.0');
    res.json(openapi);
  });
  api.use(apiNotFound);
  api.use(apiErrorHandler(log));
  app.use('/api', api);

  app.use(limitRequestSize(options.sizeLimits));
  app.use(staticFiles(options.webDir ?? WEB_DIR));
  app.use((req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(((err, _req, res, _next) => {
    const status = err instanceof HttpError ? err.status : typeof err?.status === 'number' && err.status < 500 ? err.status : 500;
    if (status >= 500) log(`page error: ${err?.message ?? String(err)}`);
    res.status(status).type('text/plain').send(status === 404 ? 'Not found' : status === 413 ? 'Request too large' : 'Error');
  }) as express.ErrorRequestHandler);
  return app;
}

/** Validates the route's parameters (the token is the server's, not the route's), then answers. */
function handlerOf(route: ApiRoute, state: ServerState, answers: AnswerCache): RequestHandler {
  return async (req, res) => {
    const query = route.query ? parse(route.query, withoutToken(req)) : rejectParameters(req);
    const params = route.params ? parse(route.params, { ...req.params }) : {};
    if (!route.cacheable) {
      res.json(await route.handle({ query, params }, state));
      return;
    }
    // Keyed by the parsed parameters, so that `?q=x` and `?q=x&sort=relevance` share an answer.
    const key = JSON.stringify([route.path, query, params]);
    res.type('json').send(await answers.answer(state.view, key, () => route.handle({ query, params }, state)));
  };
}

function withoutToken(req: Request): Record<string, unknown> {
  const query: Record<string, unknown> = { ...(req.query as Record<string, unknown>) };
  delete query.token;
  return query;
}

function rejectParameters(req: Request): Record<string, never> {
  const unknown = Object.keys(withoutToken(req));
  if (unknown.length) throw new HttpError(400, `unknown parameter "${unknown[0]}"`, unknown[0]);
  return {};
}

/** Parses with a schema; the first problem becomes a 400 naming its field. */
function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    throw new HttpError(400, `unknown parameter "${key}"`, key);
  }
  const field = issue.path.map(String).join('.') || undefined;
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const given = issue.path.length ? (value as Record<string, unknown>)[String(issue.path[0])] : value;
    message = given === undefined ? 'is required' : Array.isArray(given) ? 'must be given once' : `must be a ${issue.expected}`;
  }
  throw new HttpError(400, field ? `"${field}" ${message}` : message, field);
}
