/**
 * The optional alias registries a team keeps beside its notes, like git's `.mailmap`:
 * `people.yml` and `projects.yml`, each a YAML list of `{name, aliases}` (other fields are
 * information and ignored). Validated once here; the rest of ingest trusts the result.
 */
import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { z } from 'zod';

export interface RegistryEntry {
  name: string;
  aliases: string[];
}

const entrySchema = z.object({
  name: z.string().trim().min(1),
  aliases: z.array(z.union([z.string(), z.number()]).transform(String)).nullish().transform((a) => a ?? []),
});

export class RegistryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** Reads a registry file; a missing file or a malformed entry is an error naming the file and entry. */
export function loadRegistry(file: string): RegistryEntry[] {
  return parseRegistry(readRegistryText(file), file);
}

/** The text of a registry file; a file that cannot be read is a RegistryError naming it. */
export function readRegistryText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new RegistryError(`cannot read registry ${file}: ${(err as NodeJS.ErrnoException).code ?? err}`);
  }
}

/** The last parse of each registry file, with the text it was parsed from. */
const lastParse = new Map<string, { text: string; entries: readonly RegistryEntry[] }>();

/**
 * `parseRegistry`, but the same text of the same file gives the entries it gave last time, frozen
 * (every reader only reads them). A watching server reads its registries at every change to see
 * whether they changed. Parsing them again cost each change 7.7–46 ms (10.5 the median of twenty
 * warm parses) with the 10,000-note folder's registries (412 people, 260 projects), the YAML reader
 * and the validation running over every entry; 31 ms in a server's first change.
 */
export function parseRegistryAgain(text: string, file: string): RegistryEntry[] {
  const last = lastParse.get(file);
  if (last?.text === text) return last.entries as RegistryEntry[];
  const entries = parseRegistry(text, file);
  for (const entry of entries) {
    Object.freeze(entry.aliases);
    Object.freeze(entry);
  }
  lastParse.set(file, { text, entries: Object.freeze(entries) });
  return entries;
}

export function parseRegistry(text: string, file = 'registry'): RegistryEntry[] {
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (err) {
    const e = err as { mark?: { line?: number }; reason?: string; message: string };
    const line = e.mark?.line !== undefined ? `:${e.mark.line + 1}` : '';
    throw new RegistryError(`${file}${line}: not valid YAML (${e.reason ?? e.message.split('\n')[0]})`);
  }
  if (data == null) return [];
  if (!Array.isArray(data)) throw new RegistryError(`${file}: expected a YAML list of entries with name and aliases`);
  return data.map((item, i) => {
    const parsed = entrySchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RegistryError(`${file}: entry ${i + 1}: ${issue.path.join('.') || 'entry'}: ${issue.message}`);
    }
    const aliases = [...new Set(parsed.data.aliases.map((a) => a.trim()).filter((a) => a && a !== parsed.data.name))];
    return { name: parsed.data.name, aliases };
  });
}
