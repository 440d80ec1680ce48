/**
 * Configuration read once at the edge (CLI flags and environment), validated, then trusted.
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { z } from 'zod';

/** Where ingest output, the embedded store and the search index live. */
export function resolveDataDir(flag?: string): string {
  return path.resolve(flag ?? process.env.MEETGRAPH_DATA ?? '.meetgraph');
}

/** `people.yml` / `projects.yml` next to the notes are used when no flag names a registry file. */
export function resolveRegistryFiles(
  notesDir: string,
  flags: { people?: string; projects?: string },
): { peopleFile?: string; projectsFile?: string } {
  const beside = (name: string) => {
    const p = path.join(notesDir, name);
    return existsSync(p) ? p : undefined;
  };
  return {
    peopleFile: flags.people ? path.resolve(flags.people) : beside('people.yml'),
    projectsFile: flags.projects ? path.resolve(flags.projects) : beside('projects.yml'),
  };
}

const neo4jEnvSchema = z.object({
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must look like bolt://host:7687 or neo4j://host:7687'),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
});

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

/** The Neo4j settings from the environment, or null when `NEO4J_URI` is unset (the embedded store is used). */
export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig | null {
  if (!env.NEO4J_URI) return null;
  const parsed = neo4jEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  return { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE };
}

/** A problem with flags, environment or files that the user can fix; printed as one line, no stack. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
