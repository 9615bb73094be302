import { describe, expect, it } from 'vitest';
import { csvPreview, csvSizeProblem, decodeCsv, detectDelimiter, MAX_CSV_BYTES, MAX_CSV_ROWS, parseCsv } from '@/lib/import/csv-cards';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseCsv', () => {
  it('reads RFC 4180: quoted delimiters, doubled quotes, CRLF, a trailing empty field, no final newline', () => {
    const { rows, problems } = parseCsv('a,"b,c","say ""hi"""\r\nd,,\r\ne,f,g', { delimiter: ',' });
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b,c', 'say "hi"'] },
      { line: 2, fields: ['d', '', ''] },
      { line: 3, fields: ['e', 'f', 'g'] },
    ]);
  });

  it('keeps the starting line of each row across quoted line breaks and skips blank lines', () => {
    const { rows } = parseCsv('h1,h2\n\n"x\ny\nz",1\n\r\nlast,2\n', { delimiter: ',' });
    expect(rows.map((r) => r.line)).toEqual([1, 3, 7]);
  });

  it('keeps a stray quote inside an unquoted cell, and text after a closing quote, as written', () => {
    expect(parseCsv('15" screen,"a"b\n', { delimiter: ',' }).rows[0]!.fields).toEqual(['15" screen', 'ab']);
  });

  it('reads a quoted field after spaces, as hand-written files have it', () => {
    expect(parseCsv('a, "b, c",  d\n', { delimiter: ',' }).rows[0]!.fields).toEqual(['a', 'b, c', '  d']);
  });

  it('reads a lone CR (old Mac files) as a line break', () => {
    expect(parseCsv('a,b\rc,d', { delimiter: ',' }).rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it('honours a delimiter given by the learner over the detected one', () => {
    const text = 'a;b,c\nd;e,f\n';
    expect(parseCsv(text, { fileName: 'x.csv' }).delimiter).toBe(',');
    expect(parseCsv(text, { fileName: 'x.csv', delimiter: ';' }).rows[0]!.fields).toEqual(['a', 'b,c']);
  });

  it('refuses more than 100,000 rows, naming the limit', () => {
    const text = 'Front,Back\n' + 'q,a\n'.repeat(MAX_CSV_ROWS);
    expect(parseCsv(text).problems).toEqual([
      { line: null, message: 'This file has more than 100,000 rows, the limit for one import. Split it into smaller files and import them one by one.' },
    ]);
    expect(parseCsv('q,a\n'.repeat(MAX_CSV_ROWS)).problems).toEqual([]);
  });

  it('says a file of blank lines is empty', () => {
    expect(decodeCsv(utf8('\n\r\n  \n'))).toEqual({ ok: false, message: 'This file is empty: it holds only blank lines, so there are no rows to import.' });
    expect(decodeCsv(utf8('\ufeff'))).toMatchObject({ ok: false });
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter that splits the first lines consistently', () => {
    expect(detectDelimiter('a,b\nc,d\n')).toBe(',');
    expect(detectDelimiter('a;b;c\nd, e;f;g\n')).toBe(';');
    expect(detectDelimiter('a\tb, c\nd\te, f\n')).toBe('\t');
    expect(detectDelimiter('one column\nonly\n')).toBe(',');
  });

  it('breaks a tie by the file extension, else by the character rarer in text (tab, then semicolon)', () => {
    expect(detectDelimiter('a\tb,c\nd\te,f\n', 'cards.csv')).toBe(',');
    expect(detectDelimiter('a\tb,c\nd\te,f\n', 'cards.tsv')).toBe('\t');
    expect(detectDelimiter('a;b,c\nd;e,f\n', 'cards.txt')).toBe(';');
  });
});

describe('file limits and encodings', () => {
  it('refuses over 50 MB before reading, naming the limit', () => {
    expect(csvSizeProblem(MAX_CSV_BYTES)).toBeNull();
    expect(csvSizeProblem(60 * 1024 * 1024)).toBe('This file is 60 MB, over the limit of 50 MB for one import. Split it into smaller files and import them one by one.');
  });

  it('refuses UTF-16 text with a way out', () => {
    const decoded = decodeCsv(new Uint8Array([0xff, 0xfe, 0x61, 0x00]));
    expect(decoded).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is UTF-16 text.*"CSV UTF-8"/) as unknown as string });
  });

  it('reads UTF-8 with and without a byte-order mark alike', () => {
    expect(decodeCsv(utf8('\ufeffé,ü'))).toEqual({ ok: true, text: 'é,ü' });
    expect(decodeCsv(utf8('é,ü'))).toEqual({ ok: true, text: 'é,ü' });
  });
});

it('csvPreview gives the first data rows, after the header when there is one', () => {
  const parsed = parseCsv('h\n1\n2\n3\n', { delimiter: ',' });
  expect(csvPreview(parsed, true, 2).map((r) => r.fields[0])).toEqual(['1', '2']);
  expect(csvPreview(parsed, false, 2).map((r) => r.fields[0])).toEqual(['h', '1']);
});
