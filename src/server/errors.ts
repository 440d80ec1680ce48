/**
 * Errors of the HTTP API as values that carry their status, and the one middleware that turns any
 * error into a JSON answer `{error, field?}`. A user's mistake is named precisely; anything
 * unexpected is logged on the server and answered with a bare 500 — never a stack trace.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { StoreError } from '../store/errors.js';
import { QueryError } from '../search/query.js';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The request field (query parameter, path segment) at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string, field?: string) => new HttpError(404, what, field);

/** The body of every error response. */
export interface ErrorBody {
  error: string;
  field?: string;
}

/** The status and body an error is answered with. */
export function describeError(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) return { status: err.status, body: body(err.message, err.field) };
  if (err instanceof z.ZodError) {
    const issue = err.issues[0];
    const field = issue?.path.length ? issue.path.join('.') : undefined;
    return { status: 400, body: body(issue ? issue.message : 'invalid request', field) };
  }
  if (err instanceof QueryError) return { status: 400, body: body(err.message, err.field) };
  if (err instanceof StoreError) {
    if (err.reason === 'unreachable' || err.reason === 'unauthorized') {
      return { status: 503, body: body('the graph database is unavailable; try again shortly') };
    }
    return { status: 500, body: body('the graph store failed to answer') };
  }
  // Errors of Express's own body parser carry a status (413 too large, 400 malformed JSON).
  const status = (err as { status?: unknown; type?: unknown })?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const type = (err as { type?: unknown }).type;
    const message = type === 'entity.too.large' ? 'the request is too large' : 'the request could not be read';
    return { status, body: body(message) };
  }
  return { status: 500, body: body('internal error') };
}

function body(error: string, field?: string): ErrorBody {
  return field ? { error, field } : { error };
}

/** The API's error handler: JSON for every error, a log line for the unexpected ones. */
export function apiErrorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const { status, body } = describeError(err);
    if (status >= 500) {
      const e = err as Error;
      log(`${req.method} ${req.path}: ${e?.name ?? 'Error'}: ${e?.message ?? String(err)}${process.env.MEETGRAPH_DEBUG ? `\n${e?.stack}` : ''}`);
    }
    if (res.headersSent) return;
    res.status(status).json(body);
  };
}

/** Answers any request the API has no route for. */
export const apiNotFound: RequestHandler = (req, _res, next) => {
  next(new HttpError(404, `no API endpoint ${req.method} ${req.path}`));
};
