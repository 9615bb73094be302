/**
 * The progress backup file, format version 2 (documented for people in docs/backup-format.md).
 *
 *   { "format": "cism-cissp-study-backup", "formatVersion": 2, "checksum": "sha256:…", "content": {…} }
 *
 * `format` and `formatVersion` sit outside `content` so a file from another app or a newer
 * version is recognised before anything else is read. The checksum is the SHA-256 of
 * `JSON.stringify(content)`, so re-indenting the file keeps it valid while any changed value
 * does not. The review log is a table (a header of column names, then one array per answer):
 * a year of answers is hundreds of thousands of rows, and repeating 23 key names in each row
 * would double the file and the time to read it.
 */
import type { CardRevision, Deck, MemoryState, ReviewEntry, StudyCard, StudySettings } from '../model';
import type { Attempt } from '../practice/attempt';
import { NUMBER_FIELDS, type PackColumns, type PackedDay } from '../review-pack';

export const BACKUP_FORMAT = 'cism-cissp-study-backup';
/** 2 added `practiceAttempts`; files of version 1 are still read (they have no practice). */
export const BACKUP_FORMAT_VERSION = 2;

/** Far above any real backup (300,000 answers take about 80 MB), far below what would hurt. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;

/** A card as the backup stores it: the stored card without the derived index fields. */
export type BackupCard = Omit<StudyCard, 'queue' | 'rank'>;

export interface BackupContent {
  app: string;
  appVersion: string;
  /** The database schema version of the app that wrote the file (for people; not needed to read it). */
  schemaVersion: number;
  /** ISO 8601, UTC. */
  exportedAt: string;
  settings: StudySettings;
  /** When the learner last saved these settings (epoch ms), or null if they never changed them. */
  settingsSavedAt: number | null;
  /** The FSRS weights in effect (the library defaults unless the settings carry their own). */
  fsrsParameters: number[];
  decks: Deck[];
  cards: BackupCard[];
  reviewColumns: readonly string[];
  reviews: unknown[][];
  /** Practice quizzes and mock exams, finished or in progress (lib/practice/attempt.ts). Since format 2. */
  practiceAttempts: Attempt[];
  /** Images of imported cards, their bytes in base64. Since format 2. */
  media: BackupMedia[];
  /** The earlier texts of the learner's edited cards. Since format 2. */
  cardRevisions: CardRevision[];
}

export interface BackupMedia {
  name: string;
  mime: string;
  base64: string;
}

/** Bytes as base64 and back, without Buffer (this runs in a worker too). */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  checksum: string;
  content: BackupContent;
}

/** Earliest and latest instant a stored time may hold (2000-01-01 and 2300-01-01, UTC). */
export const TIME_MIN = Date.UTC(2000, 0, 1);
export const TIME_MAX = Date.UTC(2300, 0, 1);
/** FSRS caps stability at 36,500 days; a little headroom, nothing absurd. */
export const STABILITY_MAX = 100_000;
export const DAYS_MAX = 100_000;
/** The smallest stability FSRS gives a studied card (ts-fsrs S_MIN); difficulty then lies in 1–10. */
export const STUDIED_STABILITY_MIN = 0.001;
export const COUNT_MAX = 1_000_000;
/** An answer left on screen for a week is already nonsense. */
export const DURATION_MAX_MS = 7 * 86_400_000;

/** Ids are short, printable and cannot be mistaken for object machinery such as `__proto__`. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$/;
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** How one column of the review table is checked. */
export type ColumnRule =
  | { kind: 'id' }
  | { kind: 'day' }
  | { kind: 'time'; nullable: boolean }
  | { kind: 'int'; min: number; max: number; label?: string }
  | { kind: 'number'; min: number; max: number };

const time = { kind: 'time', nullable: false } as const;
const state = { kind: 'int', min: 0, max: 3, label: '0 (new), 1 (learning), 2 (review) or 3 (relearning)' } as const;
const stability = { kind: 'number', min: 0, max: STABILITY_MAX } as const;
const difficulty = { kind: 'number', min: 0, max: 10 } as const;
const days = { kind: 'number', min: 0, max: DAYS_MAX } as const;
const count = { kind: 'int', min: 0, max: COUNT_MAX } as const;

/**
 * The review table's columns, in file order: every field of a stored ReviewEntry, with the
 * `before` snapshot flattened. The same list drives writing, reading and checking.
 */
export const REVIEW_COLUMNS = [
  { name: 'id', rule: { kind: 'id' } },
  { name: 'cardId', rule: { kind: 'id' } },
  { name: 'deckId', rule: { kind: 'id' } },
  { name: 'grade', rule: { kind: 'int', min: 1, max: 4, label: '1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)' } },
  { name: 'reviewedAt', rule: time },
  { name: 'durationMs', rule: { kind: 'int', min: 0, max: DURATION_MAX_MS } },
  { name: 'day', rule: { kind: 'day' } },
  { name: 'stateBefore', rule: state },
  { name: 'dueBefore', rule: time },
  { name: 'stabilityAfter', rule: stability },
  { name: 'difficultyAfter', rule: difficulty },
  { name: 'elapsedDays', rule: days },
  { name: 'scheduledDays', rule: days },
  { name: 'before.due', rule: time },
  { name: 'before.stability', rule: stability },
  { name: 'before.difficulty', rule: difficulty },
  { name: 'before.elapsedDays', rule: days },
  { name: 'before.scheduledDays', rule: days },
  { name: 'before.learningSteps', rule: count },
  { name: 'before.reps', rule: count },
  { name: 'before.lapses', rule: count },
  { name: 'before.state', rule: state },
  { name: 'before.lastReview', rule: { kind: 'time', nullable: true } },
] as const satisfies readonly { name: string; rule: ColumnRule }[];

export const REVIEW_COLUMN_NAMES: readonly string[] = REVIEW_COLUMNS.map((c) => c.name);

/** Compiles only when `Missing` is empty: adding a stored field fails the build until the backup carries it. */
type Complete<Missing> = [Missing] extends [never] ? true : { missing: Missing };
const REVIEW_FIELDS_COMPLETE: Complete<
  Exclude<Exclude<keyof ReviewEntry, 'before'> | `before.${keyof MemoryState}`, (typeof REVIEW_COLUMNS)[number]['name']>
> = true;
void REVIEW_FIELDS_COMPLETE;

/** One answer as a row of the review table. */
export function reviewToRow(r: ReviewEntry): unknown[] {
  const b = r.before;
  return [
    r.id, r.cardId, r.deckId, r.grade, r.reviewedAt, r.durationMs, r.day, r.stateBefore, r.dueBefore,
    r.stabilityAfter, r.difficultyAfter, r.elapsedDays, r.scheduledDays,
    b.due, b.stability, b.difficulty, b.elapsedDays, b.scheduledDays, b.learningSteps, b.reps, b.lapses, b.state, b.lastReview,
  ];
}

/**
 * The row of the answer at position `i` of a stored day pack, the same as
 * reviewToRow(unpackAt(pack, columns, i)) without building the answer first (a first sync turns
 * 300,000 of them into rows).
 */
export function packedReviewRow(pack: PackedDay, columns: PackColumns, i: number): unknown[] {
  const n = pack.numbers;
  const o = i * NUMBER_FIELDS;
  const lastReview = n[o + 18]!;
  return [
    columns.ids[i], columns.cardIds[i], columns.deckIds[i], n[o], n[o + 1], n[o + 2], pack.day, n[o + 3], n[o + 4],
    n[o + 5], n[o + 6], n[o + 7], n[o + 8],
    n[o + 9], n[o + 10], n[o + 11], n[o + 12], n[o + 13], n[o + 14], n[o + 15], n[o + 16], n[o + 17], Number.isNaN(lastReview) ? null : lastReview,
  ];
}

/** The inverse of reviewToRow, for a row that has already been checked. */
export function rowToReview(row: readonly unknown[]): ReviewEntry {
  const v = row as [
    string, string, string, ReviewEntry['grade'], number, number, string, ReviewEntry['stateBefore'], number,
    number, number, number, number,
    number, number, number, number, number, number, number, number, MemoryState['state'], number | null,
  ];
  return {
    id: v[0], cardId: v[1], deckId: v[2], grade: v[3], reviewedAt: v[4], durationMs: v[5], day: v[6],
    stateBefore: v[7], dueBefore: v[8], stabilityAfter: v[9], difficultyAfter: v[10], elapsedDays: v[11], scheduledDays: v[12],
    before: {
      due: v[13], stability: v[14], difficulty: v[15], elapsedDays: v[16], scheduledDays: v[17],
      learningSteps: v[18], reps: v[19], lapses: v[20], state: v[21], lastReview: v[22],
    },
  };
}

/** The fields of a card the backup keeps, in file order. */
export const BACKUP_CARD_KEYS = [
  'id', 'deckId', 'front', 'back', 'choices', 'answerIndex', 'template', 'factKey', 'tags', 'order', 'suspended', 'retired', 'rev',
  'state', 'due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'lastReview',
  // Since format 2 (each optional: absent means a built-in card, text revision 0, no flag, not buried).
  'origin', 'originRef', 'contentRev', 'contentAt', 'flag', 'buriedUntil',
  // Also optional, added with sync (absent: never marked).
  'marksAt',
] as const satisfies readonly (keyof BackupCard)[];
const CARD_KEYS_COMPLETE: Complete<Exclude<keyof BackupCard, (typeof BACKUP_CARD_KEYS)[number]>> = true;
void CARD_KEYS_COMPLETE;

/** The settings a backup keeps (a stored row may carry leftovers from older versions). */
export const BACKUP_SETTING_KEYS = [
  'desiredRetention', 'maximumIntervalDays', 'newCardsPerDay', 'reviewsPerDay', 'learningSteps', 'relearningSteps', 'fuzz',
  'dayStartHour', 'weights', 'examDates', 'pacingBufferDays', 'leechLapses',
] as const satisfies readonly (keyof StudySettings)[];
const SETTING_KEYS_COMPLETE: Complete<Exclude<keyof StudySettings, (typeof BACKUP_SETTING_KEYS)[number]>> = true;
void SETTING_KEYS_COMPLETE;

function pick<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}

/** The card as the backup stores it: known fields only (queue and rank are recomputed on import). */
export function cardToBackup(card: StudyCard): BackupCard {
  return pick(card, BACKUP_CARD_KEYS) as BackupCard;
}

export function settingsToBackup(settings: StudySettings): StudySettings {
  return pick(settings, BACKUP_SETTING_KEYS) as StudySettings;
}

/** The file name the browser saves: the app and the local date of the export. */
export function backupFileName(kind: 'backup' | 'review-log' | 'fsrs-optimizer', localDate: string): string {
  if (kind === 'backup') return `cism-cissp-progress-${localDate}.json`;
  return `cism-cissp-${kind}-${localDate}.csv`;
}
