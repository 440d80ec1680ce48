/**
 * `GET /api/search`: full-text search over the discussions, with the query operators of
 * `src/search/query.ts`, facets over the whole result set and pagination.
 */
import { z } from 'zod';
import { flag, page, text } from './inputs.js';
import { defineRoute } from './route.js';

const FacetCount = z.object({ value: z.string(), count: z.number().int() }).meta({ id: 'FacetCount' });

export const SearchHit = z
  .object({
    discussionId: z.string(),
    meetingId: z.string(),
    meeting: z.string(),
    title: z.string(),
    heading: z.string(),
    snippet: z.string().meta({ description: 'HTML-escaped text; matched words wrapped in <mark>' }),
    people: z.array(z.string()),
    projects: z.array(z.string()),
    score: z.number(),
  })
  .meta({ id: 'SearchHit' });

export const SearchResponse = z
  .object({
    query: z.string(),
    sort: z.enum(['relevance', 'date']),
    total: z.number().int(),
    offset: z.number().int(),
    limit: z.number().int(),
    hits: z.array(SearchHit),
    facets: z.object({ people: z.array(FacetCount), projects: z.array(FacetCount), years: z.array(FacetCount) }),
  })
  .meta({ id: 'SearchResponse' });

export const searchRoute = defineRoute({
  path: '/search',
  summary: 'Search the discussions',
  description:
    'Words (prefix and typo tolerant), "phrases", -excluded words, and the operators person:, project:, topic:, ' +
    'after:, before:, in: (YYYY, YYYY-MM or YYYY-MM-DD) and meeting:. An unknown name or a bad operator answers 400 with `field` naming the operator.',
  query: z.strictObject({
    q: text(1000, 'the query; empty lists every discussion').default(''),
    sort: z.enum(['relevance', 'date'], { message: 'must be "relevance" or "date"' }).default('relevance').meta({ description: 'relevance (default) or date (newest first)' }),
    ...page(20, 100),
    facets: flag(true, 'include facet counts'),
  }),
  response: SearchResponse,
  errors: [400],
  cacheable: true,
  handle({ query }, state) {
    const response = state.search.search(query.q, { sort: query.sort, limit: query.limit, offset: query.offset });
    if (!query.facets) response.facets = { people: [], projects: [], years: [] };
    return response;
  },
});
