import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { answerCard, undoAnswer } from '@/lib/db/answer-transactions';
import { readCardDigest, rebuildCardDigest, repairCardDigest } from '@/lib/db/stored-card-digest';
import { openStudyDb, SCHEMA_VERSION, type StudyDb } from '@/lib/db/database';
import { syncBuiltinDecks } from '@/lib/db/sync-decks';
import { CardState, DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { bucketOf, DIGEST_BUCKETS, digestOf, packDigest, unpackDigest, updatePack } from '@/lib/stats/card-digest';
import { DAY, T0, makeCard, makeGenerated } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { openShippedSchema } from '../../helpers/shipped-schemas';
import { addCards, cardStores, packCards, packOf, clearCards, countDeckCards, readAllCards, readDeckCardIds, readDeckCards, removeCards, storeCards } from '@/lib/db/card-store';
import { updateCard } from '../../helpers/cards';

const byId = <T extends { id: string }>(rows: T[]) => rows.slice().sort((a, b) => a.id.localeCompare(b.id));

/** The digest must always say exactly what the cards say. */
async function expectDigestMatchesCards(db: StudyDb) {
  const [digest, cards] = await Promise.all([readCardDigest(db), readAllCards(db)]);
  expect(byId(digest)).toEqual(byId(cards.map(digestOf)));
}


const scheduler = createScheduler({ ...DEFAULT_SETTINGS, fuzz: false });
const studied = (id: string) =>
  makeCard({ id, tags: ['cert:cissp', 'outline:cissp-2024', 'domain:cissp-2024/3', 'template:x'], state: CardState.Review, stability: 12.5, lastReview: T0 - 3 * DAY, due: T0 + DAY });

describe('card digest (pure)', () => {
  it('keeps only the statistics tags and round-trips through a pack, null last review included', () => {
    const cards = [studied('a'), makeCard({ id: 'b', suspended: true }), makeCard({ id: 'c', retired: true, deckId: 'deck-b' })];
    const entries = cards.map(digestOf);
    expect(entries[0]!.tags).toEqual(['cert:cissp', 'domain:cissp-2024/3']);
    expect(unpackDigest(packDigest(7, entries))).toEqual(entries);
    expect(entries[1]).toMatchObject({ lastReview: null, suspended: true, retired: false });
  });

  it('updates a pack in place: replaces, adds and removes by id', () => {
    const pack = packDigest(1, [digestOf(makeCard({ id: 'a' })), digestOf(makeCard({ id: 'b' }))]);
    const next = unpackDigest(updatePack(pack, 1, [digestOf(studied('a')), digestOf(makeCard({ id: 'c' }))], ['b']));
    expect(next.map((e) => e.id).sort()).toEqual(['a', 'c']);
    expect(next.find((e) => e.id === 'a')!.stability).toBe(12.5);
  });

  it('spreads ids over the buckets', () => {
    const buckets = new Set(Array.from({ length: 2000 }, (_, i) => bucketOf(`card-${i}`)));
    expect(buckets.size).toBe(DIGEST_BUCKETS);
    expect([...buckets].every((b) => b >= 0 && b < DIGEST_BUCKETS)).toBe(true);
  });
});

describe('schema version 4: card digest', () => {
  it('fills the digest from the cards of a version-3 database, leaving the cards as they were', async () => {
    const name = `v3-fixture-${process.pid}`;
    const old = openShippedSchema(name, 3);
    await old.table('cards').bulkAdd([studied('s1'), makeCard({ id: 'n1', order: 1 }), makeCard({ id: 'x1', retired: true })]);
    const cardsBefore = await old.table('cards').toArray();
    old.close();

    const db = openStudyDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await readAllCards(db)).toEqual(cardsBefore);
    await expectDigestMatchesCards(db);
    expect(await readCardDigest(db)).toHaveLength(3);
    db.close();
  });
});

describe('card digest kept in step with the cards', () => {
  it('through answers and undos', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' }), makeCard({ id: 'c2', order: 1 })]);
    const first = await answerCard(db, scheduler, { cardId: 'c1', shownRev: 0, grade: Grade.Good, now: T0, durationMs: 1000, dayStartHour: 4 });
    await expectDigestMatchesCards(db);
    expect((await readCardDigest(db)).find((e) => e.id === 'c1')!.state).not.toBe(CardState.New);
    await answerCard(db, scheduler, { cardId: 'c1', shownRev: first.card.rev, grade: Grade.Again, now: T0 + 60_000, durationMs: 1000, dayStartHour: 4, reviewId: 'r2' });
    await expectDigestMatchesCards(db);
    await undoAnswer(db, 'r2');
    await undoAnswer(db, first.review.id);
    await expectDigestMatchesCards(db);
    expect((await readCardDigest(db)).find((e) => e.id === 'c1')!.state).toBe(CardState.New);
  });

  it('through the built-in deck sync: added, changed and retired cards', async () => {
    const db = freshDb();
    await syncBuiltinDecks(db, makeGenerated(6), T0);
    await expectDigestMatchesCards(db);
    await syncBuiltinDecks(db, makeGenerated(4), T0 + DAY);
    await expectDigestMatchesCards(db);
    expect((await readCardDigest(db)).filter((e) => e.retired)).toHaveLength(2);
  });

  it('through update, delete, a delete of many and clear', async () => {
    const db = freshDb();
    await storeCards(db, Array.from({ length: 200 }, (_, i) => makeCard({ id: `c${String(i).padStart(3, '0')}`, order: i })));
    await updateCard(db, 'c001', { suspended: true, tags: ['domain:cism-2022/1'] });
    await storeCards(db, (await readDeckCards(db, 'deck-a')).map((c) => ({ ...c, stability: 3 })));
    await expectDigestMatchesCards(db);
    await removeCards(db, ['c002', 'c003']);
    await expectDigestMatchesCards(db);
    await removeCards(db, Array.from({ length: 50 }, (_, i) => `c${100 + i}`));
    await expectDigestMatchesCards(db);
    expect(await readCardDigest(db)).toHaveLength(148); // 200 − 2 − c100…c149
    await clearCards(db);
    expect(await readCardDigest(db)).toEqual([]);
  });

  it('through writes issued without waiting for each other in one transaction (an import pipelines its chunks)', async () => {
    const db = freshDb();
    const cards = Array.from({ length: 600 }, (_, i) => makeCard({ id: `c${String(i).padStart(3, '0')}`, order: i }));
    // 600 cards over the buckets: every chunk touches the same packs as the others.
    await db.transaction('rw', cardStores(db), () => Promise.all([0, 200, 400].map((from) => addCards(db, cards.slice(from, from + 200)))));
    await expectDigestMatchesCards(db);
    expect(await readCardDigest(db)).toHaveLength(600);
  });

  it('not at all when the transaction fails: neither cards nor digest change', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'c1' })]);
    const before = await readCardDigest(db);
    await expect(
      db.transaction('rw', cardStores(db), async () => {
        await storeCards(db, [studied('c1')]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readCardDigest(db)).toEqual(before);
  });
});

describe('repairCardDigest', () => {
  it('rebuilds only when cards were written around the card store', async () => {
    const db = freshDb();
    await addCards(db, [makeCard({ id: 'a' }), makeCard({ id: 'b', order: 1 })]);
    expect(await repairCardDigest(db)).toBe(false);

    // A second connection, outside the card store, stands for a raw IndexedDB writer.
    const raw = new Dexie(db.name); // no version declared: opens the stored schema as it is
    await raw.open();
    await raw.table('cardPacks').put(packCards(packOf('c'), [studied('c')]));
    raw.close();

    expect(await repairCardDigest(db)).toBe(true);
    await expectDigestMatchesCards(db);
    expect(await repairCardDigest(db)).toBe(false);
  });

  it('rebuildCardDigest starts from nothing', async () => {
    const db = freshDb();
    await addCards(db, [studied('a')]);
    await db.cardDigest.clear();
    expect(await rebuildCardDigest(db)).toBe(1);
    await expectDigestMatchesCards(db);
  });
});

describe('schema version 5: fewer card indexes', () => {
  it('drops the queue, deckId and tags indexes of a version-4 database, keeps every card, and finds a deck\'s cards by range', async () => {
    const name = `v4-fixture-${process.pid}`;
    const old = openShippedSchema(name, 4);
    await old.table('cards').bulkAdd([studied('s1'), makeCard({ id: 'n1', order: 1 }), makeCard({ id: 'b1', deckId: 'deck-b' })]);
    const cardsBefore = await old.table('cards').toArray();
    old.close();

    const db = openStudyDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    // Version 9 keeps the cards in packs with one index of queue keys (lib/db/migrations/v9-card-packs.ts).
    expect([...db.backendDB().objectStoreNames]).not.toContain('cards');
    const store = db.backendDB().transaction('cardPacks', 'readonly').objectStore('cardPacks');
    expect([...store.indexNames]).toEqual(['queueKeys']);
    expect(await readAllCards(db)).toEqual(cardsBefore);
    expect((await readDeckCards(db, 'deck-b')).map((c) => c.id)).toEqual(['b1']);
    expect((await readDeckCardIds(db, 'deck-a')).sort()).toEqual(['n1', 's1']);
    expect(await countDeckCards(db, 'deck')).toBe(0);
    db.close();
  });
});
