/**
 * One fixture file per case (tests/fixtures/csv/), one test each: read as the import screen
 * reads a chosen file (bytes → text → rows → draft), with the defaults it would show.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildCsvDraft,
  cardKey,
  columnCount,
  type CsvDraftResult,
  decodeCsv,
  guessHeader,
  guessMapping,
  type ParsedCsv,
  parseCsv,
  plainTextToMarkdown,
} from '@/lib/import/csv-cards';

const FIXTURES = join(import.meta.dirname, '../../../fixtures/csv');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

function read(name: string): ParsedCsv {
  const decoded = decodeCsv(bytes(name));
  if (!decoded.ok) throw new Error(decoded.message);
  return parseCsv(decoded.text, { fileName: name });
}

/** The draft with the guessed header and mapping, as first shown. */
function draftOf(name: string, existing: string[][] = []): { parsed: ParsedCsv; result: CsvDraftResult } {
  const parsed = read(name);
  const hasHeader = guessHeader(parsed.rows);
  const mapping = guessMapping(columnCount(parsed), hasHeader ? parsed.rows[0]!.fields : null);
  const existingKeys = new Set(existing.map(([f, b]) => cardKey(f!, b!)));
  return { parsed, result: buildCsvDraft(parsed, { fileName: name, hasHeader, mapping, existingKeys }) };
}

const fronts = (r: CsvDraftResult) => r.draft.cards.map((c) => c.front);

describe('CSV fixtures', () => {
  it('bom.csv: a UTF-8 byte-order mark is dropped, CRLF lines read, the header found', () => {
    const { parsed, result } = draftOf('bom.csv');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows[0]).toEqual({ line: 1, fields: ['Front', 'Back'] });
    expect(result.draft.cards.map((c) => [c.front, c.back, c.origin])).toEqual([
      ['What is RTO?', 'Recovery time objective', { kind: 'csv', fileName: 'bom.csv', line: 2 }],
      ['What is RPO?', 'Recovery point objective', { kind: 'csv', fileName: 'bom.csv', line: 3 }],
    ]);
    expect(result.draft.decks).toEqual([{ key: 'bom', path: ['bom'] }]);
    expect(result.blocking).toEqual([]);
  });

  it('semicolon.csv: semicolons detected although cells hold commas; Question/Answer/Tags mapped; tags split on spaces and commas', () => {
    const { parsed, result } = draftOf('semicolon.csv');
    expect(parsed.delimiter).toBe(';');
    expect(guessMapping(3, parsed.rows[0]!.fields)).toEqual({ front: 0, back: 1, tags: 2 });
    expect(result.draft.cards.map((c) => [c.front, c.back, c.tags])).toEqual([
      ['Annualised loss expectancy, in words', 'SLE × ARO', ['risk', 'quantitative']],
      ['What does SLE stand for?', 'Single loss expectancy', ['risk', 'terms']],
    ]);
  });

  it('tabs.tsv: tabs detected; the Deck column gives deck paths, an empty cell the deck named after the file', () => {
    const { parsed, result } = draftOf('tabs.tsv');
    expect(parsed.delimiter).toBe('\t');
    expect(result.draft.decks).toEqual([
      { key: 'CISSP::Domain 3', path: ['CISSP', 'Domain 3'] },
      { key: 'CISM', path: ['CISM'] },
      { key: 'tabs', path: ['tabs'] },
    ]);
    expect(result.draft.cards.map((c) => c.deckKey)).toEqual(['CISSP::Domain 3', 'CISM', 'tabs']);
  });

  it('quoted-newline.csv: line breaks inside quotes stay in the cell (each line kept), and the next row starts on its own line', () => {
    const { parsed, result } = draftOf('quoted-newline.csv');
    expect(parsed.rows.map((r) => r.line)).toEqual([1, 2, 6]);
    expect(parsed.rows[1]!.fields).toEqual(['Name the three\nstates of data', 'At rest\r\nIn transit\nIn use']);
    expect(result.draft.cards[0]).toMatchObject({ front: 'Name the three\n\nstates of data', back: 'At rest\n\nIn transit\n\nIn use', origin: { line: 2 } });
    expect(result.draft.cards[1]).toMatchObject({ front: 'What is DLP?', origin: { line: 6 } });
  });

  it('doubled-quotes.csv: "" inside a quoted field is one quote', () => {
    const { result } = draftOf('doubled-quotes.csv');
    expect(result.draft.cards.map((c) => [c.front, c.back])).toEqual([
      ['The "CIA" triad', 'Confidentiality, integrity, availability'],
      ['Say "no" to "yes"', '"'],
    ]);
  });

  it('unterminated-quote.csv: refused, naming the line where the quote opened', () => {
    const { parsed, result } = draftOf('unterminated-quote.csv');
    expect(parsed.problems).toEqual([
      { line: 3, message: 'Line 3: a quoted field opened here is never closed, so everything after it would be one cell. Add the closing quote (") and choose the file again.' },
    ]);
    expect(result.blocking).toEqual([parsed.problems[0]!.message]);
  });

  it('ragged-row.csv: rows with fewer or more fields than the header are left out and listed by line', () => {
    const { result } = draftOf('ragged-row.csv');
    expect(result.rowProblems).toEqual([
      { line: 3, message: 'Line 3: 2 fields where the header has 3, so the row is left out. A cell holding the delimiter needs quotes around it.' },
      { line: 4, message: 'Line 4: 4 fields where the header has 3, so the row is left out. A cell holding the delimiter needs quotes around it.' },
    ]);
    expect(result.draft.cards.map((c) => c.origin)).toMatchObject([{ line: 2 }, { line: 5 }]);
    expect(result.draft.skipped).toEqual(['2 rows with problems left out (lines 3, 4).']);
    expect(result.blocking).toEqual([]);
  });

  it('formula-cell.csv: formula-looking cells are warnings naming line and column; their text is kept literally', () => {
    const { result } = draftOf('formula-cell.csv');
    expect(result.formulaCells.map((f) => f.message)).toEqual([
      'Line 2, column 2 (Back): "=SUM(A1:A3)" looks like a spreadsheet formula. It is imported as this text, never calculated.',
      `Line 3, column 2 (Back): "+cmd|' /C calc'!A0" looks like a spreadsheet formula. It is imported as this text, never calculated.`,
      'Line 4, column 1 (Front): "@HYPERLINK("http://example.com")" looks like a spreadsheet formula. It is imported as this text, never calculated.',
    ]);
    expect(result.draft.cards.map((c) => c.back)).toEqual(['=SUM(A1:A3)', `+cmd|' /C calc'!A0`, 'click', '-5', '+1 for that']);
    // "- item" stays text, not a list.
    expect(result.draft.cards[3]!.front).toBe(plainTextToMarkdown('- item'));
    expect(result.blocking).toEqual([]);
  });

  it('binary.png: refused as not text', () => {
    expect(decodeCsv(bytes('binary.png'))).toEqual({
      ok: false,
      message: 'This file is not text: it contains NUL bytes (the first at byte 9), as a spreadsheet, a picture or a zip does. Choose a CSV or TSV file saved as UTF-8 text.',
    });
  });

  it('latin1.csv: refused as not UTF-8, naming the line', () => {
    const decoded = decodeCsv(bytes('latin1.csv'));
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.message).toMatch(/^This file is not UTF-8 text: line 2 has bytes that are not valid UTF-8 \(at byte 15\).*"CSV UTF-8"/);
  });

  it('empty.csv: refused as empty', () => {
    expect(decodeCsv(bytes('empty.csv'))).toEqual({ ok: false, message: 'This file is empty: there are no rows to import.' });
  });

  it('duplicates.csv: rows matching a stored card, and repeats inside the file, are listed and left out', () => {
    const { result } = draftOf('duplicates.csv', [['what is RTO?', 'Recovery  time objective']]);
    expect(result.duplicates).toEqual([
      { line: 2, sameAsLine: null, message: 'Line 2: the same front and back as a card you already have.' },
      { line: 4, sameAsLine: 3, message: 'Line 4: the same front and back as line 3.' },
    ]);
    expect(result.draft.cards.map((c) => c.origin)).toMatchObject([{ line: 3 }, { line: 5 }]);
    expect(result.draft.skipped).toEqual(['2 duplicates left out (lines 2, 4).']);
  });

  it('no-header.csv: no header guessed, so every row is a card; with "first row is a header" on, the first row names the columns', () => {
    const parsed = read('no-header.csv');
    expect(guessHeader(parsed.rows)).toBe(false);
    const mapping = guessMapping(columnCount(parsed), null);
    expect(mapping).toEqual({ front: 0, back: 1 });
    const base = { fileName: 'no-header.csv', mapping, existingKeys: new Set<string>() };
    const off = buildCsvDraft(parsed, { ...base, hasHeader: false });
    expect(off.draft.cards.map((c) => [c.front, c.origin])).toEqual([
      ['What is MTD?', { kind: 'csv', fileName: 'no-header.csv', line: 1 }],
      ['What is WRT?', { kind: 'csv', fileName: 'no-header.csv', line: 2 }],
    ]);
    const on = buildCsvDraft(parsed, { ...base, hasHeader: true });
    expect(on.draft.cards.map((c) => c.front)).toEqual(['What is WRT?']);
    expect(fronts(on)).toHaveLength(1);
  });
});
