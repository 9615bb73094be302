/** The import worker's side of the replay worker (components/import/replay-by-worker.ts), over a real MessageChannel. */
import { describe, expect, it } from 'vitest';
import { ReplayByWorker } from '@/components/import/replay-by-worker';
import type { ReplayReply, ReplayRequest } from '@/components/import/replay-messages';
import { historiesOf, memoryAt } from '@/lib/import/replay-ahead';
import { DEFAULT_SETTINGS, Grade } from '@/lib/model';
import { T0 } from '../../helpers/cards';

const memory = (due: number) => new Float64Array([due, 2.5, 5, 0, 1, 0, 1, 0, 2, due - 1]);

function connected() {
  const channel = new MessageChannel();
  const replay = new ReplayByWorker(channel.port1 as unknown as MessagePort);
  const requests: ReplayRequest[] = [];
  channel.port2.onmessage = (e: MessageEvent<ReplayRequest>) => requests.push(e.data);
  const reply = (r: ReplayReply) => channel.port2.postMessage(r);
  const pending = <T>(p: Promise<T>) => {
    let state: 'waiting' | 'done' | 'failed' = 'waiting';
    p.then(() => (state = 'done'), () => (state = 'failed'));
    return () => state;
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { replay, requests, reply, pending, settle, close: () => channel.port2.close() };
}

describe('the replay, as the import worker sees it', () => {
  it('asks the replay worker to replay and pack, and hands over memories once their part has come', async () => {
    const { replay, requests, reply, pending, settle, close } = connected();
    replay.replay(historiesOf([['a', [{ at: T0, grade: Grade.Good, durationMs: 1 }]]]), DEFAULT_SETTINGS, T0);
    replay.pack({ cardIds: ['a', 'b'], deckIds: ['d', 'd'] });
    await settle();
    expect(requests.map((r) => r.type)).toEqual(['replay', 'pack']);
    expect(replay.replayed).toEqual(new Set(['a']));

    const both = replay.memories(['a', 'c']);
    const state = pending(both);
    reply({ type: 'memories', cardIds: ['a'], memories: memory(T0 + 1) });
    await settle();
    expect(state()).toBe('waiting');
    reply({ type: 'memories', cardIds: ['c'], memories: memory(T0 + 2) });
    expect((await both).map((m) => m.due)).toEqual([T0 + 1, T0 + 2]);
    expect(await replay.memories(['c'])).toEqual([memoryAt(memory(T0 + 2), 0)]);

    const packed = replay.packed();
    reply({ type: 'packed', packed: { packs: [], totals: [] }, timings: { replay: 5, pack: 1 } });
    expect(await packed).toEqual({ packs: [], totals: [] });
    expect(replay.timings).toEqual({ replay: 5, pack: 1 });
    close();
  });

  it('fails every wait, then and later, when the replay worker reports a failure', async () => {
    const { replay, reply, close } = connected();
    const waiting = replay.memories(['a']);
    const packed = replay.packed();
    reply({ type: 'failed', message: 'out of memory' });
    await expect(waiting).rejects.toThrow('The history replay failed: out of memory');
    await expect(packed).rejects.toThrow('out of memory');
    await expect(replay.memories(['b'])).rejects.toThrow('out of memory');
    expect(replay.failed).toBe(true);
    close();
  });

  it('fails the waits when the replay worker is lost', async () => {
    const { replay, close } = connected();
    const waiting = replay.memories(['a']);
    replay.stop('The history replay stopped unexpectedly.');
    await expect(waiting).rejects.toThrow('stopped unexpectedly');
    expect(replay.failed).toBe(true);
    close();
  });
});
