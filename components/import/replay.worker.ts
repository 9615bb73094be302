/**
 * Replays an Anki package's review history through FSRS while the import worker is still reading
 * the package's notes (lib/import/replay-ahead.ts): on two cores, the history's replay, most of an
 * import's work, is done by the time the learner confirms. The page gives this worker and the
 * import worker the two ends of one MessageChannel, as the first message.
 */
import { packReplayed, type ReplayBasis, type ReplayedCard, replayHistories, replaySettingsKey } from '@/lib/import/replay-ahead';
import { createScheduler } from '@/lib/scheduler';
import { portScope } from '../workers/worker-scope';
import type { ReplayReply, ReplayRequest } from './replay-messages';

let replayed: { cards: Map<string, ReplayedCard>; basis: ReplayBasis } | null = null;
/** How long the replay took (ms), for `npm run bench`. */
let replayMs = 0;

self.onmessage = (e: MessageEvent) => {
  const port = e.ports[0];
  if (!port) return;
  const importer = portScope<ReplayRequest, ReplayReply>(port);
  importer.listen((request) => {
    const started = performance.now();
    try {
      if (request.type === 'replay') {
        const { histories, settings, now } = request;
        replayed = { cards: replayHistories(histories, createScheduler(settings), now, settings.dayStartHour), basis: { settings: replaySettingsKey(settings), now } };
        replayMs = Math.round(performance.now() - started);
        return;
      }
      if (!replayed) throw new Error('There is no replayed history to pack.');
      const result = packReplayed(replayed.cards, request.cards, replayed.basis);
      replayed = null;
      importer.send({ type: 'replayed', result, timings: { replay: replayMs, pack: Math.round(performance.now() - started) } }, result.packs.map((p) => p.numbers.buffer));
    } catch (error) {
      importer.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
