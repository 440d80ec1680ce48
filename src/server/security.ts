/**
 * The server's defences: security headers with a strict Content Security Policy, request size
 * limits, a rate limit on the API and the optional read-only bearer token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors.js';

/**
 * Pages may load scripts, styles, images and data from this server only; no inline script, no
 * plugin, no framing. Styles set from scripts (element.style) are allowed by CSP; style attributes
 * in markup are not.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The server is usually reached over plain http (127.0.0.1 or a LAN address).
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}

export interface SizeLimits {
  /** Longest request target (path and query) in bytes. Default 4096. */
  maxUrlBytes?: number;
  /** Largest request body in bytes. Default 16 KiB (the API takes no bodies). */
  maxBodyBytes?: number;
}

/** 413 for a request whose URL or declared body is larger than the limits. */
export function limitRequestSize(limits: SizeLimits = {}): RequestHandler {
  const maxUrl = limits.maxUrlBytes ?? 4096;
  const maxBody = limits.maxBodyBytes ?? 16 * 1024;
  return (req, _res, next) => {
    if (Buffer.byteLength(req.originalUrl) > maxUrl) {
      return next(new HttpError(413, `the request URL is longer than ${maxUrl} bytes`));
    }
    const length = Number(req.headers['content-length'] ?? 0);
    if (length > maxBody) return next(new HttpError(413, `the request body is larger than ${maxBody} bytes`));
    next();
  };
}

export interface RateLimitOptions {
  /** Window length in milliseconds. Default one minute. */
  windowMs?: number;
  /** Requests per client address and window. Default 600. */
  limit?: number;
}

export function apiRateLimit(options: RateLimitOptions = {}): RequestHandler {
  return rateLimit({
    windowMs: options.windowMs ?? 60_000,
    limit: options.limit ?? 600,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    message: { error: 'too many requests; try again in a minute' },
    // The server sees clients directly; a forwarded-for header from a client is not trusted.
    validate: { xForwardedForHeader: false },
  });
}

/**
 * When `token` is set, every request needs `Authorization: Bearer <token>` or `?token=<token>`;
 * 401 otherwise. The token grants reading only — the API has nothing else.
 */
export function requireToken(token: string | null | undefined): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.headers.authorization;
    const fromHeader = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : undefined;
    const given = fromHeader ?? fromQuery;
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader('WWW-Authenticate', 'Bearer realm="meetgraph"');
    next(new HttpError(401, given === undefined ? 'a token is required: send Authorization: Bearer <token>' : 'the token is not valid', 'token'));
  };
}

/** Fixed-length digests, so the comparison takes the same time whatever was sent. */
function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
