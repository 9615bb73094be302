/**
 * CSV / TSV import: bytes → text → rows (RFC 4180, with each row's starting line) → an
 * ImportDraft for a chosen column mapping. Pure: no DOM, no storage, no clock. Every problem is
 * reported in the learner's words with its line; nothing is dropped silently.
 *
 * The steps, each usable on its own by the import screen:
 * - `csvSizeProblem(bytes)` before reading a file, `decodeCsv(bytes)` for the text;
 * - `parseCsv(text, delimiter?)` for the rows (delimiter detected from the first lines unless given);
 * - `guessHeader(rows)`, `guessMapping(columns, header)` for the defaults shown;
 * - `buildCsvDraft(parsed, options)` for the cards, the duplicates, the rows left out and the
 *   formula-looking cells, re-run whenever the mapping changes.
 */
import { cardKey } from './card-key';
import { plural } from '../words';
import type { DraftCard, DraftDeck, ImportDraft } from './draft';

/**
 * The duplicate key of a card, computed on its text as stored (the app's Markdown): the same
 * function lib/db/import-draft uses for the keys of stored cards, so the two always agree.
 */
export { cardKey };

export type CsvDelimiter = ',' | ';' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
export const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The largest file read at all (50 MB). */
export const MAX_CSV_BYTES = 50 * 1024 * 1024;
/** The most rows one import reads (a header row included). */
export const MAX_CSV_ROWS = 100_000;

/** One record of the file, with the line it starts on (1-based; a quoted line break moves the next row down). */
export interface CsvRow {
  line: number;
  fields: string[];
}

/** A problem with one line, or (line null) with the whole file. */
export interface CsvProblem {
  line: number | null;
  message: string;
}

export interface ParsedCsv {
  delimiter: CsvDelimiter;
  /** Records that are not blank lines, in file order. */
  rows: CsvRow[];
  /** Problems with the whole file (an unterminated quote, too many rows): each one blocks the import. */
  problems: CsvProblem[];
}

/** Column indexes (0-based) for each part of a card; tags and deck are optional. */
export interface ColumnMapping {
  front: number;
  back: number;
  tags?: number;
  deck?: number;
}

export interface FormulaCell {
  line: number;
  /** 1-based, as a spreadsheet user counts. */
  column: number;
  text: string;
  message: string;
}

export interface CsvDuplicate {
  line: number;
  /** The earlier line of the same file holding this card; null when the card is already stored. */
  sameAsLine: number | null;
  message: string;
}

export interface CsvDraftOptions {
  fileName: string;
  hasHeader: boolean;
  mapping: ColumnMapping;
  /** cardKey(front, back) of every stored card (lib/db/import-draft loadCardKeys). */
  existingKeys: ReadonlySet<string>;
}

export interface CsvDraftResult {
  draft: ImportDraft;
  /** Rows left out because their card is already stored or appears earlier in the file. */
  duplicates: CsvDuplicate[];
  /** Rows left out because something is wrong with them (a ragged row, an empty front). */
  rowProblems: CsvProblem[];
  /** Cells of imported rows that look like spreadsheet formulas: the learner confirms before importing. */
  formulaCells: FormulaCell[];
  /** Why the import cannot go ahead (file problems, a mapping that makes no sense, nothing to add); empty when it can. */
  blocking: string[];
}

const n = (count: number) => count.toLocaleString('en');

// ---------------------------------------------------------------------------------------------
// Bytes → text
// ---------------------------------------------------------------------------------------------

/** Refuses a file over the size limit before it is read; null when the size is fine. */
export function csvSizeProblem(byteLength: number): string | null {
  if (byteLength <= MAX_CSV_BYTES) return null;
  const mb = (byteLength / (1024 * 1024)).toLocaleString('en', { maximumFractionDigits: 1 });
  return `This file is ${mb} MB, over the limit of 50 MB for one import. Split it into smaller files and import them one by one.`;
}

/** Where the first byte that is not valid UTF-8 starts; -1 when all are valid. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let extra: number;
    let min: number;
    if (b < 0x80) {
      i += 1;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [extra, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [extra, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [extra, min] = [3, 0x10000];
    else return i;
    let code = b & (0x3f >> extra);
    for (let k = 1; k <= extra; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

const SAVE_AS_UTF8 = 'Save it from your spreadsheet as "CSV UTF-8" (or as UTF-8 text) and choose it again.';

/**
 * The file's text (a UTF-8 byte-order mark dropped), or why it is not a CSV/TSV file this app reads:
 * empty, too large, not text (NUL bytes), UTF-16, or not valid UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; message: string } {
  const tooLarge = csvSizeProblem(bytes.length);
  if (tooLarge) return { ok: false, message: tooLarge };
  if (bytes.length === 0) return { ok: false, message: 'This file is empty: there are no rows to import.' };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: `This file is UTF-16 text ("Unicode text"), which this import does not read. ${SAVE_AS_UTF8}` };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      message: `This file is not text: it contains NUL bytes (the first at byte ${n(nul + 1)}), as a spreadsheet, a picture or a zip does. Choose a CSV or TSV file saved as UTF-8 text.`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    return {
      ok: false,
      message: `This file is not UTF-8 text: line ${n(lineAt(bytes, at))} has bytes that are not valid UTF-8 (at byte ${n(at + 1)}), perhaps because it was saved in another encoding. ${SAVE_AS_UTF8}`,
    };
  }
  if (!text.trim()) return { ok: false, message: 'This file is empty: it holds only blank lines, so there are no rows to import.' };
  return { ok: true, text };
}

// ---------------------------------------------------------------------------------------------
// Text → rows
// ---------------------------------------------------------------------------------------------

const QUOTE = 34;
const SPACE = 32;
const LF = 10;
const CR = 13;

interface RawParse {
  rows: CsvRow[];
  /** Line where a quoted field that never closes opened. */
  unterminatedAt: number | null;
  /** More records than `maxRecords`: parsing stopped. */
  truncated: boolean;
}

/**
 * RFC 4180 records, read leniently: a quote inside an unquoted field, or text after a closing
 * quote, is kept as written; spaces before an opening quote are dropped.
 */
function parseRecords(text: string, delimiter: CsvDelimiter, maxRecords: number): RawParse {
  const d = delimiter.charCodeAt(0);
  const len = text.length;
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let unterminatedAt: number | null = null;

  /** Index of the next delimiter or line break from `from`, or the end. */
  const plainEnd = (from: number) => {
    let j = from;
    while (j < len) {
      const c = text.charCodeAt(j);
      if (c === d || c === LF || c === CR) break;
      j += 1;
    }
    return j;
  };
  /** Line breaks between from and to (CRLF, LF and a lone CR each count once). */
  const breaks = (from: number, to: number) => {
    let count = 0;
    for (let j = from; j < to; j += 1) {
      const c = text.charCodeAt(j);
      if (c === LF || (c === CR && text.charCodeAt(j + 1) !== LF)) count += 1;
    }
    return count;
  };

  while (i < len) {
    if (rows.length >= maxRecords) return { rows, unterminatedAt, truncated: true };
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value: string;
      // Hand-written files often put a space after the delimiter: ` "a, b"` is still a quoted field.
      let lead = i;
      while (text.charCodeAt(lead) === SPACE) lead += 1;
      if (lead > i && text.charCodeAt(lead) === QUOTE) i = lead;
      if (text.charCodeAt(i) === QUOTE) {
        const openLine = line;
        let from = i + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1) {
            value += text.slice(from);
            line += breaks(from, len);
            i = len;
            unterminatedAt = openLine;
            break;
          }
          line += breaks(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += text.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += text.slice(from, q);
          i = q + 1;
          break;
        }
        if (unterminatedAt !== null) {
          fields.push(value);
          break;
        }
        const end = plainEnd(i);
        value += text.slice(i, end);
        i = end;
      } else {
        const end = plainEnd(i);
        value = text.slice(i, end);
        i = end;
      }
      fields.push(value);
      if (i < len && text.charCodeAt(i) === d) {
        i += 1;
        if (i >= len) {
          fields.push('');
          break;
        }
        continue;
      }
      // A line break or the end of the text ends the record.
      if (i < len) {
        if (text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF) i += 2;
        else i += 1;
        line += 1;
      }
      break;
    }
    const blank = fields.length === 1 && fields[0] === '';
    if (!blank) rows.push({ line: startLine, fields });
    if (unterminatedAt !== null) break;
  }
  return { rows, unterminatedAt, truncated: false };
}

/**
 * The delimiter of the first lines: the one that splits them into the same number (two or more)
 * of fields most consistently; comma when none does (a one-column file).
 */
export function detectDelimiter(text: string, fileName = ''): CsvDelimiter {
  const sample = text.slice(0, 64 * 1024);
  // Ties go to the first: the file's extension, else the character rarest in ordinary text.
  const order: CsvDelimiter[] = /\.csv$/i.test(fileName) ? [',', ';', '\t'] : ['\t', ';', ','];
  let best: CsvDelimiter = order[0]!;
  let bestScore = 0;
  for (const delimiter of order) {
    const { rows } = parseRecords(sample, delimiter, 20);
    // The last sampled row may be cut off by the sample's end.
    const counted = rows.length > 1 && sample.length < text.length ? rows.slice(0, -1) : rows;
    const first = counted[0]?.fields.length ?? 0;
    if (first < 2) continue;
    const same = counted.filter((r) => r.fields.length === first).length;
    const score = (same / counted.length) * 1000 + Math.min(first, 999);
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return bestScore > 0 ? best : ',';
}

/** The rows of a CSV/TSV text, with problems that block the import (never thrown). */
export function parseCsv(text: string, options: { delimiter?: CsvDelimiter; fileName?: string } = {}): ParsedCsv {
  const delimiter = options.delimiter ?? detectDelimiter(text, options.fileName);
  const { rows, unterminatedAt, truncated } = parseRecords(text, delimiter, MAX_CSV_ROWS);
  const problems: CsvProblem[] = [];
  if (truncated) {
    problems.push({
      line: null,
      message: `This file has more than ${n(MAX_CSV_ROWS)} rows, the limit for one import. Split it into smaller files and import them one by one.`,
    });
  }
  if (unterminatedAt !== null) {
    problems.push({
      line: unterminatedAt,
      message: `Line ${n(unterminatedAt)}: a quoted field opened here is never closed, so everything after it would be one cell. Add the closing quote (") and choose the file again.`,
    });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: null, message: 'This file is empty: there are no rows to import.' });
  return { delimiter, rows, problems };
}

// ---------------------------------------------------------------------------------------------
// Header and mapping defaults
// ---------------------------------------------------------------------------------------------

const NAMES: Record<keyof ColumnMapping, string[]> = {
  front: ['front', 'question', 'prompt', 'term', 'q'],
  back: ['back', 'answer', 'definition', 'response', 'a'],
  tags: ['tags', 'tag', 'labels', 'keywords'],
  deck: ['deck', 'decks', 'deck name', 'deckname'],
};
const normalName = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
const findColumn = (header: string[], part: keyof ColumnMapping) => {
  const names = NAMES[part];
  const i = header.findIndex((h) => names.includes(normalName(h)));
  return i === -1 ? undefined : i;
};

/** Whether the first row names the columns: true when one of its cells is a known column name (Front, Question, Back, Answer, Tags, Deck). */
export function guessHeader(rows: readonly CsvRow[]): boolean {
  const first = rows[0]?.fields ?? [];
  return (Object.keys(NAMES) as (keyof ColumnMapping)[]).some((part) => findColumn(first, part) !== undefined);
}

/** Defaults from the header's names; without them front is column 1 and back column 2, tags and deck unmapped. */
export function guessMapping(columnCount: number, header: readonly string[] | null): ColumnMapping {
  const names = header ? [...header] : [];
  const front = findColumn(names, 'front');
  const back = findColumn(names, 'back');
  const mapping: ColumnMapping = { front: front ?? 0, back: back ?? (front === 0 || front === undefined ? 1 : 0) };
  if (mapping.back >= columnCount) mapping.back = mapping.front === 0 && columnCount > 1 ? 1 : 0;
  const tags = findColumn(names, 'tags');
  const deck = findColumn(names, 'deck');
  if (tags !== undefined && tags !== mapping.front && tags !== mapping.back) mapping.tags = tags;
  if (deck !== undefined && deck !== mapping.front && deck !== mapping.back) mapping.deck = deck;
  return mapping;
}

/** The column count rows are held to: the header's, or the first row's. */
export const columnCount = (parsed: ParsedCsv) => parsed.rows[0]?.fields.length ?? 0;

/** The first `count` data rows (after the header when there is one), for the preview table. */
export function csvPreview(parsed: ParsedCsv, hasHeader: boolean, count = 5): CsvRow[] {
  return parsed.rows.slice(hasHeader ? 1 : 0, (hasHeader ? 1 : 0) + count);
}

// ---------------------------------------------------------------------------------------------
// Cell text → card parts
// ---------------------------------------------------------------------------------------------

/**
 * U+2060 WORD JOINER: invisible, not whitespace. After a "-" or "1." at a line's start it keeps the
 * line from becoming a list; between "!" and "[" it keeps the text from naming an image.
 */
const JOINER = '\u2060';
const NEEDS_MARKDOWN_WORK = /[\\*`_\r\n]|!\[|^\s|\s$|^(?:-|\d{1,3}[.)])\s/;

/**
 * Plain text as the app's Markdown subset (lib/markdown.ts), shown exactly as written: \ * ` _
 * are backslash-escaped, "![" never starts an image, a line that would start a list keeps its
 * marker as text, and each line break is kept (each line its own paragraph, since the subset
 * joins a paragraph's lines).
 */
export function plainTextToMarkdown(text: string): string {
  // Most cells are one plain line: returned as they are (this runs for every cell on every mapping change).
  if (!NEEDS_MARKDOWN_WORK.test(text)) return text;
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line
        .replace(/[\\*`_]/g, '\\$&')
        .replaceAll('![', `!${JOINER}[`)
        .replace(/^-(?=\s)/, `-${JOINER}`)
        .replace(/^(\d{1,3}[.)])(?=\s)/, `$1${JOINER}`),
    )
    .join('\n\n');
}

/** Tags from a cell: split on spaces and commas, each once. */
export function splitTags(cell: string): string[] {
  return [...new Set(cell.split(/[\s,]+/).filter((t) => t !== ''))];
}

/** A deck cell as a path: "CISSP::Domain 1" → ["CISSP", "Domain 1"]; [] for an empty cell. */
export function deckPath(cell: string): string[] {
  return cell
    .split('::')
    .map((part) => part.trim().replace(/\s+/g, ' '))
    .filter((part) => part !== '');
}

/** The deck named after the file: "cissp-notes.csv" → "cissp-notes". */
export function deckNameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.(csv|tsv|tab|txt)$/i, '').trim();
  return base || 'Imported cards';
}

/**
 * A cell a spreadsheet would calculate: "=" then a formula, or "+", "-", "@" directly followed by a
 * function call, a cell or sheet reference, a DDE call (cmd|…), arithmetic or a bracket.
 * "- item", "-5", "+1 for that" and "@alice" are text.
 */
const SIGNED_FORMULA = /^[+\-@](?:[A-Za-z_][\w.]*\s*\(|\$?[A-Za-z]{1,3}\$?\d+\b|[A-Za-z_][\w.]*[!|]|'[^']*'!|[\d.]+\s*[-+*/^&]\s*\S|\()/;
export const looksLikeFormula = (cell: string) => /^=[^\s=]/.test(cell) || SIGNED_FORMULA.test(cell);

// ---------------------------------------------------------------------------------------------
// Rows → draft
// ---------------------------------------------------------------------------------------------

const PART_NAMES: Record<keyof ColumnMapping, string> = { front: 'Front', back: 'Back', tags: 'Tags', deck: 'Deck' };

function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const out: string[] = [];
  for (const part of ['front', 'back', 'tags', 'deck'] as const) {
    const col = mapping[part];
    if (col !== undefined && (!Number.isInteger(col) || col < 0 || col >= columns)) {
      out.push(`${PART_NAMES[part]} is mapped to column ${n(col + 1)}, but the file has ${plural(columns, 'column')}.`);
    }
  }
  const used = new Map<number, string>();
  for (const part of ['front', 'back', 'tags', 'deck'] as const) {
    const col = mapping[part];
    if (col === undefined) continue;
    const other = used.get(col);
    if (other) out.push(`${other} and ${PART_NAMES[part]} both use column ${n(col + 1)}: choose a different column for one of them.`);
    else used.set(col, PART_NAMES[part]);
  }
  return out;
}

/** Cards for a mapping, with every row that is left out listed by line and why. */
export function buildCsvDraft(parsed: ParsedCsv, options: CsvDraftOptions): CsvDraftResult {
  const { fileName, hasHeader, mapping, existingKeys } = options;
  const columns = columnCount(parsed);
  const header = hasHeader ? parsed.rows[0] : undefined;
  const headerName = (col: number, open = ' (', close = ')') => {
    const name = header?.fields[col]?.trim();
    return name ? `${open}${name}${close}` : '';
  };
  const blocking = parsed.problems.map((p) => p.message);
  const mapProblems = mappingProblems(mapping, columns);
  blocking.push(...mapProblems);

  const fileDeck = deckNameFromFile(fileName);
  const decks = new Map<string, DraftDeck>();
  const cards: DraftCard[] = [];
  const duplicates: CsvDuplicate[] = [];
  const rowProblems: CsvProblem[] = [];
  const formulaCells: FormulaCell[] = [];
  const seen = new Map<string, number>();
  const mapped = [...new Set([mapping.front, mapping.back, mapping.tags, mapping.deck].filter((c): c is number => c !== undefined))].sort((a, b) => a - b);

  const dataRows = mapProblems.length ? [] : parsed.rows.slice(hasHeader ? 1 : 0);
  const against = hasHeader ? 'the header has' : 'the first row has';
  for (const row of dataRows) {
    const { line, fields } = row;
    if (fields.every((f) => f.trim() === '')) continue;
    if (fields.length !== columns) {
      rowProblems.push({
        line,
        message: `Line ${n(line)}: ${plural(fields.length, 'field')} where ${against} ${n(columns)}, so the row is left out. A cell holding the delimiter needs quotes around it.`,
      });
      continue;
    }
    const frontText = fields[mapping.front] ?? '';
    const backText = fields[mapping.back] ?? '';
    if (frontText.trim() === '') {
      rowProblems.push({ line, message: `Line ${n(line)}: the front (column ${n(mapping.front + 1)}${headerName(mapping.front, ', "', '"')}) is empty, so the row is left out.` });
      continue;
    }
    const front = plainTextToMarkdown(frontText);
    const back = plainTextToMarkdown(backText);
    // Keyed on the Markdown, as stored cards are, so a second import of the same file finds them.
    const key = cardKey(front, back);
    if (existingKeys.has(key)) {
      duplicates.push({ line, sameAsLine: null, message: `Line ${n(line)}: the same front and back as a card you already have.` });
      continue;
    }
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      duplicates.push({ line, sameAsLine: earlier, message: `Line ${n(line)}: the same front and back as line ${n(earlier)}.` });
      continue;
    }
    seen.set(key, line);

    for (const col of mapped) {
      const cell = (fields[col] ?? '').trim();
      if (!looksLikeFormula(cell)) continue;
      const shown = cell.length > 60 ? `${cell.slice(0, 57)}…` : cell;
      formulaCells.push({
        line,
        column: col + 1,
        text: cell,
        message: `Line ${n(line)}, column ${n(col + 1)}${headerName(col)}: "${shown}" looks like a spreadsheet formula. It is imported as this text, never calculated.`,
      });
    }

    const path = mapping.deck !== undefined ? deckPath(fields[mapping.deck] ?? '') : [];
    const deck = path.length ? path : [fileDeck];
    const deckKey = deck.join('::');
    if (!decks.has(deckKey)) decks.set(deckKey, { key: deckKey, path: deck });
    cards.push({
      deckKey,
      front,
      back,
      tags: mapping.tags !== undefined ? splitTags(fields[mapping.tags] ?? '') : [],
      origin: { kind: 'csv', fileName, line },
      suspended: false,
      buried: false,
      flag: 0,
      answers: [],
    });
  }

  if (blocking.length === 0 && cards.length === 0) {
    blocking.push(
      duplicates.length || rowProblems.length
        ? 'There are no new cards to add: every row is a duplicate or has a problem.'
        : `There are no cards to add: the file has no rows${hasHeader ? ' after the header' : ''}.`,
    );
  }

  const skipped: string[] = [];
  const lines = (list: { line: number | null }[]) => {
    const shown = list.slice(0, 20).map((x) => n(x.line ?? 0));
    return `${list.length === 1 ? 'line' : 'lines'} ${shown.join(', ')}${list.length > 20 ? ', …' : ''}`;
  };
  if (duplicates.length) skipped.push(`${plural(duplicates.length, 'duplicate')} left out (${lines(duplicates)}).`);
  if (rowProblems.length) skipped.push(`${plural(rowProblems.length, 'row')} with problems left out (${lines(rowProblems)}).`);

  return {
    draft: { kind: 'csv', fileName, decks: [...decks.values()], cards, media: [], skipped },
    duplicates,
    rowProblems,
    formulaCells,
    blocking,
  };
}
