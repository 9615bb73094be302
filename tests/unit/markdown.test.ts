import { expect, it } from 'vitest';
import { parseMarkdown } from '@/lib/markdown';

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
