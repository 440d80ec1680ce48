/**
 * `GET /api/ask`: a plain-English question about the history, answered by a named store query.
 */
import { z } from 'zod';
import { linkAnswer } from '../ask-links.js';
import { text } from './inputs.js';
import { defineRoute } from './route.js';

const AnswerQuery = z
  .object({ name: z.string(), params: z.record(z.string(), z.unknown()), cypher: z.string() })
  .meta({ id: 'AnswerQuery', description: 'the named store query behind the answer' });

export const AnswerResponse = z
  .object({
    question: z.string(),
    interpretation: z.string().meta({ description: 'the question as understood, in words' }),
    kind: z.enum(['discussions', 'meetings', 'people', 'projects', 'topics', 'actions', 'count', 'date', 'series', 'none']),
    items: z.array(
      z
        .record(z.string(), z.unknown())
        .meta({ description: 'shape by kind; `meetingId` / `discussionId` added where the row names a meeting' }),
    ),
    query: AnswerQuery.nullable(),
    suggestions: z.array(z.object({ text: z.string(), nearest: z.array(z.string()) })).optional(),
    links: z.object({
      people: z.record(z.string(), z.string()).meta({ description: 'person id by name' }),
      projects: z.record(z.string(), z.string()).meta({ description: 'project id by name' }),
    }),
  })
  .meta({ id: 'Answer' });

export const askRoute = defineRoute({
  path: '/ask',
  summary: 'Answer a question about the history',
  description:
    'e.g. "every Irmin discussion involving ThomasG", "when did we last talk about TLS?", "how many meetings did Anil attend in 2014?". ' +
    'A question that cannot be mapped answers kind "none" with the reason and example phrasings.',
  query: z.strictObject({ q: text(500, 'the question').min(1, 'must not be empty') }),
  response: AnswerResponse,
  errors: [400, 503],
  cacheable: true,
  async handle({ query }, state) {
    const asker = state.askerNow();
    const view = state.view;
    const answer = await state.storeLink.use(() => asker.ask(query.q));
    return linkAnswer(answer, view);
  },
});
