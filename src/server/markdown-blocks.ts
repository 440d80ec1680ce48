/**
 * A discussion's Markdown as a small tree of plain-text blocks for the meeting page. The page
 * builds its DOM from this tree with `textContent` only, so nothing a note contains — raw HTML,
 * `<script>`, `javascript:` links — can become markup: HTML in a note is shown as the text it is.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Nodes, PhrasingContent, RootContent } from 'mdast';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: Inline[] }
  /** `href` is always http(s) or mailto; other links become their text. */
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'br' };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; depth: number; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'table'; rows: Inline[][][] }
  | { type: 'rule' };

/** Longest text turned into blocks; longer discussions are cut (the note itself stays whole). */
const MAX_TEXT = 200_000;

/** Reference-link definitions (`[label]: url`) of a text, one per line as written. */
export function linkDefinitions(markdown: string): string[] {
  return markdown.split('\n').filter((line) => /^ {0,3}\[[^\]]+\]:\s*\S/.test(line));
}

/**
 * The blocks of a discussion's text. `definitions` are reference-link definitions from elsewhere
 * in the note (notes often keep them at the end, in another section), so `[Irmin][irmin-repo]`
 * shows as the word Irmin — a link when the definition is a web address.
 */
export function markdownBlocks(markdown: string, definitions: string[] = []): Block[] {
  const text = markdown.length > MAX_TEXT ? `${markdown.slice(0, MAX_TEXT)}…` : markdown;
  let tree;
  try {
    tree = fromMarkdown(definitions.length ? `${text}\n\n${definitions.join('\n')}\n` : text, {
      extensions: [gfm()],
      mdastExtensions: [gfmFromMarkdown()],
    });
  } catch {
    return [{ type: 'paragraph', children: [{ type: 'text', text }] }];
  }
  const urls: References = new Map();
  for (const node of tree.children) if (node.type === 'definition') urls.set(node.identifier, node.url);
  return tree.children.flatMap((node) => toBlocks(node, urls));
}

/** Reference-link targets by identifier. */
type References = Map<string, string>;

function toBlocks(node: RootContent, refs: References): Block[] {
  switch (node.type) {
    case 'paragraph':
      return [{ type: 'paragraph', children: inlines(node.children, refs) }];
    case 'heading':
      return [{ type: 'heading', depth: node.depth, children: inlines(node.children, refs) }];
    case 'list':
      return [
        {
          type: 'list',
          ordered: Boolean(node.ordered),
          items: node.children.map((item) => {
            const blocks = item.children.flatMap((n) => toBlocks(n, refs));
            if (item.checked === true || item.checked === false) {
              const mark: Inline = { type: 'text', text: item.checked ? '[x] ' : '[ ] ' };
              const first = blocks[0];
              if (first?.type === 'paragraph') first.children.unshift(mark);
            }
            return blocks;
          }),
        },
      ];
    case 'code':
      return [{ type: 'code', text: node.value }];
    case 'blockquote':
      return [{ type: 'quote', blocks: node.children.flatMap((n) => toBlocks(n, refs)) }];
    case 'table':
      return [{ type: 'table', rows: node.children.map((row) => row.children.map((cell) => inlines(cell.children, refs))) }];
    case 'thematicBreak':
      return [{ type: 'rule' }];
    case 'html':
      // Raw HTML is shown as written, never interpreted.
      return node.value.trim().startsWith('<!--') ? [] : [{ type: 'paragraph', children: [{ type: 'text', text: node.value }] }];
    case 'definition':
    case 'footnoteDefinition':
      return [];
    default:
      return [{ type: 'paragraph', children: [{ type: 'text', text: textOf(node) }] }];
  }
}

function inlines(nodes: PhrasingContent[], refs: References): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const inline = toInline(node, refs);
    if (!inline) continue;
    const last = out[out.length - 1];
    // Adjacent text runs are merged so that names split by the parser can still be highlighted.
    if (inline.type === 'text' && last?.type === 'text') last.text += inline.text;
    else out.push(inline);
  }
  return out;
}

function toInline(node: PhrasingContent, refs: References): Inline | null {
  switch (node.type) {
    case 'text':
      return { type: 'text', text: node.value };
    case 'inlineCode':
      return { type: 'code', text: node.value };
    case 'strong':
      return { type: 'strong', children: inlines(node.children, refs) };
    case 'emphasis':
      return { type: 'em', children: inlines(node.children, refs) };
    case 'delete':
      return { type: 'del', children: inlines(node.children, refs) };
    case 'break':
      return { type: 'br' };
    case 'link': {
      const children = inlines(node.children, refs);
      return safeUrl(node.url) ? { type: 'link', href: node.url, children } : { type: 'text', text: textOf(node) };
    }
    case 'linkReference': {
      const url = refs.get(node.identifier);
      const children = inlines(node.children, refs);
      return url && safeUrl(url) ? { type: 'link', href: url, children } : { type: 'text', text: textOf(node) };
    }
    case 'image':
    case 'imageReference':
      return { type: 'text', text: node.alt ? `[image: ${node.alt}]` : '[image]' };
    case 'html':
      return node.value.startsWith('<!--') ? null : { type: 'text', text: node.value };
    default:
      return { type: 'text', text: textOf(node) };
  }
}

/** Only web and mail links survive; `javascript:`, `data:` and relative paths do not. */
export function safeUrl(url: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(url);
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}
