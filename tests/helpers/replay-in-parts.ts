import type { StudyDb } from '@/lib/db/database';
import { cardsToAdd } from '@/lib/db/import-draft';
import { loadSettings } from '@/lib/db/settings';
import { cardIdOf } from '@/lib/import/cards-of-draft';
import type { ImportDraft } from '@/lib/import/draft';
import { historiesOf, memoryAt, packReplayed, type ReplayAhead, type ReplayedMemories, replayHistories, replaySettingsKey } from '@/lib/import/replay-ahead';
import type { MemoryState } from '@/lib/model';
import { createScheduler } from '@/lib/scheduler';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the replay worker does while a package is read (components/import/replay.worker.ts), in
 * the test's own thread: the memories come `delayMs` apart, a part of `partSize` cards at a time,
 * and the packs after the last part, as the worker's messages would. With `failAfterParts`, the
 * replay fails after that many parts.
 */
export async function replayAheadOf(db: StudyDb, draft: ImportDraft, now: number, { partSize = 40, delayMs = 3, failAfterParts = Infinity } = {}): Promise<ReplayAhead> {
  const settings = await loadSettings(db);
  const histories = historiesOf(draft.cards.map((c) => [cardIdOf(c), c.answers] as const));
  const parts: ReplayedMemories[] = [];
  const replayed = replayHistories(histories, createScheduler(settings), now, settings.dayStartHour, (p) => parts.push(p), partSize);
  const cards = await cardsToAdd(db, draft, now);
  const packed = packReplayed(replayed, cards);
  const partOf = new Map<string, number>();
  const memory = new Map<string, MemoryState>();
  parts.forEach((p, k) => p.cardIds.forEach((id, i) => {
    partOf.set(id, k);
    memory.set(id, memoryAt(p.memories, i));
  }));
  const started = Date.now();
  const failure = new Error('The history replay failed: test');
  // The time at which part k has come.
  const arrival = (k: number) => later(Math.max(0, started + (k + 1) * delayMs - Date.now()));
  return {
    basis: { settings: replaySettingsKey(settings), now },
    cards,
    replayed: new Set(histories.cardIds),
    async memories(ids) {
      const last = Math.max(-1, ...ids.map((id) => partOf.get(id)!));
      await arrival(Math.min(last, failAfterParts));
      if (last >= failAfterParts) throw failure;
      return ids.map((id) => memory.get(id)!);
    },
    async packed() {
      await arrival(Math.min(parts.length, failAfterParts));
      if (failAfterParts <= parts.length) throw failure;
      return packed;
    },
  };
}
