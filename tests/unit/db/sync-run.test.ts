import { describe, expect, it } from 'vitest';
import { undoAnswer } from '@/lib/db/answer-transactions';
import { applyToCards } from '@/lib/db/own-cards';
import { loadAllReviews } from '@/lib/db/review-log';
import { saveSettings } from '@/lib/db/settings';
import type { StudyDb } from '@/lib/db/database';
import { syncOnce } from '@/lib/db/sync-run';
import { loadLocalState } from '@/lib/db/sync-store';
import { forgetSync, loadSyncRecord, newSyncRecord, saveSyncRecord, setAutoSync, setUpSync } from '@/lib/db/sync-record';
import { loadUndoneAnswers } from '@/lib/db/undone-answers';
import { bucketOf, docId, packDoc } from '@/lib/sync/documents';
import { DAY } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { dumpAll, HOUR, MINUTE, newDevice, progressDump, study, T0, TEST_SETTINGS } from '../../helpers/devices';
import { MemoryServer, memoryReplica } from '../../helpers/memory-replica';
import { readCard } from '@/lib/db/card-store';

const CONFIG = { server: 'http://localhost:5984', database: 'study', username: 'ana', password: 'secret' };

async function device(name: string, server: MemoryServer) {
  const db = freshDb();
  await newDevice(db, 6);
  await saveSyncRecord(db, { ...newSyncRecord(`device-${name}`), config: CONFIG });
  return { db, replica: memoryReplica(server) };
}

type Device = Awaited<ReturnType<typeof device>>;
const sync = async (d: Device, now: number) => {
  const outcome = await syncOnce(d.db, d.replica, now);
  expect(outcome.message).not.toMatch(/cannot|refused|error/i);
  expect(outcome.ok).toBe(true);
  return outcome;
};
const ids = async (db: StudyDb) => (await loadAllReviews(db)).map((r) => r.id).sort();

describe('syncing two devices through a server', () => {
  it('ends with the union of the answers on both, the same schedules, nothing twice', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }, { cardId: 'card-1', grade: 1, at: T0 + MINUTE }]);
    await study(phone.db, [{ cardId: 'card-0', grade: 4, at: T0 + HOUR }, { cardId: 'card-2', grade: 3, at: T0 + 2 * HOUR }]);

    await sync(laptop, T0 + 3 * HOUR);
    const first = await sync(phone, T0 + 3 * HOUR);
    expect(first.merged?.reviewsAdded).toBe(2);
    await sync(laptop, T0 + 4 * HOUR);

    const [a, b] = [await progressDump(laptop.db), await progressDump(phone.db)];
    expect(a.reviews.map((r) => r.id)).toHaveLength(4);
    expect(b).toEqual(a);
    // Card 0 was answered on both: its schedule is the replay of both answers, in time order.
    const card0 = a.cards.find((c) => c.id === 'card-0')!;
    expect(card0.reps).toBe(2);
    expect(card0.lastReview).toBe(T0 + HOUR);
    // One document per device and study day; no device rewrote the other's.
    expect([...server.docs.keys()].filter((id) => id.startsWith('a:')).sort()).toEqual([docId.answers('2026-11-24', 'device-laptop'), docId.answers('2026-11-24', 'device-phone')].sort());
  });

  it('a second sync with nothing new sends nothing and changes nothing', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    await sync(laptop, T0 + HOUR);
    const before = await dumpAll(laptop.db);
    const again = await sync(laptop, T0 + HOUR);
    expect(again.sent).toBe(0);
    const after = await dumpAll(laptop.db);
    // Only sync's own bookkeeping moves on (where to read the replica from next time).
    expect({ ...after, meta: undefined }).toEqual({ ...before, meta: undefined });
  });

  it('an undo on one device takes the answer back on the other', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }, { cardId: 'card-0', grade: 3, at: T0 + 10 * MINUTE }]);
    await sync(laptop, T0 + HOUR);
    await sync(phone, T0 + HOUR);
    expect(await ids(phone.db)).toHaveLength(2);

    const last = `r-card-0-${T0 + 10 * MINUTE}`;
    await undoAnswer(laptop.db, last, T0 + 2 * HOUR);
    expect((await loadUndoneAnswers(laptop.db)).map((u) => u.id)).toEqual([last]);
    await sync(laptop, T0 + 2 * HOUR);
    const outcome = await sync(phone, T0 + 2 * HOUR);
    expect(outcome.merged?.reviewsUndone).toBe(1);
    expect(await ids(phone.db)).toEqual([`r-card-0-${T0}`]);
    expect(await progressDump(phone.db)).toEqual(await progressDump(laptop.db));
    // The answer stays undone: syncing again does not bring it back.
    await sync(phone, T0 + 3 * HOUR);
    await sync(laptop, T0 + 3 * HOUR);
    expect(await ids(laptop.db)).toEqual([`r-card-0-${T0}`]);
  });

  it('an undo of a card\'s only answer leaves it new on the other device', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await study(laptop.db, [{ cardId: 'card-3', grade: 3, at: T0 }]);
    await sync(laptop, T0 + HOUR);
    await sync(phone, T0 + HOUR);
    await undoAnswer(laptop.db, `r-card-3-${T0}`, T0 + 2 * HOUR);
    await sync(laptop, T0 + 2 * HOUR);
    await sync(phone, T0 + 2 * HOUR);
    const card = await readCard(phone.db, 'card-3');
    expect(card?.state).toBe(0);
    expect(card?.reps).toBe(0);
    expect(await progressDump(phone.db)).toEqual(await progressDump(laptop.db));
  });

  it('settings: the last saved win on every device', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await saveSettings(laptop.db, { ...TEST_SETTINGS, newCardsPerDay: 5 }, T0 + HOUR);
    await saveSettings(phone.db, { ...TEST_SETTINGS, newCardsPerDay: 40 }, T0 + 2 * HOUR);
    await sync(laptop, T0 + 3 * HOUR);
    await sync(phone, T0 + 3 * HOUR);
    await sync(laptop, T0 + 3 * HOUR);
    expect((await laptop.db.settings.get('settings'))?.newCardsPerDay).toBe(40);
    expect((await phone.db.settings.get('settings'))?.newCardsPerDay).toBe(40);
  });

  it('marks: the later suspension or flag wins, an unsuspend included', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await applyToCards(laptop.db, ['card-1'], { kind: 'suspend', on: true }, T0);
    await sync(laptop, T0 + HOUR);
    await sync(phone, T0 + HOUR);
    expect((await readCard(phone.db, 'card-1'))?.suspended).toBe(true);
    await applyToCards(phone.db, ['card-1'], { kind: 'suspend', on: false }, T0 + 2 * HOUR);
    await applyToCards(phone.db, ['card-1'], { kind: 'flag', flag: 2 }, T0 + 2 * HOUR);
    await sync(phone, T0 + 3 * HOUR);
    await sync(laptop, T0 + 3 * HOUR);
    const card = await readCard(laptop.db, 'card-1');
    expect(card?.suspended).toBe(false);
    expect(card?.flag).toBe(2);
  });

  it('a server failure leaves the stored data as it was and says what happened; the next sync goes through', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    const before = await dumpAll(laptop.db);
    server.failNext = { status: 401, message: 'Name or password is incorrect.' };
    const failed = await syncOnce(laptop.db, laptop.replica, T0 + HOUR);
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/refused the user name or password \(401\)/);
    expect(failed.message).not.toContain('secret');
    const after = await dumpAll(laptop.db);
    // Only the sync record changed: it keeps the message for the status line.
    expect({ ...after, meta: undefined }).toEqual({ ...before, meta: undefined });
    expect((await loadSyncRecord(laptop.db))?.lastError).toBe(failed.message);
    server.failNext = { status: 503, message: 'Service Unavailable' };
    expect((await syncOnce(laptop.db, laptop.replica, T0 + HOUR)).message).toMatch(/server had an error \(503\)/);
    await sync(laptop, T0 + 2 * HOUR);
    expect([...server.docs.keys()].some((id) => id.startsWith('a:'))).toBe(true);
    expect((await loadSyncRecord(laptop.db))?.lastError).toBeNull();
  });

  it('a document that fails the checks is skipped and reported, never stored; the rest is merged', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }, { cardId: 'card-1', grade: 3, at: T0 + 2 * DAY }]);
    await sync(laptop, T0 + 3 * DAY);
    // Someone with the password damages one document on the server.
    const bad = server.opened().find((d) => d._id === docId.answers('2026-11-24', 'device-laptop'))!;
    (bad.content.reviews[0] as unknown[])[3] = 9;
    server.docs.set(bad._id, { ...packDoc(bad), _rev: '5-x' });
    const outcome = await sync(phone, T0 + 3 * DAY);
    expect(outcome.skipped).toEqual([{ id: bad._id, reason: expect.stringMatching(/column "grade"/) }]);
    expect(outcome.message).toMatch(/1 document on the server skipped/);
    expect(await ids(phone.db)).toEqual([`r-card-1-${T0 + 2 * DAY}`]);
    expect((await loadSyncRecord(phone.db))?.skipped.map((s) => s.id)).toEqual([bad._id]);
  });

  it('a first sync into a fresh device brings the whole history', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const answers = Array.from({ length: 60 }, (_, i) => ({ cardId: `card-${i % 6}`, grade: ((i % 4) + 1) as 1 | 2 | 3 | 4, at: T0 + i * 7 * HOUR }));
    await study(laptop.db, answers);
    await sync(laptop, T0 + 30 * DAY);
    const fresh = await device('fresh', server);
    await sync(fresh, T0 + 30 * DAY);
    expect(await progressDump(fresh.db)).toEqual(await progressDump(laptop.db));
    // The fresh device sent none of the answers back: they are in the laptop's documents already.
    const docs = [...server.docs.values()];
    expect(docs.filter((d) => d._id.startsWith('a:')).every((d) => d._id.endsWith(':device-laptop'))).toBe(true);
    expect(docs.filter((d) => d._id.startsWith('a:')).length).toBeGreaterThan(5);
    // Stored as layout 2: the body is one packed text.
    expect(docs.every((d) => d.layout === 2 && typeof d.packed === 'string' && d.content === undefined)).toBe(true);
  });

  it('reads documents an older version wrote (layout 1, the body unpacked)', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }, { cardId: 'card-1', grade: 2, at: T0 + DAY }]);
    await sync(laptop, T0 + 2 * DAY);
    for (const d of server.opened()) server.docs.set(d._id, { ...d, layout: 1 });
    const phone = await device('phone', server);
    await sync(phone, T0 + 2 * DAY);
    expect(await progressDump(phone.db)).toEqual(await progressDump(laptop.db));
  });
});

describe('what the learner changes while a sync runs', () => {
  /** The replica's next receiving step waits until `go` is called, so a test can act during a run. */
  const pausedReplica = (d: Device) => {
    let go = () => {};
    const reached = new Promise<void>((entered) => {
      const pull = d.replica.pull.bind(d.replica);
      d.replica.pull = async () => {
        d.replica.pull = pull;
        entered();
        await new Promise<void>((resume) => (go = resume));
        return pull();
      };
    });
    return { reached, go: () => go() };
  };

  it('"Sync automatically" turned on or off during a run stays as the learner set it', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    const paused = pausedReplica(laptop);
    const run = syncOnce(laptop.db, laptop.replica, T0 + HOUR);
    await paused.reached;
    await setAutoSync(laptop.db, false);
    paused.go();
    expect((await run).ok).toBe(true);
    const record = await loadSyncRecord(laptop.db);
    expect(record?.auto).toBe(false);
    expect(record?.lastSyncedAt).toBe(T0 + HOUR);
  });

  it('a run that ends after "Stop syncing" or a change of server writes nothing back', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    let paused = pausedReplica(laptop);
    let run = syncOnce(laptop.db, laptop.replica, T0 + HOUR);
    await paused.reached;
    await forgetSync(laptop.db);
    paused.go();
    await run;
    expect(await loadSyncRecord(laptop.db)).toBeNull();

    await saveSyncRecord(laptop.db, { ...newSyncRecord('device-laptop'), config: CONFIG });
    paused = pausedReplica(laptop);
    run = syncOnce(laptop.db, laptop.replica, T0 + HOUR);
    await paused.reached;
    await setUpSync(laptop.db, { ...CONFIG, database: 'study-2' });
    paused.go();
    await run;
    const record = await loadSyncRecord(laptop.db);
    expect(record?.config?.database).toBe('study-2');
    // Nothing read from the old database counts for the new one.
    expect(record?.lastSyncedAt).toBeNull();
    expect(record?.dayCounts).toEqual({});
  });
});

describe('what a run reads of the cards', () => {
  it('reads only the cards of buckets whose sync hash changed, from the card digest; answers change none', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await applyToCards(laptop.db, ['card-1', 'card-4'], { kind: 'flag', flag: 3 });
    await sync(laptop, T0);
    const record = await loadSyncRecord(laptop.db);
    // In step with the server: nothing to read, even after answers (they change no card's sync hash).
    await study(laptop.db, [{ cardId: 'card-1', grade: 3, at: T0 + HOUR }]);
    const quiet = await loadLocalState(laptop.db, [], record!.cardBuckets, () => []);
    expect(quiet.digestBehind).toBe(false);
    expect(quiet.state.cards).toEqual([]);
    expect(quiet.fingerprints).toEqual(record!.cardBuckets);
    // A mark changes the hash: that card's bucket is read, and only it.
    await applyToCards(laptop.db, ['card-4'], { kind: 'flag', flag: 5 });
    const marked = await loadLocalState(laptop.db, [], record!.cardBuckets, () => []);
    expect(marked.state.cards.map((c) => c.id)).toContain('card-4');
    expect(new Set(marked.state.cards.map((c) => bucketOf(c.id)))).toEqual(new Set([bucketOf('card-4')]));
    const sent = await sync(laptop, T0 + 2 * HOUR);
    expect(sent.sent).toBeGreaterThan(0);
    expect(server.opened().find((d) => d._id === docId.cards(bucketOf('card-4'), 'device-laptop'))?.content.cards.find((c) => c.id === 'card-4')?.flag).toBe(5);
  });

  it('a digest without the sync hashes (an older version wrote it) gives the same fingerprints from the cards, and is rebuilt', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await applyToCards(laptop.db, ['card-2'], { kind: 'suspend', on: true });
    const fromDigest = await loadLocalState(laptop.db, [], undefined, () => []);
    // As version 7 stored it: no sync column.
    const packs = await laptop.db.cardDigest.toArray();
    for (const p of packs) delete p.sync;
    await laptop.db.cardDigest.bulkPut(packs);
    const fromCards = await loadLocalState(laptop.db, [], undefined, () => []);
    expect(fromCards.digestBehind).toBe(true);
    expect(fromCards.fingerprints).toEqual(fromDigest.fingerprints);
    expect(fromCards.state.cards.map((c) => c.id)).toEqual(fromDigest.state.cards.map((c) => c.id));
    await sync(laptop, T0);
    expect((await loadLocalState(laptop.db, [], undefined, () => [])).digestBehind).toBe(false);
  });

  it('a digest that cannot be rebuilt (a full disk) does not fail the sync; the next one tries again', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    await applyToCards(laptop.db, ['card-2'], { kind: 'suspend', on: true });
    const packs = await laptop.db.cardDigest.toArray();
    for (const p of packs) delete p.sync;
    await laptop.db.cardDigest.bulkPut(packs);
    const digest = laptop.db.cardDigest as unknown as { bulkPut: (...args: unknown[]) => Promise<unknown> };
    const bulkPut = digest.bulkPut.bind(digest);
    digest.bulkPut = () => Promise.reject(Object.assign(new Error('The disk is full'), { name: 'QuotaExceededError' }));
    const outcome = await sync(laptop, T0);
    expect(outcome.sent).toBeGreaterThan(0);
    expect((await loadLocalState(laptop.db, [], undefined, () => [])).digestBehind).toBe(true);
    digest.bulkPut = bulkPut;
    await sync(laptop, T0 + HOUR);
    expect((await loadLocalState(laptop.db, [], undefined, () => [])).digestBehind).toBe(false);
  });
});

describe('sending', () => {
  it('a run with nothing to send does not replicate to the server; documents written by a run that could not send them go out with the next', async () => {
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const push = laptop.replica.push.bind(laptop.replica);
    let pushes = 0;
    let failPush = false;
    laptop.replica.push = async () => {
      pushes += 1;
      if (failPush) {
        failPush = false;
        throw Object.assign(new Error('Service Unavailable'), { status: 503 });
      }
      await push();
    };
    await study(laptop.db, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    await sync(laptop, T0 + HOUR);
    expect(pushes).toBe(1);
    await sync(laptop, T0 + 2 * HOUR);
    expect(pushes).toBe(1);

    await study(laptop.db, [{ cardId: 'card-1', grade: 3, at: T0 + 3 * HOUR }]);
    failPush = true;
    expect((await syncOnce(laptop.db, laptop.replica, T0 + 4 * HOUR)).ok).toBe(false);
    expect((await loadSyncRecord(laptop.db))?.pushPending).toBe(true);
    const onServer = () => server.opened().flatMap((d) => d.content.reviews).length;
    expect(onServer()).toBe(1);
    // The replica holds the new answer already, so this run has nothing new to write: it sends all the same.
    const next = await sync(laptop, T0 + 5 * HOUR);
    expect(next.sent).toBe(0);
    expect(onServer()).toBe(2);
    expect((await loadSyncRecord(laptop.db))?.pushPending).toBe(false);
  });
});

describe('an incremental merge', () => {
  it('reads no card history when the new answers come after what is stored, and gives the full replay\'s result', async () => {
    const { exportBackup, prepareImport } = await import('@/lib/db/backup');
    const { importText, textSource } = await import('../../helpers/devices');
    const laptop = freshDb();
    await newDevice(laptop, 6);
    await study(laptop, [{ cardId: 'card-0', grade: 3, at: T0 }, { cardId: 'card-1', grade: 1, at: T0 + MINUTE }]);
    const phone = freshDb();
    await newDevice(phone, 6);
    await importText(phone, (await exportBackup(laptop, T0 + HOUR)).text);
    await study(laptop, [{ cardId: 'card-0', grade: 3, at: T0 + 2 * DAY }, { cardId: 'card-1', grade: 3, at: T0 + 2 * DAY + MINUTE }]);
    const file = (await exportBackup(laptop, T0 + 3 * DAY)).text;
    const prepared = await prepareImport(phone, textSource(file));
    expect(prepared.ok && prepared.snapshot.historyOf).toEqual(new Set());
    await importText(phone, file);
    expect(await progressDump(phone)).toEqual(await progressDump(laptop));
  });

  it('reads the history of a card whose new answer is older than its latest stored one', async () => {
    const { exportBackup, prepareImport } = await import('@/lib/db/backup');
    const { importText, textSource } = await import('../../helpers/devices');
    const laptop = freshDb();
    await newDevice(laptop, 6);
    await study(laptop, [{ cardId: 'card-0', grade: 3, at: T0 }]);
    const phone = freshDb();
    await newDevice(phone, 6);
    await importText(phone, (await exportBackup(laptop, T0 + HOUR)).text);
    await study(phone, [{ cardId: 'card-0', grade: 3, at: T0 + 3 * DAY }]);
    await study(laptop, [{ cardId: 'card-0', grade: 1, at: T0 + 2 * DAY }]);
    const prepared = await prepareImport(phone, textSource((await exportBackup(laptop, T0 + 4 * DAY)).text));
    expect(prepared.ok && prepared.snapshot.historyOf).toEqual(new Set(['card-0']));
  });
});

describe('what a device sends back', () => {
  it('cards and decks received from another device are not sent back; an edit of them is', async () => {
    const { addCard, createDeck, editCard } = await import('@/lib/db/own-cards');
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = await device('phone', server);
    const deck = await createDeck(laptop.db, 'Mine', T0);
    const card = await addCard(laptop.db, { deckId: deck.id, front: 'Who owns the risk?', back: 'The business owner.', tags: [] }, T0);
    await applyToCards(laptop.db, ['card-2'], { kind: 'flag', flag: 4 }, T0);
    await sync(laptop, T0 + HOUR);
    await sync(phone, T0 + HOUR);
    expect((await readCard(phone.db, card.id))?.front).toBe('Who owns the risk?');
    const fromPhone = () => [...server.docs.keys()].filter((id) => id.endsWith(':device-phone') && (id.startsWith('c:') || id.startsWith('k:')));
    expect(fromPhone()).toEqual([]);
    const here = (await readCard(phone.db, card.id))!;
    await editCard(phone.db, card.id, { deckId: deck.id, front: 'Who owns a risk?', back: 'The business owner.', tags: [] }, here.rev, T0 + 2 * HOUR);
    await sync(phone, T0 + 2 * HOUR);
    expect(fromPhone()).toHaveLength(1);
    await sync(laptop, T0 + 3 * HOUR);
    expect((await readCard(laptop.db, card.id))?.front).toBe('Who owns a risk?');
  });
});

describe('answers to cards this device does not have yet', () => {
  it('wait, are said to wait, and are merged once the card arrives', async () => {
    const { syncBuiltinDecks } = await import('@/lib/db/sync-decks');
    const { makeGenerated } = await import('../../helpers/cards');
    const server = new MemoryServer();
    const laptop = await device('laptop', server);
    const phone = { db: freshDb(), replica: memoryReplica(server) };
    await newDevice(phone.db, 4);
    await saveSyncRecord(phone.db, { ...newSyncRecord('device-phone'), config: CONFIG });
    await study(laptop.db, [{ cardId: 'card-1', grade: 3, at: T0 }, { cardId: 'card-5', grade: 3, at: T0 + MINUTE }]);
    await sync(laptop, T0 + HOUR);
    const first = await sync(phone, T0 + HOUR);
    expect(first.message).toMatch(/1 answer received, .*1 answer wait for cards this device does not have yet/);
    expect(await ids(phone.db)).toEqual([`r-card-1-${T0}`]);
    // An update of the app brings the card.
    await syncBuiltinDecks(phone.db, makeGenerated(6), T0 + 2 * HOUR);
    const second = await sync(phone, T0 + 2 * HOUR);
    expect(second.message).toMatch(/1 answer received/);
    expect(await ids(phone.db)).toEqual(await ids(laptop.db));
  });
});
