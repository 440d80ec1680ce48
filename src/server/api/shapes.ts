/**
 * Schemas of the API's answers, shared by several endpoints. They document `/api/openapi.json`,
 * and the API tests check every answer against them.
 */
import { z } from 'zod';

const date = z.string().meta({ description: 'calendar date YYYY-MM-DD' });

export const Evidence = z
  .object({
    file: z.string().meta({ description: 'note path relative to the notes folder' }),
    line: z.number().int(),
    sentence: z.string(),
  })
  .meta({ id: 'Evidence', description: 'where a fact came from' });

export const ErrorBody = z
  .object({ error: z.string(), field: z.string().optional() })
  .meta({ id: 'Error', description: 'every error answer; `field` names the request parameter at fault' });

export const DiscussionRow = z
  .object({
    discussionId: z.string(),
    meetingId: z.string(),
    meeting: date,
    heading: z.string(),
    snippet: z.string().meta({ description: 'plain text' }),
    people: z.array(z.string()),
    projects: z.array(z.string()),
  })
  .meta({ id: 'DiscussionRow' });

export const MeetingRow = z.object({ meetingId: z.string(), meeting: date, title: z.string() }).meta({ id: 'MeetingRow' });

export const ActionRow = z
  .object({
    actionId: z.string(),
    personId: z.string(),
    person: z.string(),
    task: z.string(),
    status: z.enum(['todo', 'ongoing', 'done']),
    meetingId: z.string(),
    meeting: date,
    discussionId: z.string(),
    heading: z.string(),
    projects: z.array(z.string()),
  })
  .meta({ id: 'ActionRow' });

export const NamedCount = z.object({ id: z.string(), name: z.string(), count: z.number().int() }).meta({ id: 'NamedCount' });

export const PeriodCount = z
  .object({ period: z.string().meta({ description: 'YYYY-MM or YYYY' }), value: z.number() })
  .meta({ id: 'PeriodCount' });

/** A list endpoint's page. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      total: z.number().int().meta({ description: 'items matching, over all pages' }),
      offset: z.number().int(),
      limit: z.number().int(),
      items: z.array(item),
    })
    .meta({ id });
}

export const Stats = z
  .object({
    meetings: z.number().int(),
    discussions: z.number().int(),
    people: z.number().int(),
    projects: z.number().int(),
    topics: z.number().int(),
    actionItems: z.number().int(),
    references: z.number().int(),
    attended: z.number().int(),
    discussed: z.number().int(),
    about: z.number().int(),
    owns: z.number().int(),
    cites: z.number().int(),
    firstMeeting: date.nullable(),
    lastMeeting: date.nullable(),
  })
  .meta({ id: 'Stats' });
