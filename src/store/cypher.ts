/**
 * The Cypher text of the Neo4j store lives in `queries/<name>.cypher`, one file per named query or
 * write. This module reads a file once, caches it, and knows its `$parameters`, so that every
 * declared parameter is always sent (optional filters are written `$x IS NULL OR …` and need an
 * explicit null) and no undeclared one is.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const queriesDir = fileURLToPath(new URL('../../queries/', import.meta.url));

export interface CypherQuery {
  name: string;
  /** The statement, without its `//` comment lines. */
  text: string;
  /** The `$names` the statement uses, sorted. */
  parameters: string[];
}

const cache = new Map<string, CypherQuery[]>();

/** The single statement in `queries/<name>.cypher`. */
export function cypher(name: string): CypherQuery {
  const statements = cypherStatements(name);
  if (statements.length !== 1) throw new Error(`queries/${name}.cypher holds ${statements.length} statements, expected one`);
  return statements[0];
}

/** Every statement in `queries/<name>.cypher`, for files such as `schema.cypher` that hold several (ended by `;`). */
export function cypherStatements(name: string): CypherQuery[] {
  let statements = cache.get(name);
  if (!statements) {
    if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`not a query name: ${JSON.stringify(name)}`);
    const file = path.join(queriesDir, `${name}.cypher`);
    statements = splitStatements(readFileSync(file, 'utf8')).map((text) => ({ name, text, parameters: parametersOf(text) }));
    cache.set(name, statements);
  }
  return statements;
}

/** The statement of `queries/<name>.cypher` prefixed with EXPLAIN: the server plans it (and keeps the plan) without running it. */
export function explained(name: string): CypherQuery {
  const query = cypher(name);
  return { ...query, text: `EXPLAIN ${query.text}` };
}

/**
 * The parameter map for a statement: each declared parameter from `values`, or null when absent
 * (so `$x IS NULL` holds). A value the statement does not declare is a programming error.
 */
export function bindParameters(query: CypherQuery, values: Record<string, unknown> = {}): Record<string, unknown> {
  for (const key of Object.keys(values)) {
    if (!query.parameters.includes(key)) throw new Error(`queries/${query.name}.cypher has no parameter $${key}`);
  }
  return Object.fromEntries(query.parameters.map((p) => [p, values[p] ?? null]));
}

/** Splits on `;` at the end of a line; `//` comment lines are dropped first. */
function splitStatements(source: string): string[] {
  const code = source
    .split(/\r?\n/)
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n');
  return code
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function parametersOf(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(match[1]);
  return [...names].sort();
}
