/**
 * Anki's card templates, rendered to HTML the way Anki renders them, so an imported card shows
 * what it showed in Anki (the HTML is then turned into Markdown by html-to-markdown.ts).
 *
 * Supported: {{Field}}, {{#Field}}…{{/Field}} and {{^Field}}…{{/Field}} (a field counts as empty
 * when it holds only whitespace, <br> and <div>, Anki's rule), the special fields {{FrontSide}},
 * {{Tags}}, {{Type}}, {{Deck}}, {{Subdeck}}, {{Card}}, {{CardFlag}}, and for cloze note types
 * {{#c1}}-style sections. Filters run right to left, as in Anki: text: (strip HTML), hint: (the
 * text, shown: there is no "show hint" button), cloze:, cloze-only:, type: (dropped on the
 * question; on the answer side a plain {{type:Field}} shows the expected answer, as Anki does,
 * so a "type in the answer" card does not arrive with an empty back), furigana:/kana:/kanji:,
 * and tts: (dropped). Unknown filters pass the text through; unknown fields render empty.
 *
 * Cloze: card n shows its own deletions as "[...]" (or "[hint]") on the question and in bold on
 * the answer; the other deletions show their text. Nested deletions are handled.
 */

export interface TemplateContext {
  /** Field name → HTML. */
  fields: ReadonlyMap<string, string>;
  tags: readonly string[];
  noteTypeName: string;
  /** Full deck name, "A::B". */
  deckName: string;
  /** The template's name ("Card 1"). */
  cardName: string;
  flag: number;
  /** For a cloze note type: the card's cloze number (ord + 1). */
  cloze?: number;
}

export type Side = 'question' | 'answer';

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'field'; name: string; filters: string[] }
  | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

/** Parses a template into a tree; an unmatched {{/X}} is ignored and an unclosed section runs to the end. */
export function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  const tag = /\{\{([\s\S]*?)\}\}/g;
  let last = 0;
  for (let m = tag.exec(template); m; m = tag.exec(template)) {
    const current = stack.at(-1)!.children;
    if (m.index > last) current.push({ kind: 'text', text: template.slice(last, m.index) });
    last = m.index + m[0].length;
    const inner = m[1]!.trim();
    const sigil = inner[0];
    if (sigil === '#' || sigil === '^') {
      const section: Node = { kind: 'section', name: inner.slice(1).trim(), inverted: sigil === '^', children: [] };
      current.push(section);
      stack.push({ name: section.name, children: section.children });
    } else if (sigil === '/') {
      const name = inner.slice(1).trim();
      const at = stack.map((s) => s.name).lastIndexOf(name);
      if (at > 0) stack.length = at;
    } else if (sigil === '!' || sigil === '=') {
      // A comment or a delimiter change: Anki users never need them, and they render as nothing.
    } else {
      const parts = inner.split(':');
      const name = parts.pop()!.trim();
      current.push({ kind: 'field', name, filters: parts.map((p) => p.trim()) });
    }
  }
  if (last < template.length) stack.at(-1)!.children.push({ kind: 'text', text: template.slice(last) });
  return root;
}

/** Anki's emptiness test for a field in a {{#…}} section: only whitespace, <br> and <div>. */
export function fieldIsEmpty(html: string): boolean {
  return /^(?:\s|&nbsp;|<\/?(?:br|div)\s*\/?>)*$/i.test(html);
}

/** Renders one side. `frontSide` is the rendered question, for {{FrontSide}} on the answer. */
export function renderTemplate(template: string, context: TemplateContext, side: Side, frontSide = ''): string {
  let nodes = parsed.get(template);
  if (!nodes) {
    // A collection has a handful of templates and thousands of cards: parse each template once.
    if (parsed.size > 1000) parsed.clear();
    nodes = parseTemplate(template);
    parsed.set(template, nodes);
  }
  return renderNodes(nodes, context, side, frontSide);
}

const parsed = new Map<string, Node[]>();

function renderNodes(nodes: Node[], context: TemplateContext, side: Side, frontSide: string): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'section') {
      const present = !fieldIsEmpty(specialOrField(node.name, context, frontSide) ?? '');
      if (present !== node.inverted) out += renderNodes(node.children, context, side, frontSide);
    } else out += renderField(node.name, node.filters, context, side, frontSide);
  }
  return out;
}

/** The raw value of a field or special field; undefined when the note has no such field. */
function specialOrField(name: string, context: TemplateContext, frontSide: string): string | undefined {
  const field = context.fields.get(name);
  if (field !== undefined) return field;
  switch (name) {
    case 'FrontSide':
      return frontSide;
    case 'Tags':
      return context.tags.join(' ');
    case 'Type':
      return context.noteTypeName;
    case 'Deck':
      return context.deckName;
    case 'Subdeck':
      return context.deckName.split('::').at(-1) ?? '';
    case 'Card':
      return context.cardName;
    case 'CardFlag':
      return context.flag ? `flag${context.flag}` : '';
  }
  const cloze = /^c(\d+)$/.exec(name);
  if (cloze && context.cloze !== undefined) return Number(cloze[1]) === context.cloze ? '1' : '';
  return undefined;
}

function renderField(name: string, filters: string[], context: TemplateContext, side: Side, frontSide: string): string {
  let text = specialOrField(name, context, frontSide) ?? '';
  // Right to left: the filter next to the field name runs first.
  for (let i = filters.length - 1; i >= 0; i -= 1) {
    const filter = filters[i]!;
    switch (filter) {
      case 'text':
        text = stripHtml(text);
        break;
      case 'hint':
        break;
      case 'cloze':
        text = context.cloze === undefined ? text : renderCloze(text, context.cloze, side);
        break;
      case 'cloze-only':
        text = context.cloze === undefined ? '' : clozeAnswers(text, context.cloze).join(', ');
        break;
      case 'type':
        // Typing is not part of the app; the answer side shows what was to be typed.
        if (side === 'question' || filters.includes('cloze')) return '';
        break;
      case 'furigana':
        text = text.replace(/ ?([^ >]+?)\[(.+?)\]/g, '$1($2)');
        break;
      case 'kanji':
        text = text.replace(/ ?([^ >]+?)\[(.+?)\]/g, '$1');
        break;
      case 'kana':
        text = text.replace(/ ?([^ >]+?)\[(.+?)\]/g, '$2');
        break;
      default:
        if (filter === 'tts' || filter.startsWith('tts ')) return '';
    }
  }
  return text;
}

/** The text: filter. Script and style contents go with their tags, so their code never becomes text. */
function stripHtml(html: string): string {
  return html
    .replace(/<(script|style|template|noscript|iframe|object|svg|math|textarea|title)\b[\s\S]*?(<\/\1\s*>|$)/gi, '')
    .replace(/<!--[\s\S]*?(-->|$)/g, '')
    .replace(/<[^>]*>/g, '');
}

type ClozeNode = string | { n: number; children: ClozeNode[]; hint?: string };

/** Parses "{{c1::text::hint}}" deletions (nested ones too); text outside them is kept as is. */
export function parseCloze(text: string): ClozeNode[] {
  const root: ClozeNode[] = [];
  const stack: { children: ClozeNode[]; node?: { n: number; children: ClozeNode[]; hint?: string }; inHint: boolean }[] = [
    { children: root, inHint: false },
  ];
  let buffer = '';
  const flush = () => {
    if (!buffer) return;
    const top = stack.at(-1)!;
    if (top.inHint && top.node) top.node.hint = (top.node.hint ?? '') + buffer;
    else top.children.push(buffer);
    buffer = '';
  };
  let i = 0;
  while (i < text.length) {
    const open = /^\{\{c(\d+)::/.exec(text.slice(i, i + 16));
    if (open) {
      flush();
      const node = { n: Number(open[1]), children: [] as ClozeNode[] };
      stack.at(-1)!.children.push(node);
      stack.push({ children: node.children, node, inHint: false });
      i += open[0].length;
      continue;
    }
    if (stack.length > 1 && text.startsWith('}}', i)) {
      flush();
      stack.pop();
      i += 2;
      continue;
    }
    if (stack.length > 1 && !stack.at(-1)!.inHint && text.startsWith('::', i)) {
      flush();
      stack.at(-1)!.inHint = true;
      i += 2;
      continue;
    }
    buffer += text[i];
    i += 1;
  }
  flush();
  // An unclosed deletion is shown as the text that was written, as Anki does.
  if (stack.length > 1) return [text];
  return root;
}

/** The cloze numbers used in a text. */
export function clozeNumbers(text: string): Set<number> {
  const out = new Set<number>();
  const walk = (nodes: ClozeNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      out.add(node.n);
      walk(node.children);
    }
  };
  walk(parseCloze(text));
  return out;
}

export function renderCloze(text: string, cloze: number, side: Side): string {
  const render = (nodes: ClozeNode[]): string =>
    nodes
      .map((node) => {
        if (typeof node === 'string') return node;
        if (node.n !== cloze) return render(node.children);
        if (side === 'question') return `<b>[${node.hint?.trim() ? node.hint : '...'}]</b>`;
        return `<b>${render(node.children)}</b>`;
      })
      .join('');
  return render(parseCloze(text));
}

function clozeAnswers(text: string, cloze: number): string[] {
  const out: string[] = [];
  const plain = (nodes: ClozeNode[]): string => nodes.map((n) => (typeof n === 'string' ? n : plain(n.children))).join('');
  const walk = (nodes: ClozeNode[]) => {
    for (const node of nodes) {
      if (typeof node === 'string') continue;
      if (node.n === cloze) out.push(plain(node.children));
      else walk(node.children);
    }
  };
  walk(parseCloze(text));
  return out;
}

/** Marks where {{FrontSide}} went in a rendered answer, so the question can be cut off it. */
export const FRONT_SIDE_MARK = '\u0000front-side\u0000';

/**
 * The back of an imported card: the answer side without the question the app already shows
 * above it. Anki's answers usually start with {{FrontSide}}<hr id=answer>; that part is cut.
 */
export function answerWithoutQuestion(renderedAnswer: string): string {
  const mark = renderedAnswer.indexOf(FRONT_SIDE_MARK);
  const hr = /<hr[^>]*\bid\s*=\s*["']?answer\b["']?[^>]*>/i.exec(renderedAnswer);
  if (mark !== -1 && hr && mark < hr.index) return renderedAnswer.slice(hr.index + hr[0].length).split(FRONT_SIDE_MARK).join('');
  return renderedAnswer.split(FRONT_SIDE_MARK).join('');
}
