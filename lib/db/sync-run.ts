/**
 * One sync, start to end: receive the server's new documents into the local replica, merge the
 * other devices' into the stored data, write this device's changed documents, send them.
 *
 * The replica (a PouchDB database in production, pouch-replica.ts; a plain map in unit tests)
 * does the replicating; its checkpoints let an interrupted sync continue where it stopped. A
 * failure at any step leaves the stored data as the last finished transaction left it.
 */
import { APP_VERSION } from '../app-version';
import { plural } from '../words';
import { answersInDayDocs, bucketOf, type CheckedDoc, checkSyncDoc, dayOfAnswersDoc, docId, docPrefix, docsToPush, groupSyncDocs, idsUnder, openDoc, packDoc, type StoredDoc, type SyncDoc, type Writer } from '../sync/documents';
import { describeSyncFailure, type SyncFailure } from '../sync/server-address';
import type { StudyDb } from './schema';
import { SCHEMA_VERSION } from './schema';
import { daysToSend, loadLocalState, type Merged, mergeRemoteChanges } from './sync-store';
import { loadSyncRecord, saveSyncRecord, type SyncRecord } from './sync-record';
import { withStorageErrors } from './errors';
import { rebuildCardDigest } from './stored-card-digest';

/** The local copy of the server's database, as sync uses it: documents as stored (packed, see packDoc). */
export interface Replica {
  /**
   * Receives the server's changes (resuming from the last checkpoint); returns the documents it
   * wrote into the replica. `onDoc` sees each one as it arrives.
   */
  pull(onDoc?: (doc: StoredDoc) => void): Promise<ReadonlyMap<string, StoredDoc>>;
  /** Sends the local changes. */
  push(): Promise<void>;
  /**
   * Writes `docs` into the replica and sends every local change, these and any an earlier run left
   * unsent. The sending may start before the writing ends; it resolves once everything is sent.
   */
  send(docs: readonly StoredDoc[]): Promise<void>;
  /** The current revision of every document in the replica, by id (no document bodies read). */
  revisions(): Promise<Map<string, string>>;
  get(ids: readonly string[]): Promise<Map<string, StoredDoc>>;
}

/** The replica's documents with their bodies unpacked (what docsToPush and the counts read). */
const opened = (docs: Map<string, StoredDoc>): Map<string, SyncDoc> => new Map([...docs].map(([id, d]) => [id, openDoc(d) as SyncDoc]));

export type SyncStep = 'receiving' | 'merging' | 'sending';

export interface SyncOutcome {
  ok: boolean;
  /** In words, for the status line. */
  message: string;
  merged: Merged['summary'] | null;
  sent: number;
  waiting: number;
  skipped: { id: string; reason: string }[];
  /** How long each step took (ms), for `npm run bench`. */
  timings?: Partial<Record<'receive' | 'merge' | 'prepare' | 'send' | MergePart | PreparePart, number>>;
  /** Documents read from other devices, and study days sent, this run (for `npm run bench` and tests). */
  counts?: { read: number; days: number };
}

/** The parts of the merge and prepare steps, timed apart for `npm run bench`. */
type MergePart = 'merge.read' | 'merge.store' | 'merge.count';
type PreparePart = 'prepare.local' | 'prepare.compare';

const MAX_SKIPPED_KEPT = 20;

/** What a sync run writes back: how far it read and sent, and its result. */
type SyncRunResult = Partial<Pick<SyncRecord, 'appliedRevs' | 'dayCounts' | 'cardBuckets' | 'lastSentAt' | 'lastSyncedAt' | 'lastError' | 'skipped' | 'pushPending'>>;

/**
 * Writes a run's result into the record as it is now, not as the run found it: the learner may have
 * turned "Sync automatically" on or off, changed the password or stopped syncing while it ran.
 * Nothing is written when sync was stopped or set up for another server or database meanwhile
 * (what the run read from the old one means nothing there).
 */
function recordRunResult(db: StudyDb, ranFor: SyncRecord, result: SyncRunResult): Promise<void> {
  return withStorageErrors(() =>
    db.transaction('rw', db.meta, async () => {
      const latest = await loadSyncRecord(db);
      const same = latest?.config && ranFor.config && latest.device === ranFor.device && latest.config.server === ranFor.config.server && latest.config.database === ranFor.config.database;
      if (same) await saveSyncRecord(db, { ...latest, ...result });
    }),
  );
}

/**
 * Runs one sync. Never throws for a server or network problem: the outcome says what happened,
 * and the sync record keeps it for the status line.
 * @example const outcome = await syncOnce(db, replica, Date.now(), (step) => show(step))
 */
export async function syncOnce(db: StudyDb, replica: Replica, now: number, onStep?: (step: SyncStep) => void): Promise<SyncOutcome> {
  const record = await loadSyncRecord(db);
  if (!record?.config) return { ok: false, message: 'Sync is not set up on this device.', merged: null, sent: 0, waiting: 0, skipped: [] };
  const config = record.config;
  let step: SyncStep = 'receiving';
  const timings: NonNullable<SyncOutcome['timings']> = {};
  let t = performance.now();
  let part = t;
  const lap = (name: keyof typeof timings) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = part = now;
  };
  // A part of the current step; the step's own lap still covers all of it.
  const partLap = (name: MergePart | PreparePart) => {
    const now = performance.now();
    timings[name] = Math.round(now - part);
    part = now;
  };
  try {
    onStep?.(step);
    // Other devices' documents are opened and checked while replication waits for the next batch
    // from the server (in a task of their own, not in replication's event, which would hold up its
    // next request): a first sync receives 60 MB, which the worker would otherwise parse and check
    // only after the last batch.
    const fromOthers = (id: string) => !id.endsWith(`:${record.device}`) && !id.startsWith('_');
    const checked = new Map<string, CheckedDoc>();
    const arrived: StoredDoc[] = [];
    let checking: ReturnType<typeof setTimeout> | null = null;
    const checkArrived = () => {
      checking = null;
      for (const doc of arrived.splice(0)) checked.set(doc._id, checkSyncDoc(openDoc(doc)));
    };
    const received = await replica.pull((doc) => {
      if (!fromOthers(doc._id)) return;
      arrived.push(doc);
      checking ??= setTimeout(checkArrived, 0);
    });
    if (checking !== null) clearTimeout(checking);
    checkArrived();
    lap('receive');

    step = 'merging';
    onStep?.(step);
    // Every other device's document whose revision was not merged yet; this device's own documents
    // hold nothing it does not have. (Comparing revisions, not reading a changes feed from a
    // remembered sequence, cannot pass over a document whatever the replica's sequence numbers do.)
    const revisions = await replica.revisions();
    // Every device's documents of some kinds (docPrefix), found among the ids just listed: nothing
    // writes to the replica between here and this run's own write, so the list stays true until then.
    const withPrefixes = (prefixes: readonly string[]) => replica.get(idsUnder(revisions.keys(), prefixes));
    const wanted = [...revisions].filter(([id, rev]) => fromOthers(id) && record.appliedRevs[id] !== rev).map(([id]) => id);
    // Those just received are in hand, checked; the rest (received by an earlier run that did not merge them) are read.
    const inHand = (id: string) => received.get(id)?._rev === revisions.get(id);
    const readBack = await replica.get(wanted.filter((id) => !inHand(id)));
    // A document in hand was checked as it arrived (`checked` holds the received revision).
    const fresh = new Map<string, CheckedDoc>();
    for (const id of wanted) {
      const stored = inHand(id) ? received.get(id) : readBack.get(id);
      if (stored) fresh.set(id, (inHand(id) && checked.get(id)) || checkSyncDoc(openDoc(stored)));
    }
    const remote = groupSyncDocs([...fresh.values()]);
    partLap('merge.read');
    const merged = await mergeRemoteChanges(db, remote);
    partLap('merge.store');
    const appliedRevs = { ...record.appliedRevs };
    for (const [id, d] of fresh) {
      // A document whose answers wait for their cards stays unmerged: it is read again next time.
      if (!merged.waitingDays.has(dayOfAnswersDoc(id) ?? '')) appliedRevs[id] = (d.raw as { _rev: string })._rev;
    }
    // Answers per day in the documents, for the days that just changed, so that what was merged is
    // not taken for something to send. When nothing was merged before, every document was just
    // read; otherwise those days' documents are read.
    const dayCounts = { ...record.dayCounts };
    const changedDays = [...new Set([...fresh.keys()].map(dayOfAnswersDoc).filter((day) => day !== null))];
    const everything = Object.keys(record.appliedRevs).length === 0;
    const changedDayDocs = everything ? [...fresh.values()].map((d) => d.raw as SyncDoc) : [...opened(await withPrefixes(changedDays.map(docPrefix.answers))).values()];
    countAnswersPerDay(dayCounts, changedDays, changedDayDocs);
    partLap('merge.count');
    lap('merge');

    step = 'sending';
    onStep?.(step);
    // Which days to send is read from the per-day totals, which every write of an answer keeps.
    const days = await daysToSend(db, { ...record, dayCounts });
    const writer: Writer = { device: record.device, now, appVersion: APP_VERSION, schemaVersion: SCHEMA_VERSION };
    // Only the cards of buckets that changed since the last send are read and compared with the documents.
    const { state: read, fingerprints, digestBehind } = await loadLocalState(db, days, record.cardBuckets, async (names) => {
      const sent = await replica.get(names.map((n) => docId.media(n, record.device)));
      return names.filter((n) => !sent.has(docId.media(n, record.device)));
    });
    partLap('prepare.local');
    // Undos go out with their day's document: only those of the days being sent (daysToSend includes
    // every day with an undo since the last send), so older undos do not make every sync read their days.
    const sending = new Set(days);
    const state = { ...read, undone: read.undone.filter((u) => sending.has(u.day)) };
    const ownIds = [docId.settings(record.device), ...state.attempts.map((a) => docId.attempt(a.id, record.device))];
    const buckets = new Set([...state.cards.map((c) => bucketOf(c.id)), ...state.revisions.map((r) => bucketOf(r.cardId))]);
    const prefixes = [
      ...days.map(docPrefix.answers),
      ...[...buckets].map(docPrefix.cards),
      ...(state.decks.length ? [docPrefix.decks()] : []),
    ];
    const existing = opened(new Map([...(await replica.get(ownIds)), ...(await withPrefixes(prefixes))]));
    const docs = docsToPush(writer, state, existing);
    partLap('prepare.compare');
    // The days just sent: their documents are those read above, with this device's new ones.
    const after = new Map(existing);
    for (const d of docs) after.set(d._id, d);
    countAnswersPerDay(dayCounts, days, after.values());
    lap('prepare');
    if (docs.length) {
      // Noted first: should this run end between writing and sending, the next one sends them
      // even when it has nothing new of its own.
      await recordRunResult(db, record, { pushPending: true });
      await replica.send(docs.map(packDoc));
    } else if (record.pushPending) await replica.push();
    // Nothing written, now or by an unfinished run: nothing to send (replication would only
    // compare what this run received with the server, which already has it).
    lap('send');

    const skipped = [...remote.skipped, ...record.skipped.filter((s) => !fresh.has(s.id))].slice(0, MAX_SKIPPED_KEPT);
    // Once per device (a digest from before it kept the cards' sync hashes, or cards written around
    // the app). A repair only: if it cannot be written, this sync still went through, and the next
    // one reads the cards again and retries it.
    if (digestBehind) await rebuildCardDigest(db).catch(() => undefined);
    await recordRunResult(db, record, { appliedRevs, dayCounts, cardBuckets: fingerprints, lastSentAt: now, lastSyncedAt: now, lastError: merged.problems[0] ?? null, skipped, pushPending: false });
    return { ok: true, message: outcomeLine(merged, docs.length, remote.skipped.length), merged: merged.summary, sent: docs.length, waiting: merged.waiting, skipped: remote.skipped, timings, counts: { read: fresh.size, days: days.length } };
  } catch (error) {
    const message = describeSyncFailure(error as SyncFailure, config);
    await recordRunResult(db, record, { lastError: message }).catch(() => undefined);
    return { ok: false, message, merged: null, sent: 0, waiting: 0, skipped: [] };
  }
}

/** Sets `counts[day]` for each of `days` to the answers their documents among `docs` hold. */
function countAnswersPerDay(counts: Record<string, number>, days: readonly string[], docs: Iterable<SyncDoc>): void {
  const byDay = new Map<string, SyncDoc[]>(days.map((d) => [d, []]));
  for (const d of docs) {
    const day = dayOfAnswersDoc(d._id);
    if (day !== null) byDay.get(day)?.push(d);
  }
  for (const [day, list] of byDay) {
    const n = answersInDayDocs(list);
    if (n) counts[day] = n;
    else delete counts[day];
  }
}

function outcomeLine(merged: Merged, sent: number, skipped: number): string {
  const s = merged.summary;
  const parts: string[] = [];
  if (s.reviewsAdded) parts.push(`${plural(s.reviewsAdded, 'answer')} received`);
  if (s.reviewsUndone) parts.push(`${s.reviewsUndone} undone on another device`);
  if (s.cardsAdded) parts.push(`${plural(s.cardsAdded, 'card')} added`);
  if (s.cardsTextUpdated) parts.push(`${plural(s.cardsTextUpdated, 'card text')} updated`);
  if (s.settingsChanged) parts.push('settings updated');
  if (sent) parts.push(`${plural(sent, 'document')} sent`);
  if (merged.waiting) parts.push(`${plural(merged.waiting, 'answer')} wait for cards this device does not have yet`);
  if (skipped) parts.push(`${plural(skipped, 'document')} on the server skipped as unreadable`);
  return parts.length ? `Synced: ${parts.join(', ')}.` : 'Synced: everything was already up to date.';
}
