import { describe, expect, it } from 'vitest';
import { mediaNamesIn, parseInline, parseMarkdown } from '@/lib/markdown';

it('parses paragraphs, lists and inline marks into a tree', () => {
  expect(parseMarkdown('CISM has **four** domains:\n- *Governance*\n- Risk `v2`\n\nEnd.')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'text', text: 'CISM has ' }, { kind: 'strong', children: [{ kind: 'text', text: 'four' }] }, { kind: 'text', text: ' domains:' }] },
    { kind: 'list', items: [[{ kind: 'em', children: [{ kind: 'text', text: 'Governance' }] }], [{ kind: 'text', text: 'Risk ' }, { kind: 'code', text: 'v2' }]] },
    { kind: 'paragraph', children: [{ kind: 'text', text: 'End.' }] },
  ]);
});

it('keeps HTML as plain text, never markup', () => {
  expect(parseMarkdown('<img src=x onerror=alert(1)>')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }] },
  ]);
});

it('leaves a lone asterisk alone', () => {
  expect(parseMarkdown('5 * 3 = 15')).toEqual([{ kind: 'paragraph', children: [{ kind: 'text', text: '5 * 3 = 15' }] }]);
});

it('keeps a numbered list as an ordered list, with its start number', () => {
  expect(parseMarkdown('Steps:\n1. Prepare\n2. Detect and analyse\n3. Contain')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'text', text: 'Steps:' }] },
    { kind: 'ordered-list', items: [[{ kind: 'text', text: 'Prepare' }], [{ kind: 'text', text: 'Detect and analyse' }], [{ kind: 'text', text: 'Contain' }]] },
  ]);
  expect(parseMarkdown('3. third\n4. fourth')).toEqual([
    { kind: 'ordered-list', start: 3, items: [[{ kind: 'text', text: 'third' }], [{ kind: 'text', text: 'fourth' }]] },
  ]);
});

it('separates a bulleted list from a numbered list that follows it', () => {
  expect(parseMarkdown('- a\n1. b').map((b) => b.kind)).toEqual(['list', 'ordered-list']);
});

it('keeps a star inside a name literal, inside and outside emphasis', () => {
  expect(parseMarkdown('*The *-property forbids writing down*')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'em', children: [{ kind: 'text', text: 'The *-property forbids writing down' }] }] },
  ]);
  expect(parseMarkdown('Bell-LaPadula: the *-property and the simple security property')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'text', text: 'Bell-LaPadula: the *-property and the simple security property' }] },
  ]);
});

it('keeps backticks and stars inside a code span as written, even inside emphasis', () => {
  expect(parseMarkdown('*the `*-property` rule*')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'em', children: [{ kind: 'text', text: 'the ' }, { kind: 'code', text: '*-property' }, { kind: 'text', text: ' rule' }] }] },
  ]);
});

it('turns escaped stars and backticks into literal characters', () => {
  expect(parseMarkdown('\\*not emphasis\\* and \\`not code\\`')).toEqual([
    { kind: 'paragraph', children: [{ kind: 'text', text: '*not emphasis* and `not code`' }] },
  ]);
});

describe('stored images', () => {
  it('names the images a text shows as the parser reads it: not escaped ones, not those in code', () => {
    expect(mediaNamesIn('\\![a](media:x.png) ![b](media:y.png) `![c](media:z.png)` **![d](media:w.png)**')).toEqual(['y.png', 'w.png']);
    expect(mediaNamesIn('\\\\![e](media:v.png)')).toEqual(['v.png']);
    expect(mediaNamesIn('no images here')).toEqual([]);
  });

  it('reads ![alt](media:name) as an image, and nothing that could load from elsewhere', () => {
    expect(parseInline('See ![a diagram](media:fig%201.png) here')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'image', alt: 'a diagram', name: 'fig%201.png' },
      { kind: 'text', text: ' here' },
    ]);
    for (const src of ['https://evil.example/x.png', 'javascript:alert(1)', 'media:../x', 'media:a b.png'])
      expect(parseInline(`![x](${src})`).some((p) => p.kind === 'image')).toBe(false);
  });
});

describe('mediaNamesIn', () => {
  it('finds the stored images a text shows, by the parser rule, and no address', () => {
    expect(mediaNamesIn('A ![x](media:a.png) and ![y](media:b%20c.jpg)\n\n![z](https://e.example/z.png) ![w](media:a b.png)')).toEqual(['a.png', 'b%20c.jpg']);
  });
});
