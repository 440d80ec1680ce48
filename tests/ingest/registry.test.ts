/**
 * Registries read again and again (a watching server, at every change): the same text of a file
 * gives the same frozen entries, and a new text is parsed anew.
 */
import { describe, expect, it } from 'vitest';
import { parseRegistry, parseRegistryAgain } from '../../ingest/registry.js';

const TEXT = '- name: Thomas Gazagnaire\n  aliases: [ThomasG, TG]\n- name: Anil Madhavapeddy\n  aliases: [avsm]\n';

describe('parseRegistryAgain', () => {
  it('gives the entries of the same text once parsed, frozen', () => {
    const file = `/registries/${Math.random()}/people.yml`;
    const first = parseRegistryAgain(TEXT, file);
    expect(first).toEqual(parseRegistry(TEXT, file));
    expect(parseRegistryAgain(TEXT, file)).toBe(first);
    expect(Object.isFrozen(first) && first.every((e) => Object.isFrozen(e) && Object.isFrozen(e.aliases))).toBe(true);
    expect(() => (first[0].aliases as string[]).push('Thomas')).toThrow(TypeError);
  });

  it('parses a changed text anew, and keeps each file apart', () => {
    const file = `/registries/${Math.random()}/people.yml`;
    const first = parseRegistryAgain(TEXT, file);
    const changed = parseRegistryAgain(`${TEXT}- name: Hannes Mehnert\n  aliases: [hannes]\n`, file);
    expect(changed).not.toBe(first);
    expect(changed.map((e) => e.name)).toEqual(['Thomas Gazagnaire', 'Anil Madhavapeddy', 'Hannes Mehnert']);
    const other = parseRegistryAgain(TEXT, `${file}.other`);
    expect(other).not.toBe(first);
    expect(parseRegistryAgain(TEXT, file)).toEqual(first);
  });

  it('reports a bad text as the first parse does, naming the file and line', () => {
    const file = `/registries/${Math.random()}/people.yml`;
    parseRegistryAgain(TEXT, file);
    expect(() => parseRegistryAgain('- name: [unclosed\n', file)).toThrow(new RegExp(`${file.replace(/[.]/g, '\\.')}:\\d+: not valid YAML`));
  });
});
