/**
 * A deliberately small Markdown subset for card text: paragraphs, "- " and "1. " lists,
 * **strong**, *emphasis*, `code`, and backslash escapes (\*, \`, \\, \!). It returns a tree, never
 * HTML, so no deck source can inject markup: the renderer turns the tree into React elements
 * and every string is escaped by React.
 *
 * Emphasis follows the rule that keeps a literal star inside a name intact: a `*` opens only
 * when a non-space follows it, and closes only when a non-space precedes it and no letter or
 * digit follows it. So in "*the *-property applies*" the middle star stays a star.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string }
  /** `![alt](media:name)`: an image stored with the cards (from an imported package), never a URL. */
  | { kind: 'image'; alt: string; name: string };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'list'; items: Inline[][] }
  | { kind: 'ordered-list'; items: Inline[][]; start?: number };

// "!" so that text which merely reads like an image reference (typed in another program and
// imported) can stay text: \![a](media:x.png).
const ESCAPABLE = new Set(['*', '`', '\\', '_', '!']);
/** Only stored media, by a name of safe characters (importers percent-encode the rest): no address can load from elsewhere. */
const MEDIA_IMAGE_SOURCE = String.raw`!\[([^\]\n]{0,300})\]\(media:([A-Za-z0-9%._~-]{1,300})\)`;
const MEDIA_IMAGE = new RegExp(`^${MEDIA_IMAGE_SOURCE}`);
const MEDIA_IMAGE_ANYWHERE = new RegExp(MEDIA_IMAGE_SOURCE);

/** The names of the stored images a card text shows, read by the parser itself (an escaped "\![" or a code span shows none). */
export function mediaNamesIn(text: string): string[] {
  // Most texts name no image: the parse is only for those that might.
  if (!MEDIA_IMAGE_ANYWHERE.test(text)) return [];
  const names: string[] = [];
  const walk = (inlines: readonly Inline[]) => {
    for (const x of inlines) {
      if (x.kind === 'image') names.push(x.name);
      else if (x.kind === 'strong' || x.kind === 'em') walk(x.children);
    }
  };
  for (const block of parseMarkdown(text)) {
    if (block.kind === 'paragraph') walk(block.children);
    else for (const item of block.items) walk(item);
  }
  return names;
}
const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Index of the closing delimiter for an opener at `from`, skipping code spans and escapes; -1 if none. */
function findCloser(text: string, from: number, delim: '*' | '**'): number {
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (c === '\\' && ESCAPABLE.has(text[i + 1] ?? '')) {
      i += 1;
      continue;
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end !== -1) i = end;
      continue;
    }
    if (delim === '**') {
      if (text.startsWith('**', i) && !isSpace(text[i - 1]) && i > from) return i;
    } else if (c === '*') {
      if (text[i + 1] === '*') {
        // A "**" inside emphasis is strong text: skip over its pair.
        const inner = findCloser(text, i + 2, '**');
        if (inner !== -1) {
          i = inner + 1;
          continue;
        }
      }
      if (i > from && !isSpace(text[i - 1]) && !isWordChar(text[i + 1])) return i;
    }
  }
  return -1;
}

/** @example parseInline('*the `*-property`*') */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer) out.push({ kind: 'text', text: buffer });
    buffer = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (c === '\\' && ESCAPABLE.has(text[i + 1] ?? '')) {
      buffer += text[i + 1];
      i += 1;
      continue;
    }
    if (c === '!' && text[i + 1] === '[') {
      const m = MEDIA_IMAGE.exec(text.slice(i));
      if (m) {
        flush();
        out.push({ kind: 'image', alt: m[1]!, name: m[2]! });
        i += m[0].length - 1;
        continue;
      }
    }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push({ kind: 'code', text: text.slice(i + 1, end) });
        i = end;
        continue;
      }
    }
    if (c === '*' && text[i + 1] === '*' && !isSpace(text[i + 2])) {
      const end = findCloser(text, i + 2, '**');
      if (end !== -1) {
        flush();
        out.push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '*' && !isSpace(text[i + 1]) && text[i + 1] !== '*' && !isWordChar(text[i - 1])) {
      const end = findCloser(text, i + 1, '*');
      if (end !== -1) {
        flush();
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) });
        i = end;
        continue;
      }
    }
    buffer += c;
  }
  flush();
  return out;
}

/** @example parseMarkdown('Two **domains**:\n- one\n- two\n\n1. first\n2. second') */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Extract<Block, { kind: 'list' | 'ordered-list' }> | null = null;
  const flushParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push(list);
    list = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    const numbered = /^(\d{1,3})[.)]\s+(.*)$/.exec(line);
    if (!line) {
      flushParagraph();
      flushList();
    } else if (bullet || numbered) {
      flushParagraph();
      const kind = numbered ? 'ordered-list' : 'list';
      if (list && list.kind !== kind) flushList();
      if (!list) {
        list = numbered ? { kind: 'ordered-list', items: [] } : { kind: 'list', items: [] };
        if (numbered && numbered[1] !== '1' && list.kind === 'ordered-list') list.start = Number(numbered[1]);
      }
      list.items.push(parseInline(bullet ? bullet[1]! : numbered![2]!));
    } else {
      flushList();
      paragraph.push(line);
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}
