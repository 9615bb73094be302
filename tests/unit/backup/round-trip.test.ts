import { describe, expect, it } from 'vitest';
import { exportBackup, applyImport, prepareImport } from '@/lib/db/backup';
import { summaryHeadline } from '@/lib/backup/merge';
import { CardState, Grade, memoryOf } from '@/lib/model';
import { syncBuiltinDecks } from '@/lib/db/sync-decks';
import { DAY, makeGenerated } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { dumpAll, HOUR, importText, logicalDump, MINUTE, newDevice, study, T0, TEST_SETTINGS, textSource, withoutRev } from '../../helpers/devices';
import { readCard } from '@/lib/db/card-store';
import type { CardPack } from '@/lib/db/schema';

const HISTORY = [
  { cardId: 'card-0', grade: Grade.Good, at: T0 },
  { cardId: 'card-0', grade: Grade.Good, at: T0 + 10 * MINUTE },
  { cardId: 'card-1', grade: Grade.Again, at: T0 + 2 * MINUTE },
  { cardId: 'card-1', grade: Grade.Hard, at: T0 + 3 * MINUTE },
  { cardId: 'card-2', grade: Grade.Easy, at: T0 + 5 * MINUTE },
  { cardId: 'card-0', grade: Grade.Good, at: T0 + 3 * DAY },
  { cardId: 'card-2', grade: Grade.Again, at: T0 + 9 * DAY + HOUR },
];

async function studiedDevice() {
  const db = freshDb();
  await newDevice(db);
  await study(db, HISTORY);
  return db;
}

describe('export, then import into a fresh database', () => {
  it('gives back exactly what was exported: every table row for row', async () => {
    const source = await studiedDevice();
    const file = await exportBackup(source, T0 + 10 * DAY);
    expect(file.reviews).toBe(HISTORY.length);

    const target = freshDb();
    const summary = await importText(target, file.text);
    expect(summary).toMatchObject({ reviewsAdded: 7, cardsWithNewReviews: 3, cardsAdded: 6, decksAdded: 2, settingsChanged: expect.any(Array) });

    // The review log is stored differently (imported answers are packed per day), the progress is not.
    expect(await logicalDump(target)).toEqual(await logicalDump(source));
    const [a, b] = [await dumpAll(source), await dumpAll(target)];
    expect(a.cardPacks!.flatMap((p) => (p as CardPack).cards)).toHaveLength(6);
    expect(a.reviews!.length).toBe(7);
    for (const table of ['cardPacks', 'cardDigest', 'decks', 'settings', 'dayTotals']) expect(b[table], table).toEqual(a[table]);
    expect(b.reviews).toEqual([]);
    expect(b.packedReviews!.length).toBe(3);
  });

  it('writes a file that exports again identically from the restored copy', async () => {
    const source = await studiedDevice();
    const first = await exportBackup(source, T0 + 10 * DAY);
    const target = freshDb();
    await importText(target, first.text);
    const again = await exportBackup(target, T0 + 10 * DAY);
    expect(again.text).toBe(first.text);
  });

  it('restores into a device that has only the built-in decks (a new device, set up later)', async () => {
    const source = await studiedDevice();
    const file = await exportBackup(source, T0 + 10 * DAY);
    const target = freshDb();
    await newDevice(target, 6, TEST_SETTINGS, T0 - 10 * DAY, T0 + 11 * DAY);
    expect((await readCard(target, 'card-5'))!.due).toBe(T0 + 11 * DAY);
    const summary = await importText(target, file.text);
    expect(summaryHeadline(summary)).toBe('Adds 7 reviews on 3 cards, changes no settings, removes nothing.');
    const [want, got] = [await logicalDump(source), await logicalDump(target)];
    expect(got.reviews).toEqual(want.reviews);
    expect(got.dayTotals).toEqual(want.dayTotals);
    expect(got.cards.map(withoutRev)).toEqual(want.cards.map(withoutRev));
  });
});

describe('a card whose question a deck update reworded', () => {
  it('keeps the memory it took over, through a restore into a device with the new decks, once it is answered', async () => {
    const reworded = makeGenerated(6);
    Object.assign(reworded.cards[0]!, { id: 'card-0-new', front: 'Question 0, reworded' });
    const source = await studiedDevice();
    const before = memoryOf((await readCard(source, 'card-0'))!);
    await syncBuiltinDecks(source, reworded, T0 + 10 * DAY);
    const carried = (await readCard(source, 'card-0-new'))!;
    expect(memoryOf(carried)).toEqual(before);
    expect(carried).toMatchObject({ state: CardState.Review, reps: 3 });
    await study(source, [{ cardId: 'card-0-new', grade: Grade.Good, at: carried.due }]);
    const file = await exportBackup(source, carried.due + DAY);

    const target = freshDb();
    await newDevice(target);
    await syncBuiltinDecks(target, reworded, T0 + 11 * DAY);
    expect(await readCard(target, 'card-0-new')).toMatchObject({ state: CardState.New });
    await importText(target, file.text);
    // The replay starts from the answer's recorded state before: the carried memory.
    expect(memoryOf((await readCard(target, 'card-0-new'))!)).toEqual(memoryOf((await readCard(source, 'card-0-new'))!));
    expect(await readCard(target, 'card-0-new')).toMatchObject({ reps: 4 });
  });
});

describe('importing the same file twice', () => {
  it('changes nothing the second time, and the preview says so', async () => {
    const source = await studiedDevice();
    const file = await exportBackup(source, T0 + 10 * DAY);
    const target = freshDb();
    await newDevice(target);
    await study(target, [{ cardId: 'card-3', grade: Grade.Good, at: T0 + HOUR }]);
    await importText(target, file.text);
    const afterFirst = await dumpAll(target);

    const prepared = await prepareImport(target, textSource(file.text));
    if (!prepared.ok) throw new Error(prepared.problem.message);
    expect(summaryHeadline(prepared.summary)).toBe('Changes nothing: everything in this backup is already here. Removes nothing.');
    expect(prepared.summary.reviewsAlreadyHere).toBe(7);
    const applied = await applyImport(target, prepared);
    expect(applied.ok).toBe(true);
    expect(await dumpAll(target)).toEqual(afterFirst);
  });

  it('also changes nothing when the file is this device\'s own backup', async () => {
    const db = await studiedDevice();
    const before = await dumpAll(db);
    await importText(db, (await exportBackup(db, T0 + 10 * DAY)).text);
    expect(await dumpAll(db)).toEqual(before);
  });
});
