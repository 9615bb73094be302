/**
 * The mapping between what this app stores and the documents it replicates through CouchDB.
 *
 * Every document is written by one device only, so two devices never edit the same document and
 * CouchDB never has a conflict to settle. Its id ends with the writing device's id:
 *
 *   a:<study day>:<device>   that device's answers of one study day, and the undos of them
 *   c:<bucket>:<device>      the learner's own and imported cards, and any card the learner
 *                            suspended, flagged or buried, with their earlier texts (64 buckets)
 *   k:<device>               the learner's own and imported decks
 *   s:<device>               the settings, with the time they were saved
 *   p:<attempt>:<device>     one practice quiz or mock exam
 *   m:<image>:<device>       one image of an imported card
 *
 * A document's `content` is a piece of a progress backup (lib/backup/format.ts), checked by the
 * backup's own rules and merged by the backup's own merge (lib/backup/merge.ts): answers by id,
 * each card's schedule replayed from its merged answers, the later text and the later marks win.
 * Where two devices edited the same thing, the merge is what decides, the same way on each device.
 * Card schedules are not synced as state: the receiving device replays the answers.
 *
 * One study day per document keeps a year of answers (300,000) to a few hundred documents.
 */
import type { CardRevision, Deck, MediaFile, ReviewEntry, StudyCard, StudySettings, UndoneAnswer } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import type { Attempt } from '../practice/attempt';
import { type BackupContent, cardToBackup, ID_PATTERN, REVIEW_COLUMN_NAMES, settingsToBackup, toBase64 } from '../backup/format';
import { checkContent, type ValidBackup } from '../backup/parse';
import { differingFact, type LocalSnapshot } from '../backup/merge';
import { type CardSyncKey, fnv1a } from './card-sync-key';

/**
 * The layout of the documents; a device that meets a higher one skips those documents and says to
 * update. Layout 2 keeps the body (content and undos) as one JSON text (packDoc): a year of
 * answers is 300,000 rows of 23 values, and as one string each step of a first sync (PouchDB's
 * writes into IndexedDB, the requests, the server's storage, the same again on the receiving
 * device) copies it instead of walking millions of values. Layout 1 documents (the body as JSON
 * values) are still read.
 */
export const SYNC_LAYOUT = 2;

export interface SyncDoc {
  _id: string;
  _rev?: string;
  layout: number;
  device: string;
  content: BackupContent;
  /** Answers documents only: the answers of that day this device took back with Undo. */
  undone?: UndoneAnswer[];
}

/** A document as the replica and the server keep it (layout 2: its body packed, see packDoc). */
export interface StoredDoc {
  _id: string;
  _rev?: string;
  layout: number;
  device: string;
  /** Layout 2: the body, { content, undone }, as JSON text. */
  packed?: string;
  content?: unknown;
  undone?: unknown;
}

/**
 * The document as it is stored and sent: its body ({ content, undone }) as one JSON text. (Deflating
 * it too was measured: it halves the bytes and the receiving, and costs the sending device more
 * time than it saves, docs/sync.md.)
 */
export function packDoc(d: SyncDoc): StoredDoc {
  const { content, undone, ...head } = d;
  return { ...head, layout: SYNC_LAYOUT, packed: JSON.stringify(undone ? { content, undone } : { content }) };
}

function unpackBody(packed: string): unknown {
  try {
    return JSON.parse(packed);
  } catch {
    return undefined;
  }
}

/**
 * A stored document with its body unpacked, as readSyncDoc and docsToPush read it; a layout 1
 * document is already so. A body that is not a JSON object of `content` and `undone` stays
 * packed, and readSyncDoc refuses it.
 */
export function openDoc(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || typeof (raw as StoredDoc).packed !== 'string') return raw;
  const body = unpackBody((raw as StoredDoc).packed!);
  if (!body || typeof body !== 'object' || Array.isArray(body) || Object.keys(body).some((k) => k !== 'content' && k !== 'undone')) return raw;
  const head: Record<string, unknown> = { ...(raw as StoredDoc) };
  delete head.packed;
  const { content, undone } = body as { content?: unknown; undone?: unknown };
  return { ...head, content, ...(undone !== undefined ? { undone } : {}) };
}

/** A device id: made once per browser, never shared by two. */
export const DEVICE_ID_PATTERN = /^[a-z0-9-]{8,64}$/;

export const docId = {
  answers: (day: string, device: string) => `a:${day}:${device}`,
  cards: (bucket: string, device: string) => `c:${bucket}:${device}`,
  decks: (device: string) => `k:${device}`,
  settings: (device: string) => `s:${device}`,
  attempt: (id: string, device: string) => `p:${id}:${device}`,
  media: (name: string, device: string) => `m:${name}:${device}`,
};

/** What every device's documents of one kind start with: the answers of a study day, the cards of a bucket, the decks. */
export const docPrefix = {
  answers: (day: string) => `a:${day}:`,
  cards: (bucket: string) => `c:${bucket}:`,
  decks: () => 'k:',
};

/** The ids that start with one of the prefixes (docPrefix), in id order. */
export function idsUnder(ids: Iterable<string>, prefixes: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (prefixes.some((p) => id.startsWith(p))) out.push(id);
  return out.sort();
}

export const deviceOf = (id: string) => id.slice(id.lastIndexOf(':') + 1);
/** The study day of an answers document's id (docId.answers), or null for another kind of document. */
export const dayOfAnswersDoc = (id: string): string | null => (id.startsWith('a:') ? id.split(':')[1]! : null);

const BUCKETS = 64;

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Which cards document holds a card: a stable hash of its id, as two hexadecimal digits. */
export function bucketOf(cardId: string): string {
  return (fnv1a(cardId) % BUCKETS).toString(16).padStart(2, '0');
}

/**
 * A fingerprint of each bucket's synced cards and their earlier texts. A bucket whose fingerprint
 * did not change since the last send has nothing new, so a sync skips it without reading its cards
 * or its documents.
 */
export function bucketFingerprints(cards: readonly CardSyncKey[], revisionIds: readonly { id: string; cardId: string }[]): Record<string, string> {
  const hashes = new Map<string, number>();
  const mix = (bucket: string, text: string) => hashes.set(bucket, fnv1a(text, hashes.get(bucket)));
  for (const c of [...cards].sort(byId)) if (c.sync !== 0) mix(bucketOf(c.id), `${c.id}|${c.sync}\n`);
  for (const r of [...revisionIds].sort(byId)) mix(bucketOf(r.cardId), `${r.id}\n`);
  return Object.fromEntries([...hashes].map(([b, h]) => [b, h.toString(36)]));
}

export interface Writer {
  device: string;
  now: number;
  appVersion: string;
  schemaVersion: number;
}

/** A backup's content holding only the given parts. */
function piece(w: Writer, part: Partial<BackupContent>): BackupContent {
  return {
    app: 'cism-cissp-study',
    appVersion: w.appVersion,
    schemaVersion: w.schemaVersion,
    exportedAt: new Date(w.now).toISOString(),
    settings: {} as StudySettings,
    settingsSavedAt: null,
    fsrsParameters: [],
    decks: [],
    cards: [],
    reviewColumns: REVIEW_COLUMN_NAMES,
    reviews: [],
    practiceAttempts: [],
    media: [],
    cardRevisions: [],
    ...part,
  };
}

function doc(w: Writer, id: string, content: BackupContent, previous: SyncDoc | undefined, undone?: UndoneAnswer[]): SyncDoc {
  return { _id: id, ...(previous?._rev ? { _rev: previous._rev } : {}), layout: SYNC_LAYOUT, device: w.device, content, ...(undone ? { undone } : {}) };
}

/** A card as synced, minus what changes with every answer: two copies with the same key say the same. */
function cardKey(c: Omit<StudyCard, 'queue' | 'rank'>): string {
  return JSON.stringify([c.id, c.deckId, c.front, c.back, c.choices, c.answerIndex, c.tags, c.suspended, c.flag ?? 0, c.buriedUntil ?? null, c.marksAt, c.contentRev, c.contentAt, c.retired]);
}

function stableKey(cards: readonly Omit<StudyCard, 'queue' | 'rank'>[], revisions: readonly CardRevision[]): string {
  return JSON.stringify([cards.map(cardKey), revisions.map((r) => r.id)]);
}

/** What this device holds that sync sends. `days` holds only the study days to look at. */
export interface LocalState {
  settings: StudySettings;
  settingsSavedAt: number | null;
  /** The learner's own and imported decks. */
  decks: Deck[];
  /** Cards to send (isSyncedCard). */
  cards: StudyCard[];
  revisions: CardRevision[];
  attempts: Attempt[];
  /** Images not sent yet (by this device). */
  media: MediaFile[];
  /** This device's answers of each study day that may hold something not sent yet, as backup rows (reviewToRow). */
  days: ReadonlyMap<string, readonly (readonly unknown[])[]>;
  /** Every undo this device knows of. */
  undone: readonly UndoneAnswer[];
}

/**
 * The documents to write for this device: only those that changed. `existing` holds the replica's
 * copies of this device's documents, and every device's answers documents of the days in
 * `state.days`, cards documents of the buckets of `state.cards` and decks documents.
 * Nothing already in another device's document is sent again (a card or deck only when it says
 * something no other document says); an answer once sent stays sent, marked undone if it was taken back.
 */
export function docsToPush(w: Writer, state: LocalState, existing: ReadonlyMap<string, SyncDoc>): SyncDoc[] {
  const out: SyncDoc[] = [];
  const own = (id: string) => existing.get(id);

  if (state.settingsSavedAt !== null) {
    const id = docId.settings(w.device);
    const prev = own(id);
    const settings = settingsToBackup(state.settings);
    if (!prev || prev.content.settingsSavedAt !== state.settingsSavedAt || JSON.stringify(prev.content.settings) !== JSON.stringify(settings))
      out.push(doc(w, id, piece(w, { settings, settingsSavedAt: state.settingsSavedAt }), prev));
  }

  const others = (prefix: string, ownId: string) => [...existing].filter(([id]) => id !== ownId && id.startsWith(prefix)).map(([, d]) => d);
  {
    const id = docId.decks(w.device);
    const prev = own(id);
    const elsewhere = new Set(others(docPrefix.decks(), id).flatMap((d) => d.content.decks.map((k) => JSON.stringify(k))));
    const decks = state.decks.filter((k) => !elsewhere.has(JSON.stringify(k))).sort(byId);
    if (decks.length && (!prev || JSON.stringify(prev.content.decks) !== JSON.stringify(decks))) out.push(doc(w, id, piece(w, { decks }), prev));
  }

  const buckets = new Map<string, { cards: StudyCard[]; revisions: CardRevision[] }>();
  const bucket = (cardId: string) => {
    const b = bucketOf(cardId);
    let entry = buckets.get(b);
    if (!entry) buckets.set(b, (entry = { cards: [], revisions: [] }));
    return entry;
  };
  for (const c of state.cards) bucket(c.id).cards.push(c);
  for (const r of state.revisions) bucket(r.cardId).revisions.push(r);
  for (const [b, entry] of [...buckets].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    const id = docId.cards(b, w.device);
    const prev = own(id);
    // A card another device's document already holds as it is here (received from there) is not sent back.
    const elsewhere = new Set(others(docPrefix.cards(b), id).flatMap((d) => d.content.cards.map(cardKey)));
    const knownRevisions = new Set(others(docPrefix.cards(b), id).flatMap((d) => d.content.cardRevisions.map((r) => r.id)));
    const cards = entry.cards.filter((c) => !elsewhere.has(cardKey(c))).sort(byId).map(cardToBackup);
    const sentIds = new Set(cards.map((c) => c.id));
    const cardRevisions = entry.revisions.filter((r) => sentIds.has(r.cardId) && !knownRevisions.has(r.id)).sort(byId);
    if (!cards.length && !cardRevisions.length) continue;
    if (prev && stableKey(prev.content.cards, prev.content.cardRevisions) === stableKey(cards, cardRevisions)) continue;
    out.push(doc(w, id, piece(w, { cards, cardRevisions }), prev));
  }

  for (const a of state.attempts) {
    const id = docId.attempt(a.id, w.device);
    const prev = own(id);
    const was = prev?.content.practiceAttempts[0];
    if (was && was.updatedAt === a.updatedAt && was.status === a.status) continue;
    out.push(doc(w, id, piece(w, { practiceAttempts: [a] }), prev));
  }

  for (const m of state.media) {
    const id = docId.media(m.name, w.device);
    if (own(id)) continue;
    out.push(doc(w, id, piece(w, { media: [{ name: m.name, mime: m.mime, base64: toBase64(m.bytes) }] }), undefined));
  }

  const undoneByDay = new Map<string, UndoneAnswer[]>();
  for (const u of state.undone) {
    const list = undoneByDay.get(u.day);
    if (list) list.push(u);
    else undoneByDay.set(u.day, [u]);
  }
  const days = new Set([...state.days.keys(), ...undoneByDay.keys()]);
  for (const day of [...days].sort()) {
    const id = docId.answers(day, w.device);
    const prev = own(id);
    const elsewhere = new Set<string>();
    const undoneElsewhere = new Set<string>();
    for (const d of others(docPrefix.answers(day), id)) {
      for (const row of d.content.reviews) elsewhere.add(row[0] as string);
      for (const u of d.undone ?? []) undoneElsewhere.add(u.id);
    }
    const rows = prev ? [...prev.content.reviews] : [];
    const sent = new Set(rows.map((r) => r[0] as string));
    for (const row of state.days.get(day) ?? []) {
      const id = row[0] as string;
      if (sent.has(id) || elsewhere.has(id)) continue;
      rows.push(row as unknown[]);
      sent.add(id);
    }
    const undone = [...(prev?.undone ?? [])];
    const undoneIds = new Set(undone.map((u) => u.id));
    // An undo goes out once, and only of an answer some device sent (an answer never sent needs none).
    for (const u of undoneByDay.get(day) ?? []) {
      if (undoneIds.has(u.id) || undoneElsewhere.has(u.id) || !(sent.has(u.id) || elsewhere.has(u.id))) continue;
      undone.push(u);
      undoneIds.add(u.id);
    }
    if (prev && rows.length === prev.content.reviews.length && undone.length === (prev.undone?.length ?? 0)) continue;
    if (!rows.length && !undone.length) continue;
    rows.sort((x, y) => (x[4] as number) - (y[4] as number) || ((x[0] as string) < (y[0] as string) ? -1 : 1));
    out.push(doc(w, id, piece(w, { reviews: rows }), prev, undone.sort(byId)));
  }
  return out;
}

/** How many different answers the documents of one study day hold, undone ones left out (unreadable documents count for nothing). */
export function answersInDayDocs(docs: Iterable<SyncDoc>): number {
  const ids = new Set<string>();
  const undone = new Set<string>();
  for (const d of docs) {
    const rows: unknown = d.content?.reviews;
    if (Array.isArray(rows)) for (const row of rows) if (Array.isArray(row) && typeof row[0] === 'string') ids.add(row[0]);
    if (Array.isArray(d.undone)) for (const u of d.undone) if (typeof u?.id === 'string') undone.add(u.id);
  }
  let n = 0;
  for (const id of ids) if (!undone.has(id)) n += 1;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Reading what other devices wrote

export interface SkippedDoc {
  id: string;
  reason: string;
}

export interface RemoteChanges {
  /** One backup piece per writing device, in device order. */
  byDevice: { device: string; backup: ValidBackup }[];
  skipped: SkippedDoc[];
}

const emptyBackup = (): ValidBackup => ({
  appVersion: '',
  exportedAt: '',
  settings: DEFAULT_SETTINGS,
  settingsSavedAt: null,
  decks: [],
  cards: [],
  reviews: [],
  practiceAttempts: [],
  media: [],
  cardRevisions: [],
  undone: [],
});

const KIND_OF_ID = /^([acksmp]):/;

const MEMORY_KEYS = ['due', 'stability', 'difficulty', 'elapsedDays', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview'] as const;

function isMemory(m: unknown): boolean {
  if (!m || typeof m !== 'object' || Object.keys(m).length !== MEMORY_KEYS.length) return false;
  const v = m as Record<string, unknown>;
  return MEMORY_KEYS.every((k) => (k === 'lastReview' && v[k] === null) || (typeof v[k] === 'number' && Number.isFinite(v[k]) && (v[k] as number) >= 0)) &&
    [0, 1, 2, 3].includes(v.state as number);
}

const UNDONE_KEYS = ['id', 'cardId', 'day', 'at', 'reviewedAt', 'before'];

function undoneProblem(list: unknown, day: string): string | null {
  if (!Array.isArray(list)) return '"undone" must be a list';
  for (const [i, u] of list.entries()) {
    const ok = u && typeof u === 'object' && Object.keys(u).length === UNDONE_KEYS.length && typeof u.id === 'string' && ID_PATTERN.test(u.id) &&
      typeof u.cardId === 'string' && ID_PATTERN.test(u.cardId) && u.day === day && Number.isInteger(u.at) && Number.isInteger(u.reviewedAt) && isMemory(u.before);
    if (!ok) return `undone[${i}] must be { id, cardId, day: "${day}", at, reviewedAt, before } of an answer of this document's day`;
  }
  return null;
}

/** Checks one document as a backup piece; the reason in words when it cannot be used. */
export function readSyncDoc(stored: unknown): { ok: true; device: string; backup: ValidBackup } | { ok: false; reason: string } {
  if (!stored || typeof stored !== 'object' || Array.isArray(stored)) return { ok: false, reason: 'it is not a JSON object' };
  const raw = openDoc(stored);
  const d = raw as Partial<SyncDoc> & Record<string, unknown>;
  const id = typeof d._id === 'string' ? d._id : '';
  const kind = KIND_OF_ID.exec(id)?.[1];
  if (!kind) return { ok: false, reason: 'its id is not one this app writes' };
  if (typeof d.layout !== 'number' || d.layout > SYNC_LAYOUT)
    return { ok: false, reason: `it was written by a newer version of the app (document layout ${String(d.layout)}); update the app on this device` };
  if (typeof d.device !== 'string' || !DEVICE_ID_PATTERN.test(d.device) || deviceOf(id) !== d.device) return { ok: false, reason: 'its device does not match its id' };
  if ('packed' in d) return { ok: false, reason: 'its packed body is not a JSON object of "content" and "undone"' };
  const checked = checkContent(d.content, d);
  if (!checked.ok) return { ok: false, reason: [checked.problem.message, ...checked.problem.details].join(' ') };
  const b = checked.backup;
  const counts = { a: b.reviews.length, c: b.cards.length + b.cardRevisions.length, k: b.decks.length, p: b.practiceAttempts.length, m: b.media.length, s: 0 };
  const total = b.reviews.length + b.cards.length + b.cardRevisions.length + b.decks.length + b.practiceAttempts.length + b.media.length;
  if (total !== counts[kind as keyof typeof counts]) return { ok: false, reason: 'it holds things its kind of document never holds' };
  if (kind === 'a') {
    const day = dayOfAnswersDoc(id)!;
    if (b.reviews.some((r) => r.day !== day)) return { ok: false, reason: `it holds answers of a study day other than ${day}` };
    const wrong = d.undone === undefined ? null : undoneProblem(d.undone, day);
    if (wrong) return { ok: false, reason: wrong };
    b.undone = (d.undone ?? []) as UndoneAnswer[];
  } else if (d.undone !== undefined) return { ok: false, reason: 'only answers documents list undos' };
  if (kind === 'c' && b.cards.some((c) => bucketOf(c.id) !== id.split(':')[1])) return { ok: false, reason: 'it holds a card of another bucket' };
  if (kind !== 's') b.settingsSavedAt = null;
  return { ok: true, device: d.device, backup: b };
}

/** Joins what each device wrote into one backup piece per device; unusable documents are listed. */
export function readSyncDocs(docs: readonly unknown[]): RemoteChanges {
  return groupSyncDocs(docs.map(checkSyncDoc));
}

/** A document with the outcome of its checks (readSyncDoc). */
export interface CheckedDoc {
  raw: unknown;
  read: ReturnType<typeof readSyncDoc>;
}

export function checkSyncDoc(raw: unknown): CheckedDoc {
  return { raw, read: readSyncDoc(raw) };
}

/** Checked documents by device, as readSyncDocs gives them (documents checked one by one as they arrived). */
export function groupSyncDocs(docs: readonly CheckedDoc[]): RemoteChanges {
  const byDevice = new Map<string, ValidBackup>();
  const skipped: SkippedDoc[] = [];
  for (const { raw, read } of docs) {
    if (!read.ok) {
      const id = raw && typeof raw === 'object' && typeof (raw as { _id?: unknown })._id === 'string' ? (raw as { _id: string })._id : '(no id)';
      skipped.push({ id, reason: read.reason });
      continue;
    }
    let all = byDevice.get(read.device);
    if (!all) byDevice.set(read.device, (all = emptyBackup()));
    const b = read.backup;
    if (b.settingsSavedAt !== null) {
      all.settings = b.settings;
      all.settingsSavedAt = b.settingsSavedAt;
    }
    all.exportedAt = b.exportedAt > all.exportedAt ? b.exportedAt : all.exportedAt;
    all.appVersion = b.appVersion;
    pushAll(all.decks, b.decks);
    pushAll(all.cards, b.cards);
    pushAll(all.reviews, b.reviews);
    pushAll(all.practiceAttempts, b.practiceAttempts);
    pushAll(all.media, b.media);
    pushAll(all.cardRevisions, b.cardRevisions);
    pushAll(all.undone!, b.undone ?? []);
  }
  return { byDevice: [...byDevice].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([device, backup]) => ({ device, backup })), skipped };
}

/** Appends without spreading (a day of answers can be thousands of values; a year, hundreds of thousands). */
function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}

// ---------------------------------------------------------------------------------------------
// What can be stored now

export interface Placeable {
  backup: ValidBackup;
  /** Answers whose card (or a card's deck) is neither here nor in the piece: kept for a later sync. */
  waiting: ReviewEntry[];
  /** Answers that contradict a stored answer with the same id: never stored. */
  contradicting: ReviewEntry[];
}

/**
 * Leaves out of a device's piece what cannot be merged into the stored data seen in `local`:
 * answers to cards this device does not have (their card's document may have been skipped, or
 * this device runs older decks), cards of unknown decks, answers that contradict stored ones.
 * A backup file with such things is refused whole; sync stores the rest and reports these.
 */
export function placeablePart(backup: ValidBackup, local: Pick<LocalSnapshot, 'cards' | 'decks' | 'reviewsById'>): Placeable {
  const pieceDecks = new Set(backup.decks.map((d) => d.id));
  const knownDeck = (id: string) => local.decks.has(id) || pieceDecks.has(id);
  const cards = backup.cards.filter((c) => local.cards.has(c.id) || knownDeck(c.deckId));
  const cardIds = new Set(cards.map((c) => c.id));
  const waiting: ReviewEntry[] = [];
  const contradicting: ReviewEntry[] = [];
  const reviews: ReviewEntry[] = [];
  for (const r of backup.reviews) {
    const stored = local.reviewsById.get(r.id);
    if (stored && differingFact(stored.review, r)) contradicting.push(r);
    else if ((!cardIds.has(r.cardId) && !local.cards.has(r.cardId)) || !knownDeck(r.deckId)) waiting.push(r);
    else reviews.push(r);
  }
  if (cards.length === backup.cards.length && reviews.length === backup.reviews.length) return { backup, waiting, contradicting };
  return { backup: { ...backup, cards, reviews, cardRevisions: backup.cardRevisions.filter((r) => cardIds.has(r.cardId) || local.cards.has(r.cardId)) }, waiting, contradicting };
}
