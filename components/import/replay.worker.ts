/**
 * Replays an Anki package's review history through FSRS from the moment the import worker has
 * shown the preview (lib/import/replay-ahead.ts): the replay, the larger part of an import's work,
 * runs while the learner reads the preview. The memories go back a part at a time, so an import
 * confirmed sooner stores cards while the rest is replayed. The page gives this worker and the
 * import worker the two ends of one MessageChannel, as the first message.
 */
import { packReplayed, type ReplayedCard, replayHistories } from '@/lib/import/replay-ahead';
import { createScheduler } from '@/lib/scheduler';
import { portScope } from '../workers/worker-scope';
import type { ReplayReply, ReplayRequest } from './replay-messages';

let replayed: Map<string, ReplayedCard> | null = null;
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
        replayed = replayHistories(histories, createScheduler(settings), now, settings.dayStartHour, (part) => importer.send({ type: 'memories', ...part }, [part.memories.buffer]));
        replayMs = Math.round(performance.now() - started);
        return;
      }
      if (!replayed) throw new Error('There is no replayed history to pack.');
      const packed = packReplayed(replayed, request.cards);
      replayed = null;
      importer.send({ type: 'packed', packed, timings: { replay: replayMs, pack: Math.round(performance.now() - started) } }, packed.packs.map((p) => p.numbers.buffer));
    } catch (error) {
      importer.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  });
};
