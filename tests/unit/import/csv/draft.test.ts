import { describe, expect, it } from 'vitest';
import { type Inline, parseMarkdown } from '@/lib/markdown';
import { buildCsvDraft, cardKey, deckNameFromFile, deckPath, guessHeader, guessMapping, looksLikeFormula, parseCsv, plainTextToMarkdown, splitTags } from '@/lib/import/csv-cards';

/** The text a reader sees: each block's kind and its inline text (items joined by |), word joiners dropped. */
const flat = (parts: Inline[]): string => parts.map((x) => ('text' in x ? x.text : 'children' in x ? flat(x.children) : `[image ${x.name}]`)).join('');
const visible = (md: string) =>
  parseMarkdown(md).map((b) => `${b.kind}:${(b.kind === 'paragraph' ? [b.children] : b.items).map(flat).join('|').replaceAll('\u2060', '')}`);

describe('plainTextToMarkdown', () => {
  it('shows Markdown-special characters literally', () => {
    const text = 'a *b* **c** `d` \\e_f_ 5 * 3';
    expect(visible(plainTextToMarkdown(text))).toEqual([`paragraph:${text}`]);
  });

  it('keeps each line break, and lines that look like list items stay text', () => {
    expect(visible(plainTextToMarkdown('Steps:\r\n- first\n* second\n1. third\n2) fourth\n\n\nend'))).toEqual([
      'paragraph:Steps:',
      'paragraph:- first',
      'paragraph:* second',
      'paragraph:1. third',
      'paragraph:2) fourth',
      'paragraph:end',
    ]);
  });

  it('keeps HTML and image syntax as text (the renderer never makes markup, a cell never shows a stored image)', () => {
    expect(visible(plainTextToMarkdown('<b>x</b>'))).toEqual(['paragraph:<b>x</b>']);
    expect(visible(plainTextToMarkdown('see ![diagram](media:a.png)'))).toEqual(['paragraph:see ![diagram](media:a.png)']);
  });
});

describe('cardKey', () => {
  it('ignores case and surrounding and repeated whitespace', () => {
    expect(cardKey('What is  RTO?\n', ' recovery time objective')).toBe(cardKey('what is rto?', 'Recovery Time Objective'));
    expect(cardKey('a b', 'c')).not.toBe(cardKey('a', 'b c'));
  });

  it('finds a card imported from the same text again: rows are keyed on their Markdown, as stored cards are', () => {
    const parsed = parseCsv('Front,Back\n*a* - b,`c`\n', { delimiter: ',' });
    const stored = new Set([cardKey(plainTextToMarkdown('*a* - b'), plainTextToMarkdown('`c`'))]);
    const r = buildCsvDraft(parsed, { fileName: 'x.csv', hasHeader: true, mapping: { front: 0, back: 1 }, existingKeys: stored });
    expect(r.duplicates).toMatchObject([{ line: 2, sameAsLine: null }]);
  });
});

describe('cell helpers', () => {
  it('splits tags on spaces and commas, each once', () => {
    expect(splitTags(' risk, bcp  risk,,domain::1 ')).toEqual(['risk', 'bcp', 'domain::1']);
  });

  it('reads deck paths and names the default deck after the file', () => {
    expect(deckPath('CISSP:: Domain  1 ::')).toEqual(['CISSP', 'Domain 1']);
    expect(deckPath('  ')).toEqual([]);
    expect(deckNameFromFile('C:\\notes\\cissp-cards.tsv')).toBe('cissp-cards');
    expect(deckNameFromFile('.csv')).toBe('Imported cards');
  });

  it('tells formulas from text that starts with the same characters', () => {
    for (const f of ['=1+1', '=A1', '+SUM(1,2)', '-2+3+cmd|x', '@SUM(A1)', "=HYPERLINK(\"x\")", '-A1', "+'Sheet 1'!A1"]) expect(looksLikeFormula(f), f).toBe(true);
    for (const t of ['- item', '- ISO27001 controls', '-5', '+1 for that', '@alice', '= 5', '==', 'a=b', '-', '']) expect(looksLikeFormula(t), t).toBe(false);
  });
});

describe('guessHeader and guessMapping', () => {
  it('finds Front/Question, Back/Answer, Tags and Deck by name in any order', () => {
    const header = ['Deck', 'Answer', 'Notes', 'question', 'Tags'];
    expect(guessHeader([{ line: 1, fields: header }])).toBe(true);
    expect(guessMapping(5, header)).toEqual({ front: 3, back: 1, tags: 4, deck: 0 });
  });

  it('defaults to columns 1 and 2 without a header, and copes with one column', () => {
    expect(guessHeader([{ line: 1, fields: ['What is RTO?', 'Recovery time objective'] }])).toBe(false);
    expect(guessMapping(2, null)).toEqual({ front: 0, back: 1 });
    expect(guessMapping(1, null)).toEqual({ front: 0, back: 0 });
  });
});

describe('buildCsvDraft', () => {
  const parsed = parseCsv('Front,Back,Tags\nq1,a1,t\n,a2,t\nq3,,t\n', { delimiter: ',' });
  const base = { fileName: 'my cards.csv', hasHeader: true, existingKeys: new Set<string>() };

  it('lists an empty front by line and column, and keeps an empty back', () => {
    const r = buildCsvDraft(parsed, { ...base, mapping: { front: 0, back: 1, tags: 2 } });
    expect(r.rowProblems).toEqual([{ line: 3, message: 'Line 3: the front (column 1, "Front") is empty, so the row is left out.' }]);
    expect(r.draft).toMatchObject({ kind: 'csv', fileName: 'my cards.csv', media: [], decks: [{ key: 'my cards', path: ['my cards'] }] });
    expect(r.draft.cards.map((c) => [c.front, c.back, c.tags, c.suspended, c.buried, c.flag, c.answers])).toEqual([
      ['q1', 'a1', ['t'], false, false, 0, []],
      ['q3', '', ['t'], false, false, 0, []],
    ]);
  });

  it('blocks a mapping that uses one column twice or a column the file lacks', () => {
    expect(buildCsvDraft(parsed, { ...base, mapping: { front: 0, back: 0 } }).blocking).toEqual([
      'Front and Back both use column 1: choose a different column for one of them.',
    ]);
    expect(buildCsvDraft(parsed, { ...base, mapping: { front: 0, back: 5 } }).blocking).toEqual(['Back is mapped to column 6, but the file has 3 columns.']);
  });

  it('blocks when nothing is left to add', () => {
    const r = buildCsvDraft(parsed, { ...base, mapping: { front: 0, back: 1 }, existingKeys: new Set([cardKey('q1', 'a1'), cardKey('q3', '')]) });
    expect(r.draft.cards).toEqual([]);
    expect(r.blocking).toEqual(['There are no new cards to add: every row is a duplicate or has a problem.']);
  });

  it('blocks a file with only a header', () => {
    const headerOnly = parseCsv('Front,Back\n', { delimiter: ',' });
    expect(buildCsvDraft(headerOnly, { ...base, mapping: { front: 0, back: 1 } }).blocking).toEqual(['There are no cards to add: the file has no rows after the header.']);
  });
});
