/**
 * `/api/openapi.json`, generated from the routes' own zod schemas, so the document cannot drift
 * from what the server validates.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { ApiRoute } from './api/route.js';
import { ErrorBody } from './api/shapes.js';

const ERROR_TEXT: Record<number, string> = {
  400: 'a parameter is missing, of the wrong type or malformed (`field` names it)',
  401: 'a token is required (MEETGRAPH_TOKEN is set): `Authorization: Bearer <token>` or `?token=`',
  404: 'the id or name names nothing (`field` names the parameter)',
  413: 'the request is too large',
  429: 'too many requests; try again later',
  500: 'the server failed (no details are given)',
  503: 'the graph database is unavailable; the server keeps retrying',
};

/** Errors every endpoint can answer. */
const COMMON_ERRORS = [401, 413, 429, 500];

export function openApiDocument(routes: ApiRoute[], version: string): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'only when the server was started with MEETGRAPH_TOKEN',
  });
  for (const route of routes) {
    const responses: Record<string, { description: string; content?: Record<string, { schema: typeof ErrorBody }> }> = {
      200: { description: route.summary, content: { 'application/json': { schema: route.response as typeof ErrorBody } } },
    };
    for (const status of [...(route.errors ?? []), ...COMMON_ERRORS].sort()) {
      responses[status] = { description: ERROR_TEXT[status] ?? 'error', content: { 'application/json': { schema: ErrorBody } } };
    }
    registry.registerPath({
      method: 'get',
      path: `/api${route.path.replace(/:(\w+)/g, '{$1}')}`,
      summary: route.summary,
      description: route.description,
      request: { query: route.query, params: route.params },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'meetgraph API',
      version,
      description: 'Read-only JSON API over a folder of meeting notes: search, questions, meetings, people, projects, the graph.',
    },
    servers: [{ url: '/' }],
    // The token is optional: only a server started with MEETGRAPH_TOKEN asks for it.
    security: [{}, { bearer: [] }],
  });
}
