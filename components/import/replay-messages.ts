/**
 * What the Anki import worker and the replay worker say to each other, over the port the page
 * gave them both (components/workers/worker-scope.ts, `portScope`).
 */
import type { AddedCards, Histories, PackedAnswers, ReplayedMemories } from '@/lib/import/replay-ahead';
import type { StudySettings } from '@/lib/model';

export type ReplayRequest =
  | { type: 'replay'; histories: Histories; settings: StudySettings; now: number }
  | { type: 'pack'; cards: AddedCards };

export type ReplayReply =
  /** Sent as the replay goes, a part at a time. */
  | ({ type: 'memories' } & ReplayedMemories)
  /** `timings`: how long replaying and packing took here (ms), for `npm run bench`. */
  | { type: 'packed'; packed: PackedAnswers; timings: { replay: number; pack: number } }
  | { type: 'failed'; message: string };
