/**
 * Presenting fetched rows as an answer: counts by name, periods, first and last dates. Pure
 * functions over rows, shared by every source of rows.
 */
import type { NamedCountItem, SeriesItem } from './types.js';

/** Names counted over rows (each row counts once per name), by count desc then name; `exclude` left out. */
export function countNames<T>(rows: readonly T[], names: (row: T) => readonly string[], exclude: ReadonlySet<string> = new Set()): NamedCountItem[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    for (const name of new Set(names(row))) {
      if (exclude.has(name)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

/** Rows per `YYYY` or `YYYY-MM` of their date, ascending, periods without rows left out. */
export function series<T>(rows: readonly T[], date: (row: T) => string, period: 'month' | 'year'): SeriesItem[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = date(row).slice(0, period === 'year' ? 4 : 7);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([p, value]) => ({ period: p, value })).sort((a, b) => a.period.localeCompare(b.period));
}

/** The earliest or latest date of the rows, or none. */
export function extremeDate<T>(rows: readonly T[], date: (row: T) => string, which: 'first' | 'last'): Array<{ meeting: string }> {
  if (!rows.length) return [];
  const dates = rows.map(date).sort();
  return [{ meeting: which === 'first' ? dates[0] : dates[dates.length - 1] }];
}

/** Distinct values in first-seen order. */
export function distinct<T, K>(rows: readonly T[], key: (row: T) => K): T[] {
  const seen = new Set<K>();
  return rows.filter((r) => {
    const k = key(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
