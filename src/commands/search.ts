/**
 * `meetgraph search "<query>"`: full-text search over the ingested discussions.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { UserError } from '../cli.js';
import { resolveDataDir } from '../config.js';
import type { SearchResponse, SearchSort } from '../search/index.js';
import { loadSearchIndex, searchIndexPath } from '../search/persist.js';

interface SearchFlags {
  json?: boolean;
  sort: SearchSort;
  limit: number;
  offset: number;
}

function wholeNumber(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be a whole number (0 or more)');
  return Number(value);
}

function sortOrder(value: string): SearchSort {
  if (value !== 'relevance' && value !== 'date') throw new InvalidArgumentError('must be "relevance" or "date"');
  return value;
}

export function register(program: Command): void {
  program
    .command('search')
    .description(
      'search the discussions: words, "phrases", -excluded, person: project: topic: after: before: in: meeting:',
    )
    .argument('<query>', 'the query, e.g. \'release "test plan" person:ada after:2015-01\'')
    .option('--json', 'print the full response as JSON')
    .option('--sort <order>', 'relevance or date (newest first)', sortOrder, 'relevance')
    .option('--limit <n>', 'results to show', wholeNumber, 10)
    .option('--offset <n>', 'results to skip', wholeNumber, 0)
    .action(async (query: string, flags: SearchFlags, command: Command) => {
      const dataDir = resolveDataDir(command.optsWithGlobals().data);
      const index = await loadSearchIndex(dataDir);
      if (!index) {
        throw new UserError(
          `no search index in ${dataDir} (${searchIndexPath(dataDir)} is missing): run \`meetgraph ingest <dir>\` first`,
        );
      }
      const response = index.search(query, { sort: flags.sort, limit: flags.limit, offset: flags.offset });
      if (flags.json) process.stdout.write(`${JSON.stringify(response, null, 2)}\n`);
      else process.stdout.write(formatResponse(response, Boolean(process.stdout.isTTY)));
    });
}

/** Snippet HTML as terminal text: marks in bold on a terminal, `*…*` elsewhere; entities decoded. */
export function snippetForTerminal(html: string, tty: boolean): string {
  const [open, close] = tty ? ['\u001b[1m', '\u001b[22m'] : ['*', '*'];
  return html
    .replace(/<mark>/g, open)
    .replace(/<\/mark>/g, close)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The human-readable listing: one block per hit, then the facets. */
export function formatResponse(r: SearchResponse, tty: boolean): string {
  if (r.total === 0) return 'No discussions match.\n';
  const lines: string[] = [];
  const last = Math.min(r.offset + r.hits.length, r.total);
  lines.push(`${r.total} discussion${r.total === 1 ? '' : 's'}${r.hits.length ? ` (showing ${r.offset + 1}-${last})` : ''}`);
  lines.push('');
  for (const hit of r.hits) {
    lines.push(`${hit.meeting}  ${hit.heading || '(untitled)'}`);
    lines.push(`    ${snippetForTerminal(hit.snippet, tty)}`);
    const who = [hit.people.length ? `people: ${hit.people.join(', ')}` : '', hit.projects.length ? `projects: ${hit.projects.join(', ')}` : '']
      .filter(Boolean)
      .join(' | ');
    if (who) lines.push(`    ${who}`);
    lines.push('');
  }
  const facet = (label: string, counts: Array<{ value: string; count: number }>) =>
    counts.length ? `${label}: ${counts.slice(0, 8).map((c) => `${c.value} (${c.count})`).join(', ')}` : '';
  for (const line of [
    facet('People', r.facets.people),
    facet('Projects', r.facets.projects),
    facet('Years', r.facets.years),
  ]) {
    if (line) lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}
