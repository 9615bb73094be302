import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { undoAnswer } from '@/lib/db/answer-transactions';
import { applyToCards } from '@/lib/db/own-cards';
import { saveSettings } from '@/lib/db/settings';
import { syncOnce } from '@/lib/db/sync-run';
import { newSyncRecord, saveSyncRecord } from '@/lib/db/sync-record';
import { Grade } from '@/lib/model';
import { freshDb } from '../../helpers/db';
import { MINUTE, newDevice, progressDump, study, T0, TEST_SETTINGS } from '../../helpers/devices';
import { MemoryServer, memoryReplica } from '../../helpers/memory-replica';
import { readCard } from '@/lib/db/card-store';

const CARDS = 3;
const CONFIG = { server: 'http://localhost:5984', database: 'study', username: '', password: '' };

type Step =
  | { kind: 'answer'; device: number; card: number; grade: Grade }
  | { kind: 'undo'; device: number }
  | { kind: 'settings'; device: number; newCards: number }
  | { kind: 'mark'; device: number; card: number; suspend: boolean; flag: number }
  | { kind: 'sync'; device: number };

const step = (devices: number): fc.Arbitrary<Step> => {
  const device = fc.integer({ min: 0, max: devices - 1 });
  const card = fc.integer({ min: 0, max: CARDS - 1 });
  return fc.oneof(
    { weight: 5, arbitrary: fc.record({ kind: fc.constant('answer' as const), device, card, grade: fc.constantFrom(Grade.Again, Grade.Hard, Grade.Good, Grade.Easy) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('undo' as const), device }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), device, newCards: fc.integer({ min: 1, max: 50 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('mark' as const), device, card, suspend: fc.boolean(), flag: fc.integer({ min: 0, max: 7 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), device }) },
  );
};

/**
 * Replicas study, undo, change settings and mark cards on their own, syncing now and then in
 * any order; at the end each syncs until all have seen everything. Every replica must then hold
 * the same answers, schedules, marks and settings.
 */
async function run(devices: number, steps: Step[]) {
  const server = new MemoryServer();
  const replicas = [];
  for (let i = 0; i < devices; i += 1) {
    const db = freshDb();
    await newDevice(db, CARDS);
    await saveSyncRecord(db, { ...newSyncRecord(`device-${i}`), config: CONFIG });
    replicas.push({ db, replica: memoryReplica(server), lastAnswer: null as string | null });
  }
  let now = T0;
  for (const s of steps) {
    now += 7 * MINUTE;
    const r = replicas[s.device]!;
    switch (s.kind) {
      case 'answer': {
        const card = await readCard(r.db, `card-${s.card}`);
        if (card?.suspended) break;
        await study(r.db, [{ cardId: `card-${s.card}`, grade: s.grade, at: now }]);
        r.lastAnswer = `r-card-${s.card}-${now}`;
        break;
      }
      case 'undo': {
        // As the study screen allows: the last answer given here, if it is still its card's latest.
        if (!r.lastAnswer) break;
        const review = await r.db.reviews.get(r.lastAnswer);
        const card = review && (await readCard(r.db, review.cardId));
        if (card && card.lastReview === review.reviewedAt) await undoAnswer(r.db, r.lastAnswer, now);
        r.lastAnswer = null;
        break;
      }
      case 'settings':
        await saveSettings(r.db, { ...TEST_SETTINGS, newCardsPerDay: s.newCards }, now);
        break;
      case 'mark':
        await applyToCards(r.db, [`card-${s.card}`], { kind: 'suspend', on: s.suspend }, now);
        await applyToCards(r.db, [`card-${s.card}`], { kind: 'flag', flag: s.flag }, now);
        break;
      case 'sync': {
        const outcome = await syncOnce(r.db, r.replica, now);
        // The answer just given stays undoable: an automatic sync may have sent it already.
        if (!outcome.ok) throw new Error(outcome.message);
        break;
      }
    }
  }
  now += MINUTE;
  for (let round = 0; round < 2; round += 1) for (const r of replicas) expect((await syncOnce(r.db, r.replica, now)).ok).toBe(true);
  const dumps = await Promise.all(replicas.map((r) => progressDump(r.db)));
  for (const d of dumps.slice(1)) expect(d).toEqual(dumps[0]);
}

describe('sync converges', () => {
  it('two or three replicas end in one state, whatever the order of answers, undos, edits and syncs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 3 }).chain((n) => fc.tuple(fc.constant(n), fc.array(step(n), { minLength: 1, maxLength: 30 }))), ([n, steps]) => run(n, steps)),
      { numRuns: 80 },
    );
  }, 120_000);
});
