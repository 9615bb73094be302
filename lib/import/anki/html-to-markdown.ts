/**
 * Anki card HTML → the app's safe Markdown subset (lib/markdown.ts: paragraphs, "- " and "1. "
 * lists, **strong**, *emphasis*, `code`, backslash escapes), plus `![alt](media:NAME)` for the
 * package's own images.
 *
 * Why a converter and not a sanitiser: the app never renders HTML. Its Markdown parser returns a
 * tree that React escapes, so converting is what makes imported text safe by construction: no
 * tag, attribute, event handler, style or link survives, because nothing but the subset is ever
 * written. It runs in the import Worker, where there is no DOM, so it is a small tokenizer of its
 * own, forgiving like a browser: unclosed tags, stray "<", unknown entities and bad nesting give
 * text, never an error.
 *
 * Rules:
 * - b/strong (and a bold `style`) → **strong**; i/em/u/ins/mark (and an italic `style`) → *em*;
 *   code/kbd/samp/tt → `code`; emphasis that the subset could not parse back (inside a word,
 *   touching another delimiter) is dropped rather than shown as stray stars.
 * - br, p, div, headings, blockquote, table rows, hr… → paragraph breaks (the subset joins the
 *   lines of one paragraph, so a break has to be a blank line to be seen); table cells → spaces.
 * - ul/ol/li → "- " / "1. " items; nested lists are flattened into the outer one.
 * - img → `![alt](media:NAME)` when `resolveImage` finds the file in the package; remote,
 *   `data:` and missing images are dropped and reported through `onSkip`.
 * - [sound:x.mp3], audio, video, object, embed, iframe → dropped and reported (the app has no
 *   player for them); script, style, template, svg… → dropped with their content; comments and
 *   every attribute other than img's src/alt are ignored.
 * - Entities decoded, whitespace collapsed as a browser would, and every character the subset
 *   treats as markup (\ * ` _) escaped in text.
 */
import { decodeEntities } from './entities';

export type SkipKind = 'sound' | 'remote-image' | 'missing-image' | 'inline-image' | 'embedded-media' | 'script';

export interface HtmlToMarkdownOptions {
  /** The name to write after `media:` for an <img src>, or null when the package does not have it. */
  resolveImage?: (src: string) => string | null;
  /** Told about each thing left out (`detail`: a file name, a URL or a tag name). */
  onSkip?: (kind: SkipKind, detail: string) => void;
}

interface Segment {
  text: string;
  strong: boolean;
  em: boolean;
  code: boolean;
  /** Set for an image: `text` is then its alt text. */
  image?: string;
}

interface Block {
  /** 'p' for a paragraph, 'ul' / 'ol' for a list item. */
  kind: 'p' | 'ul' | 'ol';
  number: number;
  segments: Segment[];
}

/** Tags that end the current paragraph. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer',
  'main', 'nav', 'aside', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'hr', 'pre', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'details', 'summary', 'center', 'address', 'form', 'fieldset', 'legend',
]);
const STRONG_TAGS = new Set(['b', 'strong']);
const EM_TAGS = new Set(['i', 'em', 'u', 'ins', 'mark', 'cite', 'dfn', 'var']);
const CODE_TAGS = new Set(['code', 'kbd', 'samp', 'tt']);
/** Dropped together with everything inside them. */
const DROPPED_WITH_CONTENT = new Set([
  'script', 'style', 'template', 'noscript', 'head', 'title', 'svg', 'math', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'audio', 'video', 'canvas', 'select', 'textarea', 'button', 'datalist', 'map',
]);
/** Their content is raw text up to the closing tag ("<b>" inside a script is not a tag). */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'iframe', 'noembed', 'noframes']);
const EMBEDDED_MEDIA = new Set(['audio', 'video', 'object', 'embed', 'applet', 'iframe', 'frame', 'frameset', 'canvas']);
const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'track', 'wbr', 'param']);

const SOUND = /\[sound:([^\]]*)\]/g;
const WORD_CHAR = /[\p{L}\p{N}]/u;

interface Tag {
  name: string;
  closing: boolean;
  selfClosing: boolean;
  attrs: Map<string, string>;
}

/** Parses the tag that starts at `start` (a "<"); null when the "<" does not open a tag. */
function parseTag(html: string, start: number): { tag: Tag; end: number } | null {
  let i = start + 1;
  const closing = html[i] === '/';
  if (closing) i += 1;
  const nameMatch = /^[A-Za-z][A-Za-z0-9:-]*/.exec(html.slice(i, i + 64));
  if (!nameMatch) return null;
  const name = nameMatch[0].toLowerCase();
  i += nameMatch[0].length;
  const attrs = new Map<string, string>();
  let selfClosing = false;
  while (i < html.length) {
    const c = html[i]!;
    if (c === '>') return { tag: { name, closing, selfClosing, attrs }, end: i + 1 };
    if (c === '/' && html[i + 1] === '>') {
      selfClosing = true;
      i += 1;
      continue;
    }
    if (/\s|\//.test(c)) {
      i += 1;
      continue;
    }
    const attr = /^[^\s"'>/=]+/.exec(html.slice(i, i + 256));
    if (!attr) {
      i += 1;
      continue;
    }
    const attrName = attr[0].toLowerCase();
    i += attr[0].length;
    while (/\s/.test(html[i] ?? '')) i += 1;
    let value = '';
    if (html[i] === '=') {
      i += 1;
      while (/\s/.test(html[i] ?? '')) i += 1;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        const bare = /^[^\s>]*/.exec(html.slice(i))![0];
        value = bare;
        i += bare.length;
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, decodeEntities(value));
  }
  // A tag that never closes: a browser drops it and everything after it.
  return { tag: { name, closing, selfClosing, attrs }, end: html.length };
}

function isRemote(src: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//');
}

export function htmlToMarkdown(html: string, options: HtmlToMarkdownOptions = {}): string {
  const blocks: Block[] = [];
  let block: Block = { kind: 'p', number: 0, segments: [] };
  let strong = 0;
  let em = 0;
  let code = 0;
  let pre = 0;
  /** Open lists, innermost last, with the number of their next item. */
  const lists: { ordered: boolean; next: number }[] = [];
  /** Open inline tags, so a closing tag undoes exactly what its opening tag did. */
  const inline: { name: string; strong: boolean; em: boolean; code: boolean }[] = [];
  let inItem = false;

  const endBlock = () => {
    if (block.segments.length) blocks.push(block);
    block = { kind: 'p', number: 0, segments: [] };
  };
  const paragraphBreak = () => {
    // Inside a list item a break would end the item: it becomes a space.
    if (inItem) addText(' ');
    else endBlock();
  };
  const addText = (raw: string) => {
    let text = raw;
    if (text.includes('[sound:')) {
      text = text.replace(SOUND, (_m, name: string) => {
        options.onSkip?.('sound', name);
        return '';
      });
    }
    if (pre) {
      // Preformatted text keeps its lines (as paragraphs: the subset has no line break).
      const lines = text.replace(/\r\n?/g, '\n').split('\n');
      lines.forEach((line, index) => {
        if (index > 0) paragraphBreak();
        if (line) block.segments.push({ text: line.replace(/[\t\f ]+/g, ' ').replace(/\u00a0/g, ' '), strong: strong > 0, em: em > 0, code: code > 0 });
      });
      return;
    }
    text = text.replace(/[\t\n\r\f \u00a0]+/g, ' ');
    if (text) block.segments.push({ text, strong: strong > 0, em: em > 0, code: code > 0 });
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      addText(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) addText(decodeEntities(html.slice(i, lt)));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      i = close === -1 ? html.length : close + 3;
      continue;
    }
    if (html[i + 1] === '!' || html[i + 1] === '?') {
      const close = html.indexOf('>', i);
      i = close === -1 ? html.length : close + 1;
      continue;
    }
    const parsed = parseTag(html, i);
    if (!parsed) {
      addText('<');
      i += 1;
      continue;
    }
    const { tag, end } = parsed;
    i = end;
    const name = tag.name;

    if (!tag.closing && DROPPED_WITH_CONTENT.has(name)) {
      if (name === 'script' || name === 'style') options.onSkip?.('script', name);
      else if (EMBEDDED_MEDIA.has(name)) options.onSkip?.('embedded-media', tag.attrs.get('src') || name);
      if (tag.selfClosing || VOID_TAGS.has(name)) continue;
      i = skipElement(html, i, name);
      continue;
    }
    if (tag.closing && DROPPED_WITH_CONTENT.has(name)) continue;

    if (name === 'img') {
      if (tag.closing) continue;
      const src = (tag.attrs.get('src') ?? '').trim();
      const alt = (tag.attrs.get('alt') ?? '').replace(/\s+/g, ' ').trim();
      if (!src) continue;
      if (src.startsWith('data:')) options.onSkip?.('inline-image', src.slice(0, 40));
      else if (isRemote(src)) options.onSkip?.('remote-image', src);
      else {
        const resolved = options.resolveImage?.(src) ?? null;
        if (resolved === null) options.onSkip?.('missing-image', src);
        else block.segments.push({ text: alt, strong: false, em: false, code: false, image: resolved });
      }
      continue;
    }
    if (name === 'source' || name === 'track') continue;

    if (name === 'ul' || name === 'ol') {
      if (tag.closing) {
        if (lists.length) lists.pop();
        if (!lists.length) {
          endBlock();
          inItem = false;
        }
      } else {
        endBlock();
        inItem = false;
        const start = Number(tag.attrs.get('start'));
        lists.push({ ordered: name === 'ol', next: Number.isInteger(start) && start >= 0 && start < 1000 ? start : 1 });
      }
      continue;
    }
    if (name === 'li') {
      if (tag.closing) {
        endBlock();
        inItem = false;
        continue;
      }
      endBlock();
      const list = lists.at(-1);
      if (list) {
        block.kind = list.ordered ? 'ol' : 'ul';
        block.number = list.next;
        list.next += 1;
      } else {
        block.kind = 'ul';
      }
      inItem = true;
      continue;
    }
    if (name === 'pre') {
      paragraphBreak();
      pre = tag.closing ? Math.max(0, pre - 1) : pre + 1;
      continue;
    }
    if (BLOCK_TAGS.has(name)) {
      paragraphBreak();
      continue;
    }
    if (name === 'td' || name === 'th') {
      if (!tag.closing) addText(' ');
      continue;
    }

    const style = (tag.attrs.get('style') ?? '').toLowerCase();
    const makesStrong = STRONG_TAGS.has(name) || /font-weight\s*:\s*(bold|bolder|[6-9]00)/.test(style);
    const makesEm = EM_TAGS.has(name) || /font-style\s*:\s*(italic|oblique)/.test(style);
    const makesCode = CODE_TAGS.has(name);
    if (tag.closing) {
      // Close the nearest open tag of that name and everything opened after it.
      const at = inline.map((t) => t.name).lastIndexOf(name);
      if (at === -1) continue;
      for (const undone of inline.splice(at)) {
        if (undone.strong) strong -= 1;
        if (undone.em) em -= 1;
        if (undone.code) code -= 1;
      }
      continue;
    }
    if (tag.selfClosing || VOID_TAGS.has(name)) continue;
    inline.push({ name, strong: makesStrong, em: makesEm, code: makesCode });
    if (makesStrong) strong += 1;
    if (makesEm) em += 1;
    if (makesCode) code += 1;
  }
  endBlock();
  return serialize(blocks);
}

/** Where the element opened just before `from` ends (after its closing tag), counting nested ones. */
function skipElement(html: string, from: number, name: string): number {
  const lower = html.toLowerCase();
  if (RAW_TEXT.has(name)) {
    const close = lower.indexOf(`</${name}`, from);
    if (close === -1) return html.length;
    const gt = html.indexOf('>', close);
    return gt === -1 ? html.length : gt + 1;
  }
  let depth = 1;
  let i = from;
  const pattern = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  while (depth > 0) {
    pattern.lastIndex = i;
    const m = pattern.exec(lower);
    if (!m) return html.length;
    const gt = html.indexOf('>', m.index);
    if (gt === -1) return html.length;
    const selfClosing = html[gt - 1] === '/';
    if (m[1]) depth -= 1;
    else if (!selfClosing) depth += 1;
    i = gt + 1;
  }
  return i;
}

/**
 * Escapes the characters lib/markdown.ts reads as markup, and the "!" of a "![": a field's text
 * that reads like an image reference must not show a stored image (only an <img> the package
 * holds becomes one).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*`_]|!(?=\[)/g, (c) => `\\${c}`);
}

/** Characters a media name may not carry inside `(media:…)`, and "%" so the name decodes back. */
export function encodeMediaName(name: string): string {
  return encodeURIComponent(name).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

type Piece = string | { delim: '*' | '**'; pair: number; open: boolean };

/** Writes the blocks as Markdown (see the module comment for which emphasis survives). */
function serialize(blocks: Block[]): string {
  const out: string[] = [];
  let previous: Block | null = null;
  for (const block of blocks) {
    const text = renderInline(block.segments);
    if (!text) continue;
    const line = block.kind === 'ul' ? `- ${text}` : block.kind === 'ol' ? `${block.number}. ${text}` : text;
    if (previous) {
      const sameList = previous.kind !== 'p' && previous.kind === block.kind;
      out.push(sameList ? '\n' : '\n\n');
    }
    out.push(line);
    previous = block;
  }
  return out.join('');
}

function renderInline(raw: Segment[]): string {
  // Merge neighbours of the same style and collapse spaces across segment boundaries.
  const segments: Segment[] = [];
  for (const s of raw) {
    const last = segments.at(-1);
    let text = s.text;
    const lastEndsInSpace = last ? last.text.endsWith(' ') && !last.image : true;
    if (!s.image && lastEndsInSpace && !s.code) text = text.replace(/^ +/, '');
    if (!s.image && !text) continue;
    if (last && !last.image && !s.image && last.strong === s.strong && last.em === s.em && last.code === s.code) {
      last.text += text;
    } else {
      segments.push({ ...s, text });
    }
  }
  const lastSegment = segments.at(-1);
  if (lastSegment && !lastSegment.image) lastSegment.text = lastSegment.text.replace(/ +$/, '');
  while (segments.length && !segments.at(-1)!.image && !segments.at(-1)!.text) segments.pop();

  const pieces: Piece[] = [];
  let pairs = 0;
  const plain = (s: Segment): string => {
    if (s.image) return `![${s.text.replace(/[[\]()\\*`_]/g, '')}](media:${s.image})`;
    if (s.code && s.text.trim() && !s.text.includes('`')) return `\`${s.text}\``;
    return escapeMarkdown(s.text);
  };
  /** Emits `inner` wrapped in `delim`, with its outer spaces moved outside the delimiters. */
  const wrap = (delim: '*' | '**', inner: Piece[]) => {
    const lead = takeSpace(inner, 'start');
    const trail = takeSpace(inner, 'end');
    if (lead) pieces.push(lead);
    if (inner.some((p) => typeof p !== 'string' || p.length > 0)) {
      const pair = pairs++;
      pieces.push({ delim, pair, open: true }, ...inner, { delim, pair, open: false });
    }
    if (trail) pieces.push(trail);
  };
  let i = 0;
  while (i < segments.length) {
    const s = segments[i]!;
    if (s.strong) {
      const group: Segment[] = [];
      while (i < segments.length && segments[i]!.strong) group.push(segments[i++]!);
      const inner: Piece[] = [];
      let j = 0;
      while (j < group.length) {
        if (group[j]!.em && !group[j]!.image) {
          const run: Piece[] = [];
          const pair = pairs++;
          while (j < group.length && group[j]!.em && !group[j]!.image) run.push(plain(group[j++]!));
          const lead = takeSpace(run, 'start');
          const trail = takeSpace(run, 'end');
          if (lead) inner.push(lead);
          inner.push({ delim: '*', pair, open: true }, ...run, { delim: '*', pair, open: false });
          if (trail) inner.push(trail);
        } else {
          inner.push(plain(group[j++]!));
        }
      }
      wrap('**', inner);
    } else if (s.em && !s.image) {
      const run: Piece[] = [];
      while (i < segments.length && segments[i]!.em && !segments[i]!.strong && !segments[i]!.image) run.push(plain(segments[i++]!));
      wrap('*', run);
    } else {
      pieces.push(plain(s));
      i += 1;
    }
  }
  return joinPieces(pieces);
}

/** Removes the spaces at one end of a run of pieces and returns them. */
function takeSpace(run: Piece[], end: 'start' | 'end'): string {
  const index = end === 'start' ? 0 : run.length - 1;
  const piece = run[index];
  if (typeof piece !== 'string') return '';
  const match = end === 'start' ? /^ +/.exec(piece) : / +$/.exec(piece);
  if (!match) return '';
  run[index] = end === 'start' ? piece.slice(match[0].length) : piece.slice(0, piece.length - match[0].length);
  return match[0];
}

/**
 * Joins the pieces, keeping a pair of delimiters only where lib/markdown.ts would read it back
 * as emphasis: "*" needs no letter or digit outside it, no delimiter right next to it, and no
 * space just inside it; "**" needs no space just inside it.
 */
function joinPieces(pieces: Piece[]): string {
  const dropped = new Set<number>();
  const charBefore = (index: number): string | undefined => {
    for (let k = index - 1; k >= 0; k -= 1) {
      const p = pieces[k]!;
      if (typeof p !== 'string') {
        if (dropped.has(p.pair)) continue;
        return '*';
      }
      if (p.length) return p.at(-1);
    }
    return undefined;
  };
  const charAfter = (index: number): string | undefined => {
    for (let k = index + 1; k < pieces.length; k += 1) {
      const p = pieces[k]!;
      if (typeof p !== 'string') {
        if (dropped.has(p.pair)) continue;
        return '*';
      }
      if (p.length) return p[0];
    }
    return undefined;
  };
  // Strong pairs first: an em pair's validity depends on which strong delimiters stay.
  for (const delim of ['**', '*'] as const) {
    const opens = new Map<number, number>();
    pieces.forEach((p, index) => {
      if (typeof p === 'string' || p.delim !== delim) return;
      if (p.open) {
        opens.set(p.pair, index);
        return;
      }
      const open = opens.get(p.pair)!;
      const first = charAfter(open);
      const last = charBefore(index);
      let ok = first !== undefined && last !== undefined && first !== ' ' && last !== ' ' && open + 1 < index;
      if (ok && delim === '*') {
        const before = charBefore(open);
        const after = charAfter(index);
        ok = first !== '*' && last !== '*' && before !== '*' && after !== '*' && !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
      }
      if (!ok) dropped.add(p.pair);
    });
  }
  return pieces.map((p) => (typeof p === 'string' ? p : dropped.has(p.pair) ? '' : p.delim)).join('');
}
