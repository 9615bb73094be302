/**
 * A deliberately small Markdown subset for card text: paragraphs, "- " lists, **strong**,
 * *emphasis* and `code`. It returns a tree, never HTML, so no deck source can inject markup:
 * the renderer turns the tree into React elements and every string is escaped by React.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'code'; text: string };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; items: Inline[][] };

const INLINE = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*\s][^*]*\*)/;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  for (const part of text.split(INLINE)) {
    if (!part) continue;
    if (part.length > 2 && part.startsWith('`') && part.endsWith('`')) out.push({ kind: 'code', text: part.slice(1, -1) });
    else if (part.length > 4 && part.startsWith('**') && part.endsWith('**')) out.push({ kind: 'strong', children: parseInline(part.slice(2, -2)) });
    else if (part.length > 2 && part.startsWith('*') && part.endsWith('*')) out.push({ kind: 'em', children: parseInline(part.slice(1, -1)) });
    else out.push({ kind: 'text', text: part });
  }
  return out;
}

/** @example parseMarkdown('Two **domains**:\n- one\n- two') */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: Inline[][] | null = null;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', items: list });
    paragraph = [];
    list = null;
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    const item = /^[-*]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (item) {
      if (paragraph.length) {
        blocks.push({ kind: 'paragraph', children: parseInline(paragraph.join(' ')) });
        paragraph = [];
      }
      (list ??= []).push(parseInline(item[1]!));
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}
