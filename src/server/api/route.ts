/**
 * An API endpoint as one value: its path, the schemas of its parameters and answer, and the handler.
 * The router validates with the schemas, and the OpenAPI document is generated from the same ones.
 */
import { z } from 'zod';
import type { ServerState } from '../state.js';

type Params = z.ZodObject;

export interface ApiRoute<Q extends Params = Params, P extends Params = Params> {
  /** Express path below `/api`, e.g. `/meetings/:id`. */
  path: string;
  summary: string;
  description?: string;
  /** Query parameters; unknown ones are refused (400). */
  query?: Q;
  /** Path parameters. */
  params?: P;
  /** The answer's shape (200). */
  response: z.ZodType;
  /** Error statuses this endpoint can answer besides the ones every endpoint can (401, 413, 429, 500). */
  errors?: number[];
  /**
   * The answer depends only on the parameters and the graph of the last ingest, so it may be
   * answered again from the server's answer cache until the next ingest (see `answer-cache.ts`).
   */
  cacheable?: boolean;
  handle(input: { query: z.output<Q>; params: z.output<P> }, state: ServerState): Promise<unknown> | unknown;
}

/** Declares a route, inferring the handler's input types from the schemas. */
export function defineRoute<Q extends Params = z.ZodObject<{}>, P extends Params = z.ZodObject<{}>>(route: ApiRoute<Q, P>): ApiRoute {
  return route as unknown as ApiRoute;
}
