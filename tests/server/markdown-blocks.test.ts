import { describe, expect, it } from 'vitest';
import { linkDefinitions, markdownBlocks, safeUrl } from '../../src/server/markdown-blocks.js';

const json = (md: string, defs?: string[]) => JSON.stringify(markdownBlocks(md, defs));

describe('markdownBlocks', () => {
  it('keeps raw HTML as text, never as markup', () => {
    const blocks = markdownBlocks('Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>\n\n<div onclick="x()">block</div>');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Hello <script>alert(1)</script> and <img src=x onerror=alert(2)>' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '<div onclick="x()">block</div>' }] },
    ]);
  });

  it('keeps web and mail links only', () => {
    expect(json('[a](https://example.org) [b](javascript:alert(1)) [c](data:text/html,x) [d](/relative) <mailto:x@y.z>')).toBe(
      JSON.stringify([
        {
          type: 'paragraph',
          children: [
            { type: 'link', href: 'https://example.org', children: [{ type: 'text', text: 'a' }] },
            { type: 'text', text: ' b c d ' },
            { type: 'link', href: 'mailto:x@y.z', children: [{ type: 'text', text: 'mailto:x@y.z' }] },
          ],
        },
      ]),
    );
    expect(safeUrl('JavaScript:alert(1)')).toBe(false);
    expect(safeUrl('https://a.b/c d')).toBe(false);
  });

  it('gives lists, code, quotes, emphasis and tables their shape', () => {
    const blocks = markdownBlocks('* one **bold**\n* two `code`\n\n```\nx < y\n```\n\n> quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    expect(blocks.map((b) => b.type)).toEqual(['list', 'code', 'quote', 'table']);
    expect(blocks[0]).toMatchObject({ type: 'list', ordered: false, items: [[{ children: [{ text: 'one ' }, { type: 'strong' }] }], [{ children: [{ text: 'two ' }, { type: 'code', text: 'code' }] }]] });
    expect(blocks[1]).toEqual({ type: 'code', text: 'x < y' });
    expect(blocks[3]).toMatchObject({ type: 'table', rows: [[[{ text: 'a' }], [{ text: 'b' }]], [[{ text: '1' }], [{ text: '2' }]]] });
  });

  it('resolves reference links with definitions from elsewhere in the note', () => {
    const note = 'See [Irmin][irmin-repo] and [old][old-notes].';
    expect(json(note)).toContain('[Irmin][irmin-repo]');
    const defs = linkDefinitions('text\n[irmin-repo]: https://github.com/mirage/irmin\n[old-notes]: /weekly/old\nmore');
    expect(defs).toEqual(['[irmin-repo]: https://github.com/mirage/irmin', '[old-notes]: /weekly/old']);
    expect(markdownBlocks(note, defs)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'See ' },
          { type: 'link', href: 'https://github.com/mirage/irmin', children: [{ type: 'text', text: 'Irmin' }] },
          { type: 'text', text: ' and old.' },
        ],
      },
    ]);
  });

  it('drops HTML comments', () => {
    expect(markdownBlocks('<!-- hidden -->\n\nshown')).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'shown' }] }]);
  });
});
