/**
 * Reads a backup file's text into checked values, or says in the learner's words what is wrong
 * and where. Nothing here touches storage: a file is judged whole before anything is written.
 *
 * Order of the checks: empty → JSON → ours at all → format version → checksum → every field.
 * The header, settings, decks and cards are checked with zod; the review table (hundreds of
 * thousands of rows) by a loop over the column rules in format.ts, which does the same checks
 * some fifty times faster (zod took over two seconds for 300,000 rows here).
 */
import { z } from 'zod';
import type { CardRevision, Deck, MediaFile, StudySettings, UndoneAnswer } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import { MAX_STEPS, NUMBER_RULES, type NumberRule, STEP_PATTERN } from '../settings-rules';
import { isCalendarDay } from '../study-day';
import { checksumOf, sha256Hex } from './checksum';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupCard,
  type ColumnRule,
  COUNT_MAX,
  DAY_PATTERN,
  DAYS_MAX,
  DURATION_MAX_MS,
  fromBase64,
  ID_PATTERN,
  MAX_BACKUP_BYTES,
  REVIEW_COLUMN_NAMES,
  REVIEW_COLUMNS,
  rowToReview,
  STABILITY_MAX,
  STUDIED_STABILITY_MIN,
  TIME_MAX,
  TIME_MIN,
} from './format';
import type { ReviewEntry } from '../model';
import type { Attempt } from '../practice/attempt';

export type ProblemCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'truncated'
  | 'not-a-backup'
  | 'newer-version'
  | 'checksum'
  | 'invalid'
  | 'duplicate-id'
  | 'unknown-reference'
  | 'conflict';

/** What is wrong with a file: a headline, and for field problems the places, at most a few. */
export interface BackupProblem {
  code: ProblemCode;
  message: string;
  details: string[];
}

export interface ValidBackup {
  appVersion: string;
  exportedAt: string;
  settings: StudySettings;
  settingsSavedAt: number | null;
  decks: Deck[];
  cards: BackupCard[];
  reviews: ReviewEntry[];
  practiceAttempts: Attempt[];
  media: MediaFile[];
  cardRevisions: CardRevision[];
  /** Answers taken back on another device: only what sync reads carries them (a backup file has none). */
  undone?: UndoneAnswer[];
}

export type ParseResult = { ok: true; backup: ValidBackup } | { ok: false; problem: BackupProblem };

export type ParseProgress = (done: number, total: number) => void;

const MAX_LISTED = 5;

export function problem(code: ProblemCode, message: string, details: string[] = []): BackupProblem {
  return { code, message, details };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;
}

/** Checked before the file is read at all, so a huge file costs nothing. */
export function checkSize(bytes: number): BackupProblem | null {
  if (bytes === 0) return emptyProblem();
  if (bytes > MAX_BACKUP_BYTES) {
    return problem(
      'too-large',
      `This file is ${megabytes(bytes)}, far larger than any progress backup (the limit is ${megabytes(MAX_BACKUP_BYTES)}; a year of daily study is about 80 MB). It is not a backup from this app.`,
    );
  }
  return null;
}

function emptyProblem(): BackupProblem {
  return problem('empty', 'This file is empty. Choose the .json file that "Export progress" saved.');
}

/** A value as the learner would recognise it in a message. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return 'a number too large to store';
    return String(v);
  }
  if (typeof v === 'string') return v.length > 40 ? `${JSON.stringify(v.slice(0, 40))}…` : JSON.stringify(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return 'a list';
  return 'an object';
}

function yearOf(t: number): string {
  // Date covers ±273,790 years, so the year of any finite time a file may hold is printable.
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? '' : ` (the year ${d.getUTCFullYear()})`;
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i += 1) {
    if (text.charCodeAt(i) === 10) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

function jsonProblem(text: string, error: unknown): BackupProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : null;
  const endsEarly = /end of (JSON|data)|Unterminated/i.test(message) || (position !== null && position >= text.trimEnd().length);
  if (endsEarly) {
    return problem(
      'truncated',
      'This file ends too early: it looks cut off in the middle of the data. Was the download or copy interrupted? Export the backup again and use the new file.',
    );
  }
  // JSON has no NaN or Infinity; some writers emit them anyway. Name the value and where it is.
  const nonNumber = /[:[,]\s*(-?Infinity|NaN)\s*[,\]}]/.exec(text);
  if (nonNumber) {
    const at = nonNumber.index + nonNumber[0].indexOf(nonNumber[1]!);
    return problem('not-json', `This file holds ${nonNumber[1]} at ${lineAndColumn(text, at)}, which is not a number JSON can carry, so the file cannot be read. A backup written by this app never contains it.`);
  }
  const where = position === null ? '' : ` (the first problem is at ${lineAndColumn(text, position)})`;
  return problem('not-json', `This file is not valid JSON${where}, so it is not a progress backup. Choose the .json file that "Export progress" saved.`);
}

// ---------------------------------------------------------------------------------------------
// Field rules (setting ranges come from lib/settings-rules.ts, as for the settings and exam-plan forms)

const id = z.string().regex(ID_PATTERN, 'must be an id of 1 to 200 letters, digits or . _ : / - (starting with a letter or digit)');
const time = z.int().min(TIME_MIN).max(TIME_MAX);
const stability = z.number().min(0).max(STABILITY_MAX);
const difficulty = z.number().min(0).max(10);
const days = z.number().min(0).max(DAYS_MAX);
const count = z.int().min(0).max(COUNT_MAX);
const cardState = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
const calendarDay = z.string().refine((d) => DAY_PATTERN.test(d) && isCalendarDay(d), 'must be a date written YYYY-MM-DD');
const step = z.string().regex(STEP_PATTERN, 'must be a step like 1m, 10m, 1h or 1d');
const ruled = (r: NumberRule) => (r.integer ? z.int() : z.number()).min(r.min).max(r.max);

const settingsFields: Record<keyof StudySettings, z.ZodType> = {
  desiredRetention: ruled(NUMBER_RULES.desiredRetention),
  maximumIntervalDays: ruled(NUMBER_RULES.maximumIntervalDays),
  newCardsPerDay: ruled(NUMBER_RULES.newCardsPerDay),
  reviewsPerDay: ruled(NUMBER_RULES.reviewsPerDay),
  learningSteps: z.array(step).max(MAX_STEPS),
  relearningSteps: z.array(step).max(MAX_STEPS),
  fuzz: z.boolean(),
  dayStartHour: ruled(NUMBER_RULES.dayStartHour),
  weights: z.array(z.number().min(-100).max(100)).refine((w) => [17, 19, 21].includes(w.length), 'must hold 17, 19 or 21 FSRS weights'),
  examDates: z.strictObject({ cism: calendarDay.nullable(), cissp: calendarDay.nullable() }),
  pacingBufferDays: ruled(NUMBER_RULES.pacingBufferDays),
  leechLapses: ruled(NUMBER_RULES.leechLapses),
};
// Every setting may be missing (a file from an older version): it then takes its default.
const settingsSchema = z.strictObject(Object.fromEntries(Object.entries(settingsFields).map(([k, s]) => [k, s.optional()])));

const deckFields: Record<keyof Deck, z.ZodType> = {
  id,
  name: z.string().min(1).max(500),
  description: z.string().max(5000),
  certification: z.enum(['cism', 'cissp']).optional(),
  builtin: z.boolean(),
  retired: z.boolean().optional(),
  path: z.array(z.string().min(1).max(500)).min(1).max(20).optional(),
  changedAt: time.optional(),
};

const cardFields: Record<keyof BackupCard, z.ZodType> = {
  id,
  deckId: id,
  template: z.string().max(200),
  factKey: z.string().max(500),
  front: z.string().max(50_000),
  back: z.string().max(50_000),
  choices: z.array(z.string().max(5000)).max(20).optional(),
  answerIndex: z.int().min(0).max(19).optional(),
  tags: z.array(z.string().min(1).max(200)).max(100),
  order: z.int().min(0).max(COUNT_MAX * 100),
  suspended: z.boolean(),
  retired: z.boolean(),
  rev: z.int().min(0).max(1e12),
  due: time,
  stability,
  difficulty,
  elapsedDays: days,
  scheduledDays: days,
  learningSteps: count,
  reps: count,
  lapses: count,
  state: cardState,
  lastReview: time.nullable(),
  origin: z.enum(['builtin', 'own', 'anki', 'csv']).optional(),
  originRef: z.string().max(500).optional(),
  contentRev: z.int().min(0).max(1e9).optional(),
  contentAt: time.optional(),
  flag: z.int().min(0).max(7).optional(),
  buriedUntil: time.nullable().optional(),
  marksAt: time.optional(),
};

/** A studied card's memory as FSRS leaves it: some stability, a difficulty of 1 to 10. */
function studiedMemoryProblem(m: { state: number; stability: number; difficulty: number }): string | null {
  if (m.state === 0) return null;
  if (m.stability < STUDIED_STABILITY_MIN) return `a card being studied (state ${m.state}) has a stability of at least ${STUDIED_STABILITY_MIN}; found ${m.stability}`;
  if (m.difficulty < 1) return `a card being studied (state ${m.state}) has a difficulty from 1 to 10; found ${m.difficulty}`;
  return null;
}

function studiedMemory(card: unknown, ctx: z.RefinementCtx) {
  // Runs only once every field has passed its own rule, so these are numbers in range.
  const wrong = studiedMemoryProblem(card as { state: number; stability: number; difficulty: number });
  if (wrong) ctx.addIssue({ code: 'custom', message: `is not a schedule FSRS could have made: ${wrong}`, path: ['stability'] });
}

// A practice attempt: its questions as they were asked, and the learner's responses.
const text = (max: number) => z.string().max(max);
const optionSchema = z.strictObject({ text: text(5000).min(1), conceptKey: text(300), why: text(10_000) });
const questionSchema = z
  .strictObject({
    id: text(400).min(1),
    conceptKey: text(300).min(1),
    kind: z.enum(['definition', 'scenario', 'meaning']),
    certification: z.enum(['cism', 'cissp']),
    domain: text(200),
    sub: text(200),
    label: text(500),
    cardIds: z.array(id).max(100),
    stem: text(20_000).min(1),
    options: z.array(optionSchema).min(2).max(8),
    answer: z.int().min(0).max(7),
  })
  .refine((q) => q.answer < q.options.length, { message: 'names a right option the question does not have', path: ['answer'] });
const responseSchema = z.strictObject({
  choice: z.int().min(0).max(7).nullable(),
  locked: z.boolean(),
  flagged: z.boolean(),
  timeMs: z.int().min(0).max(DURATION_MAX_MS),
  answeredAt: time.nullable(),
});
const attemptSchema = z
  .strictObject({
    id,
    mode: z.enum(['quiz', 'mock', 'adaptive']),
    certification: z.enum(['cism', 'cissp']),
    title: text(500),
    seed: text(200),
    bankVersion: text(100),
    createdAt: time,
    deadline: time.nullable(),
    feedback: z.enum(['each', 'end']),
    navigation: z.enum(['free', 'forward']),
    questions: z.array(questionSchema).min(1).max(500),
    responses: z.array(responseSchema).max(500),
    current: z.int().min(0).max(499),
    shownAt: time,
    status: z.enum(['active', 'finished']),
    finishedAt: time.nullable(),
    endReason: z.enum(['submitted', 'time', 'confident-pass', 'confident-fail', 'last-question']).nullable(),
    updatedAt: time,
  })
  .superRefine((a, ctx) => {
    if (a.responses.length !== a.questions.length)
      ctx.addIssue({ code: 'custom', message: `holds ${a.responses.length} responses for ${a.questions.length} questions`, path: ['responses'] });
    if (a.current >= a.questions.length) ctx.addIssue({ code: 'custom', message: 'points past the last question', path: ['current'] });
    a.responses.forEach((r, i) => {
      const q = a.questions[i];
      if (q && r.choice !== null && r.choice >= q.options.length)
        ctx.addIssue({ code: 'custom', message: `chooses an option question ${i + 1} does not have`, path: ['responses', i, 'choice'] });
    });
    if ((a.status === 'finished') !== (a.finishedAt !== null))
      ctx.addIssue({ code: 'custom', message: 'must be set exactly when the attempt is finished', path: ['finishedAt'] });
  });

const contentSchema = z.strictObject({
  app: z.string().max(100),
  appVersion: z.string().max(50),
  schemaVersion: z.int().min(1).max(100_000),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: settingsSchema,
  settingsSavedAt: time.nullable(),
  fsrsParameters: z.array(z.number().min(-100).max(100)).max(50),
  decks: z.array(z.strictObject(deckFields)).max(10_000),
  cards: z.array(z.strictObject(cardFields).superRefine(studiedMemory)).max(500_000),
  reviewColumns: z.array(z.string()),
  // Rows are checked below, column by column (zod would spend seconds on 300,000 rows).
  reviews: z.array(z.unknown()).max(5_000_000),
  // Absent in format 1 files.
  practiceAttempts: z.array(attemptSchema).max(100_000).optional(),
  cardRevisions: z
    .array(
      z.strictObject({
        id: z.string().max(300),
        cardId: id,
        contentRev: z.int().min(0).max(1e9),
        deckId: id,
        front: z.string().max(50_000),
        back: z.string().max(50_000),
        choices: z.array(z.string().max(5000)).max(20).optional(),
        answerIndex: z.int().min(0).max(19).optional(),
        tags: z.array(z.string().min(1).max(200)).max(100),
        replacedAt: time,
      }).refine((r) => r.id === `${r.cardId}:${r.contentRev}`, { message: 'must be the card id and the revision number joined by ":"', path: ['id'] }),
    )
    .max(1_000_000)
    .optional(),
  media: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9%._~-]{1,300}$/, 'must be a stored image name (letters, digits and % . _ ~ -)'),
        mime: z.enum(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp']),
        base64: z.string().max(90_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
      }),
    )
    .max(100_000)
    .optional(),
});

const fileSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(BACKUP_FORMAT_VERSION)]),
  checksum: z.string().regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" followed by 64 hexadecimal digits'),
  content: z.unknown(),
});

// ---------------------------------------------------------------------------------------------
// Messages

type Path = readonly PropertyKey[];

function valueAt(root: unknown, path: Path): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key as string)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key as string];
  }
  return v;
}

/** `content.cards[12] (card "abc")` › `stability`: where a value sits, with the id of its record. */
export function placeOf(root: unknown, path: Path): string {
  let text = '';
  for (let i = 0; i < path.length; i += 1) {
    const key = path[i]!;
    if (typeof key === 'number') {
      text += `[${key}]`;
      const record = valueAt(root, path.slice(0, i + 1));
      const recordId = record && typeof record === 'object' && !Array.isArray(record) ? (record as { id?: unknown }).id : undefined;
      if (typeof recordId === 'string') text += ` (id ${describe(recordId)})`;
    } else text += `${text ? '.' : ''}${String(key)}`;
  }
  return text || 'the file';
}

function issueText(root: unknown, issue: z.core.$ZodIssue): string {
  const found = valueAt(root, issue.path);
  const place = placeOf(root, issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${place} has ${issue.keys.length === 1 ? 'a field' : 'fields'} this app does not know: ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}.`;
    case 'invalid_type':
      if (found === undefined) return `${place} is missing.`;
      if (typeof found === 'number' && !Number.isFinite(found)) return `${place} holds a number too large to store (a JSON number such as 1e999 reads as infinity).`;
      if (issue.expected === 'int') return `${place} must be a whole number; found ${describe(found)}.`;
      return `${place} must be ${article(issue.expected)}; found ${describe(found)}.`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return `${place} must not be empty.`;
      if (issue.origin === 'array' || issue.origin === 'string') return `${place} is too short (at least ${issue.minimum}).`;
      return `${place} must be at least ${issue.minimum}; found ${describe(found)}${rangeHint(issue.minimum, found)}.`;
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') return `${place} is too long (at most ${issue.maximum.toLocaleString('en')}).`;
      return `${place} must be at most ${issue.maximum}; found ${describe(found)}${rangeHint(issue.maximum, found)}.`;
    case 'invalid_value':
      return `${place} must be ${issue.values.map((v) => describe(v)).join(' or ')}; found ${describe(found)}.`;
    case 'invalid_union':
      return `${place} has a value this app does not accept: ${describe(found)}.`;
    case 'invalid_format':
      return `${place} is not a date and time in ISO 8601 form; found ${describe(found)}.`;
    case 'custom':
      return `${place} ${issue.message}.`;
    default:
      return `${place} ${issue.message}; found ${describe(found)}.`;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = { number: 'a number', string: 'text', boolean: 'true or false', array: 'a list', object: 'an object' };
  return names[expected] ?? expected;
}

/** For a time out of range, the year it stands for (a date in the year 30000 is easier to spot). */
function rangeHint(limit: unknown, found: unknown): string {
  return typeof limit === 'number' && typeof found === 'number' && Number.isFinite(found) && Math.abs(limit) >= TIME_MIN ? yearOf(found) : '';
}

function invalid(root: unknown, issues: readonly z.core.$ZodIssue[]): BackupProblem {
  const details = issues.slice(0, MAX_LISTED).map((i) => issueText(root, i));
  if (issues.length > MAX_LISTED) details.push(`…and ${issues.length - MAX_LISTED} more.`);
  return problem('invalid', `This backup has ${issues.length === 1 ? 'a value' : 'values'} this app cannot accept, so nothing was imported.`, details);
}

// ---------------------------------------------------------------------------------------------
// The review table

function cellProblem(rule: ColumnRule, v: unknown): string | null {
  switch (rule.kind) {
    case 'id':
      return typeof v === 'string' && ID_PATTERN.test(v) ? null : 'must be an id of 1 to 200 letters, digits or . _ : / - (starting with a letter or digit)';
    case 'day':
      return typeof v === 'string' && DAY_PATTERN.test(v) && isCalendarDay(v) && v >= '2000' && v < '2300' ? null : 'must be a study day written YYYY-MM-DD, between 2000 and 2299';
    case 'time':
      if (v === null && rule.nullable) return null;
      return Number.isInteger(v) && (v as number) >= TIME_MIN && (v as number) <= TIME_MAX
        ? null
        : `must be a time in milliseconds between 2000-01-01 and 2300-01-01${rule.nullable ? ', or null' : ''}`;
    case 'int':
      return Number.isInteger(v) && (v as number) >= rule.min && (v as number) <= rule.max
        ? null
        : `must be ${rule.label ?? `a whole number from ${rule.min} to ${rule.max.toLocaleString('en')}`}`;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && v >= rule.min && v <= rule.max ? null : `must be a number from ${rule.min} to ${rule.max.toLocaleString('en')}`;
  }
}

const BEFORE_STATE = REVIEW_COLUMN_NAMES.indexOf('before.state');
const BEFORE_STABILITY = REVIEW_COLUMN_NAMES.indexOf('before.stability');
const BEFORE_DIFFICULTY = REVIEW_COLUMN_NAMES.indexOf('before.difficulty');

interface CheckedRows {
  problems: string[];
  reviews: ReviewEntry[];
}

/**
 * Checks every row of the review table and turns the good ones into answers, in one pass.
 * This is the hot loop of a restore (300,000 rows × 23 cells): the rules are read into locals
 * once, a study day already found valid is not parsed again, and the words of a message are
 * only put together for a row that has a problem.
 */
function checkReviewRows(rows: readonly unknown[], onProgress?: ParseProgress): CheckedRows {
  const problems: string[] = [];
  const reviews: ReviewEntry[] = [];
  const columns = REVIEW_COLUMNS;
  const width = columns.length;
  const rules: ColumnRule[] = columns.map((c) => c.rule);
  const goodDays = new Set<string>();
  const toReview = rowToReview;
  const rowIdOf = (row: readonly unknown[]) => (typeof row[0] === 'string' ? ` (id ${describe(row[0])})` : '');
  for (let r = 0; r < rows.length && problems.length <= MAX_LISTED; r += 1) {
    const row = rows[r];
    if (!Array.isArray(row)) {
      problems.push(`content.reviews[${r}] must be a list of ${width} values, one per column in reviewColumns; found ${describe(row)}.`);
      continue;
    }
    if (row.length !== width) {
      problems.push(`content.reviews[${r}]${rowIdOf(row)} has ${row.length} values; each review row has ${width}, one per column in reviewColumns.`);
      continue;
    }
    let rowOk = true;
    for (let c = 0; c < width; c += 1) {
      const rule = rules[c]!;
      const v: unknown = row[c];
      if (rule.kind === 'day' && typeof v === 'string' && goodDays.has(v)) continue;
      const wrong = cellProblem(rule, v);
      if (wrong) {
        rowOk = false;
        const year = rule.kind === 'time' && typeof v === 'number' ? yearOf(v) : '';
        problems.push(`content.reviews[${r}]${rowIdOf(row)}, column "${columns[c]!.name}": ${wrong}; found ${describe(v)}${year}.`);
      } else if (rule.kind === 'day') goodDays.add(v as string);
    }
    if (!rowOk) continue;
    const wrong = studiedMemoryProblem({ state: row[BEFORE_STATE] as number, stability: row[BEFORE_STABILITY] as number, difficulty: row[BEFORE_DIFFICULTY] as number });
    if (wrong) problems.push(`content.reviews[${r}]${rowIdOf(row)}, columns "before.*": not a schedule FSRS could have made: ${wrong}.`);
    else if (!problems.length) reviews.push(toReview(row));
    if (onProgress && r % 20_000 === 0) onProgress(r, rows.length);
  }
  return { problems, reviews };
}

function duplicates<T extends { id: string }>(items: readonly T[], what: string, where: string): string[] {
  const seen = new Set<string>();
  const found: string[] = [];
  items.forEach((item, i) => {
    if (!seen.has(item.id)) seen.add(item.id);
    else if (found.length < MAX_LISTED) {
      const first = items.findIndex((x) => x.id === item.id);
      found.push(`${where}[${first}] and ${where}[${i}] are the same ${what} (id ${describe(item.id)}); each may appear once.`);
    }
  });
  return found;
}

/**
 * The checksum covers `JSON.stringify(content)`. A file as the app wrote it holds exactly that
 * text after `"content":`, so hashing that slice saves serialising a large file again (half a
 * second at 300,000 answers); a re-indented file is checked the slow way. Either way the value
 * that passes is the one imported: if the slice hashes right, it is the exporter's text, and it
 * is what JSON.parse read as `content` (the last "content" key wins, and nothing follows it).
 *
 * The slice's hash is started before the text is parsed: Web Crypto hashes on another thread,
 * so the two overlap. Given the file's bytes, it hashes them as they are; only a string (tests,
 * tools) has to be encoded first, which takes longer than the hash itself for a large file.
 */
function hashContentSlice(input: string | Uint8Array<ArrayBuffer>): Promise<string | null> {
  let slice: Uint8Array<ArrayBuffer> | null;
  if (typeof input === 'string') {
    const start = input.indexOf(CONTENT_KEY);
    const end = input.lastIndexOf('}');
    slice = start >= 0 && end > start ? new TextEncoder().encode(input.slice(start + CONTENT_KEY.length, end)) : null;
  } else {
    // Every byte of the key and of "}" is below 0x80, which UTF-8 never uses inside a longer
    // character, so searching the bytes finds exactly what searching the text would.
    const start = indexOfBytes(input, CONTENT_KEY_BYTES);
    const end = input.lastIndexOf(CLOSING_BRACE);
    slice = start >= 0 && end > start ? input.subarray(start + CONTENT_KEY_BYTES.length, end) : null;
  }
  if (!slice) return Promise.resolve(null);
  return sha256Hex(slice).then((hex) => `sha256:${hex}`, () => null);
}

const CONTENT_KEY = '"content":';
const CONTENT_KEY_BYTES = new TextEncoder().encode(CONTENT_KEY);
const CLOSING_BRACE = '}'.charCodeAt(0);

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  for (let i = haystack.indexOf(needle[0]!); i >= 0 && i + needle.length <= haystack.length; i = haystack.indexOf(needle[0]!, i + 1)) {
    let k = 1;
    while (k < needle.length && haystack[i + k] === needle[k]) k += 1;
    if (k === needle.length) return i;
  }
  return -1;
}

async function checksumMatches(sliceHash: Promise<string | null>, content: unknown, expected: string): Promise<boolean> {
  if ((await sliceHash) === expected) return true;
  return (await checksumOf(content)) === expected;
}

// ---------------------------------------------------------------------------------------------

/**
 * Checks a backup file (its bytes, or its text) from top to bottom. Returns the backup's values,
 * or the first kind of problem found with up to five places where it occurs.
 * @example const r = await parseBackup(text); if (!r.ok) show(r.problem.message)
 */
export async function parseBackup(input: string | Uint8Array<ArrayBuffer>, onProgress?: ParseProgress): Promise<ParseResult> {
  // Decoding replaces bytes that are not UTF-8 with U+FFFD and drops a byte-order mark, as File.text() does.
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  if (text.trim() === '') return { ok: false, problem: emptyProblem() };
  const sliceHash = hashContentSlice(input);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    return { ok: false, problem: jsonProblem(text, e) };
  }

  const format = root && typeof root === 'object' && !Array.isArray(root) ? (root as { format?: unknown }).format : undefined;
  if (format !== BACKUP_FORMAT) {
    const what = format === undefined ? 'has no "format" field' : `says its format is ${describe(format)}`;
    return {
      ok: false,
      problem: problem('not-a-backup', `This JSON file is not a progress backup from this app: it ${what}, where a backup says "${BACKUP_FORMAT}". It may come from another app.`),
    };
  }
  const version = (root as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && Number.isInteger(version) && version > BACKUP_FORMAT_VERSION) {
    return {
      ok: false,
      problem: problem(
        'newer-version',
        `This backup was written by a newer version of the app (backup format ${version}); this version reads format ${BACKUP_FORMAT_VERSION}. Reload the app while online to update it, then import the file again.`,
      ),
    };
  }
  const header = fileSchema.safeParse(root);
  if (!header.success) return { ok: false, problem: invalid(root, header.error.issues) };

  if (!(await checksumMatches(sliceHash, header.data.content, header.data.checksum))) {
    return {
      ok: false,
      problem: problem('checksum', 'This backup was changed or damaged after it was exported: its checksum does not match its content. Use an unmodified copy of the file.'),
    };
  }

  return checkContent(header.data.content, root, onProgress);
}

/**
 * Checks a backup's `content` (every field, the review rows, duplicate ids) and returns its values.
 * Sync checks each document it receives with this too: a document holds a piece of a backup.
 * `root` is what the messages' places are counted from (the whole file, or a sync document).
 */
export function checkContent(rawContent: unknown, root: unknown = { content: rawContent }, onProgress?: ParseProgress): ParseResult {
  const content = contentSchema.safeParse(rawContent);
  if (!content.success) {
    const issues = content.error.issues.map((i) => ({ ...i, path: ['content', ...i.path] }));
    return { ok: false, problem: invalid(root, issues) };
  }
  const c = content.data;
  if (c.reviewColumns.length !== REVIEW_COLUMN_NAMES.length || c.reviewColumns.some((n, i) => n !== REVIEW_COLUMN_NAMES[i])) {
    return {
      ok: false,
      problem: problem('invalid', 'This backup\'s review table has columns this app does not know.', [
        `content.reviewColumns must be ${REVIEW_COLUMN_NAMES.map((n) => JSON.stringify(n)).join(', ')}.`,
      ]),
    };
  }
  const { problems: rowProblems, reviews } = checkReviewRows(c.reviews, onProgress);
  if (rowProblems.length) {
    const details = rowProblems.slice(0, MAX_LISTED);
    if (rowProblems.length > MAX_LISTED) details.push('…and possibly more.');
    return { ok: false, problem: problem('invalid', 'This backup has review rows this app cannot accept, so nothing was imported.', details) };
  }
  onProgress?.(reviews.length, reviews.length);

  const decks = c.decks as Deck[];
  const cards = c.cards as BackupCard[];
  const practiceAttempts = (c.practiceAttempts ?? []) as Attempt[];
  const dupes = [
    ...duplicates(practiceAttempts, 'practice attempt', 'content.practiceAttempts'),
    ...duplicates((c.media ?? []).map((m) => ({ id: m.name })), 'image', 'content.media'),
    ...duplicates(decks, 'deck', 'content.decks'),
    ...duplicates(cards, 'card', 'content.cards'),
    ...duplicates(reviews, 'review', 'content.reviews'),
  ];
  if (dupes.length) {
    return { ok: false, problem: problem('duplicate-id', 'This backup lists the same thing twice, so it cannot be trusted and nothing was imported.', dupes.slice(0, MAX_LISTED)) };
  }

  return {
    ok: true,
    backup: {
      appVersion: c.appVersion,
      exportedAt: c.exportedAt,
      settings: { ...DEFAULT_SETTINGS, ...(c.settings as Partial<StudySettings>) },
      settingsSavedAt: c.settingsSavedAt,
      decks,
      cards,
      reviews,
      practiceAttempts,
      media: (c.media ?? []).map((m) => ({ name: m.name, mime: m.mime, bytes: fromBase64(m.base64) })),
      cardRevisions: (c.cardRevisions ?? []) as CardRevision[],
    },
  };
}
