/**
 * Schemas of the API's query and path parameters. Every value arrives as a string; these check it
 * and turn it into the type the handler needs, with a message that names what is wrong. The same
 * schemas describe the parameters in `/api/openapi.json`.
 */
import { z } from 'zod';
import { daysInMonth } from '../../calendar.js';

/** A whole number parameter within bounds, with a default. */
export function wholeNumber(min: number, max: number, fallback: number, description: string) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .optional()
    .transform((n) => n ?? fallback)
    .meta({ description: `${description} (${min}–${max}, default ${fallback})` });
}

/** Free text of bounded length. */
export function text(max: number, description: string) {
  return z.string().max(max, `must be at most ${max} characters`).meta({ description });
}

/** A name or id: what a user may type for a person, project, topic or meeting. */
export function nameOrId(description: string) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .optional()
    .meta({ description });
}

const DATE_SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar day / month / year. */
export function isCalendarDate(value: string): boolean {
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  return day >= 1 && day <= daysInMonth(Number(y), month);
}

/**
 * An inclusive date bound: `YYYY-MM-DD`, or a whole month `YYYY-MM` or year `YYYY` — a lower bound
 * starts at its first day, an upper bound ends at its last.
 */
export function dateBound(side: 'from' | 'to', description: string) {
  return z
    .string()
    .regex(DATE_SHAPE, 'must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY')
    .refine(isCalendarDate, 'is not a real date')
    .transform((v) => expandDate(v, side))
    .optional()
    .meta({ description });
}

export function expandDate(value: string, side: 'from' | 'to'): string {
  const [y, m, d] = value.split('-');
  if (d) return value;
  if (m) {
    if (side === 'from') return `${y}-${m}-01`;
    const last = daysInMonth(Number(y), Number(m));
    return `${y}-${m}-${String(last).padStart(2, '0')}`;
  }
  return side === 'from' ? `${y}-01-01` : `${y}-12-31`;
}

/** `true`/`false` (also `1`/`0`), with a default. */
export function flag(fallback: boolean, description: string) {
  return z
    .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
    .optional()
    .transform((v) => (v === undefined ? fallback : v === 'true' || v === '1'))
    .meta({ description: `${description} (default ${fallback})` });
}

/** The `:id` path parameter of a detail endpoint. */
export const idParam = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(300, 'must be at most 300 characters').meta({ description: 'id (a name or alias is accepted too)' }),
});

/** Pagination of list endpoints. */
export function page(defaultLimit: number, maxLimit: number) {
  return {
    limit: wholeNumber(0, maxLimit, defaultLimit, 'items per page'),
    offset: wholeNumber(0, 1_000_000, 0, 'items skipped before the page'),
  };
}

/** The `from` / `to` bounds that were given (a store query treats a present key as a bound). */
export function dateRange(query: { from?: string; to?: string }): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (query.from) range.from = query.from;
  if (query.to) range.to = query.to;
  return range;
}
