import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayHistory } from '@/lib/backup/replay';
import { exportBackup } from '@/lib/db/backup';
import { loadAllReviews } from '@/lib/db/review-log';
import { DEFAULT_SETTINGS, Grade, memoryOf, type StudySettings } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';
import { DAY } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { type Answer, importText, MINUTE, newDevice, progressDump, study, T0, TEST_SETTINGS } from '../../helpers/devices';
import { readCard } from '@/lib/db/card-store';

const CARDS = 4;

/** Answers at distinct minutes inside a window, each with its own duration. */
const answersIn = (fromMinute: number, toMinute: number, max: number) =>
  fc.uniqueArray(
    fc.record({ card: fc.integer({ min: 0, max: CARDS - 1 }), grade: fc.constantFrom(Grade.Again, Grade.Hard, Grade.Good, Grade.Easy), minute: fc.integer({ min: fromMinute, max: toMinute }) }),
    { maxLength: max, selector: (a) => a.minute },
  ).map((list) => list.map((a): Answer => ({ cardId: `card-${a.card}`, grade: a.grade, at: T0 + a.minute * MINUTE, durationMs: 1000 + a.minute })));

const DAY_MINUTES = 24 * 60;

/**
 * A laptop studies; a phone is restored from the laptop's backup; both study on their own;
 * then their backups meet. The answers on the two devices fall in overlapping periods, so
 * one card may get answers from both, interleaved in time.
 */
async function twoDevices(base: Answer[], onA: Answer[], onB: Answer[], settings: StudySettings) {
  const laptop = freshDb();
  await newDevice(laptop, CARDS, settings);
  await study(laptop, base, settings);
  const phone = freshDb();
  await newDevice(phone, CARDS, settings);
  await importText(phone, (await exportBackup(laptop, T0)).text);
  await study(laptop, onA, settings);
  await study(phone, onB, settings);
  return { laptop, phone, fileA: (await exportBackup(laptop, T0 + 40 * DAY)).text, fileB: (await exportBackup(phone, T0 + 40 * DAY)).text };
}

describe('merging backups from two devices', () => {
  it('gives the same result in either order, and the schedule of one device that gave every answer', async () => {
    await fc.assert(
      fc.asyncProperty(
        answersIn(0, 3 * DAY_MINUTES, 6),
        answersIn(3 * DAY_MINUTES + 1, 30 * DAY_MINUTES, 6),
        answersIn(3 * DAY_MINUTES + 1, 30 * DAY_MINUTES, 6),
        fc.boolean(),
        async (base, a, b, fuzz) => {
          // Two devices never answer at the same millisecond.
          const bOnly = b.filter((x) => !a.some((y) => y.at === x.at));
          const settings = { ...TEST_SETTINGS, fuzz };
          const { laptop, phone, fileA, fileB } = await twoDevices(base, a, bOnly, settings);

          const first = freshDb();
          await importText(first, fileA);
          await importText(first, fileB);
          const second = freshDb();
          await importText(second, fileB);
          await importText(second, fileA);
          const merged = await progressDump(first);
          expect(await progressDump(second)).toEqual(merged);

          // Each device importing the other's file ends up in the same place too.
          await importText(laptop, fileB);
          await importText(phone, fileA);
          expect(await progressDump(laptop)).toEqual(merged);
          expect(await progressDump(phone)).toEqual(merged);

          // ...which is what a single device that gave all the answers in time order would hold.
          const one = freshDb();
          await newDevice(one, CARDS, settings);
          await study(one, [...base, ...a, ...bOnly], settings);
          expect(merged).toEqual(await progressDump(one));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('recomputes a card answered on both devices from the interleaved answers', async () => {
    const card = 'card-0';
    const { fileA, fileB } = await twoDevices(
      [{ cardId: card, grade: Grade.Good, at: T0, durationMs: 1000 }],
      [{ cardId: card, grade: Grade.Good, at: T0 + 2 * DAY, durationMs: 1000 }, { cardId: card, grade: Grade.Again, at: T0 + 9 * DAY, durationMs: 1000 }],
      [{ cardId: card, grade: Grade.Easy, at: T0 + 5 * DAY, durationMs: 1000 }],
      TEST_SETTINGS,
    );
    const merged = freshDb();
    await importText(merged, fileA);
    const summary = await importText(merged, fileB);
    // The phone's answer falls between the laptop's two: the laptop's later answer is recomputed.
    expect(summary).toMatchObject({ reviewsAdded: 1, cardsWithNewReviews: 1, cardsRescheduled: 1, reviewsRecomputed: 1 });
    const log = (await loadAllReviews(merged)).filter((r) => r.cardId === card).sort((x, y) => x.reviewedAt - y.reviewedAt);
    expect(log.map((r) => r.grade)).toEqual([Grade.Good, Grade.Good, Grade.Easy, Grade.Again]);
    expect(log.map((r) => r.before.reps)).toEqual([0, 1, 2, 3]);
    expect((await readCard(merged, card))!.reps).toBe(4);
  });
});

describe('replaying a card\'s log', () => {
  it('keeps the recorded results of an unmerged history, even across a change of settings', async () => {
    const db = freshDb();
    await newDevice(db, 1);
    const early = { ...TEST_SETTINGS, desiredRetention: 0.9 };
    const late: StudySettings = { ...TEST_SETTINGS, desiredRetention: 0.8, maximumIntervalDays: 30 };
    await study(db, [{ cardId: 'card-0', grade: Grade.Good, at: T0 }, { cardId: 'card-0', grade: Grade.Good, at: T0 + 10 * MINUTE }], early);
    await study(db, [{ cardId: 'card-0', grade: Grade.Good, at: T0 + 3 * DAY }, { cardId: 'card-0', grade: Grade.Hard, at: T0 + 12 * DAY }], late);
    const reviews = (await loadAllReviews(db)).sort((x, y) => x.reviewedAt - y.reviewedAt);
    const card = (await readCard(db, 'card-0'))!;

    // Replaying with today's settings keeps every recorded result...
    const replayed = replayHistory(createScheduler(late), 'card-0', reviews.map((r) => ({ copies: [r] })), [memoryOf(card)]);
    expect(replayed.reviews).toEqual(reviews);
    expect(replayed.memory).toEqual(memoryOf(card));
    // ...where computing everything again would not: the early answers were scheduled under other settings.
    const recomputed = replayHistory(createScheduler(late), 'card-0', reviews.map((r) => ({ copies: [{ ...r, stabilityAfter: -1 }] })), []);
    expect(recomputed.reviews[1]!.scheduledDays).not.toBe(reviews[1]!.scheduledDays);
  });

  it('computes what the answer path computes, answer by answer', async () => {
    const db = freshDb();
    await newDevice(db, 1);
    const settings = { ...DEFAULT_SETTINGS, fuzz: true };
    await study(db, [Grade.Again, Grade.Good, Grade.Good, Grade.Easy, Grade.Hard, Grade.Again, Grade.Good].map((grade, i) => ({ cardId: 'card-0', grade, at: T0 + i * i * DAY + i * MINUTE })), settings);
    const reviews = (await loadAllReviews(db)).sort((x, y) => x.reviewedAt - y.reviewedAt);
    // Break every link between recorded answers so each one is computed again by FSRS.
    const unlinked = reviews.map((r) => ({ copies: [{ ...r, stabilityAfter: -1 }] }));
    const replayed = replayHistory(createScheduler(settings), 'card-0', unlinked, []);
    expect(replayed.reviews).toEqual(reviews);
    expect(replayed.memory).toEqual(memoryOf((await readCard(db, 'card-0'))!));
  });
});
