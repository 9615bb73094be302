/**
 * The import worker's side of a replay made by the replay worker (replay.worker.ts): a
 * ReplayAhead (lib/import/replay-ahead.ts) that importDraft stores from, fed by the worker's
 * messages as they come.
 */
import type { AddedCards, Histories, PackedAnswers, ReplayAhead, ReplayBasis } from '@/lib/import/replay-ahead';
import { memoryAt, replaySettingsKey } from '@/lib/import/replay-ahead';
import type { MemoryState, StudySettings } from '@/lib/model';
import { portScope } from '../workers/worker-scope';
import type { ReplayReply, ReplayRequest } from './replay-messages';

interface Waiting {
  ids: readonly string[];
  resolve: (memories: MemoryState[]) => void;
  reject: (error: Error) => void;
}

export class ReplayByWorker implements ReplayAhead {
  basis: ReplayBasis = { settings: '', now: 0 };
  cards: AddedCards = { cardIds: [], deckIds: [] };
  replayed: ReadonlySet<string> = new Set();
  /** How long replaying and packing took in the replay worker (ms), once packed. */
  timings: { replay: number; pack: number } | null = null;
  private readonly port: MessagePort;
  private readonly worker: ReturnType<typeof portScope<ReplayReply, ReplayRequest>>;
  private readonly got = new Map<string, MemoryState>();
  private waiting: Waiting[] = [];
  private failure: Error | null = null;
  private packedAnswers: PackedAnswers | null = null;
  private packedWaiting: { resolve: (p: PackedAnswers) => void; reject: (error: Error) => void }[] = [];

  constructor(port: MessagePort) {
    this.port = port;
    this.worker = portScope<ReplayReply, ReplayRequest>(port);
    this.worker.listen((reply) => this.onReply(reply));
  }

  /** Whether it failed (or was stopped): an import then replays the history itself. */
  get failed(): boolean {
    return this.failure !== null;
  }

  replay(histories: Histories, settings: StudySettings, now: number): void {
    this.basis = { settings: replaySettingsKey(settings), now };
    this.replayed = new Set(histories.cardIds);
    this.worker.send({ type: 'replay', histories, settings, now }, [histories.counts.buffer, histories.answers.buffer]);
  }

  pack(cards: AddedCards): void {
    this.cards = cards;
    this.worker.send({ type: 'pack', cards });
  }

  memories(cardIds: readonly string[]): Promise<MemoryState[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ids: cardIds, resolve, reject });
      this.settle();
    });
  }

  packed(): Promise<PackedAnswers> {
    return new Promise((resolve, reject) => {
      this.packedWaiting.push({ resolve, reject });
      this.settle();
    });
  }

  /** The replay worker is gone (crashed, or the import moved on). */
  stop(reason = 'The history replay stopped before it was over.'): void {
    if (!this.failure) this.failure = new Error(reason);
    this.port.close();
    this.settle();
  }

  private onReply(reply: ReplayReply): void {
    if (reply.type === 'memories') reply.cardIds.forEach((id, i) => this.got.set(id, memoryAt(reply.memories, i)));
    else if (reply.type === 'packed') {
      this.packedAnswers = reply.packed;
      this.timings = reply.timings;
    } else this.failure = new Error(`The history replay failed: ${reply.message}`);
    this.settle();
  }

  private settle(): void {
    const still: Waiting[] = [];
    for (const w of this.waiting) {
      if (w.ids.every((id) => this.got.has(id))) w.resolve(w.ids.map((id) => this.got.get(id)!));
      else if (this.failure) w.reject(this.failure);
      else still.push(w);
    }
    this.waiting = still;
    if (this.packedAnswers || this.failure) {
      for (const w of this.packedWaiting) {
        if (this.packedAnswers) w.resolve(this.packedAnswers);
        else w.reject(this.failure!);
      }
      this.packedWaiting = [];
    }
  }
}
