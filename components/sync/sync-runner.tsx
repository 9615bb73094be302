'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { onStudyDataChange } from '@/lib/db/sync-hooks';
import type { StudyDb } from '@/lib/db/schema';
import type { SyncOutcome } from '@/lib/db/sync-run';
import { useWorker } from '../workers/use-worker';
import type { SyncReply, SyncRequest } from './sync-messages';
import { syncStatus } from './sync-status-store';

/** After a change, wait this long for more before syncing (answers come a few seconds apart). */
const AFTER_CHANGE_MS = 4000;
/** While the app is open, look for other devices' changes this often. */
const EVERY_MS = 5 * 60_000;

/**
 * Runs sync once it is set up (sync-agent.tsx loads this module only then): on "Sync now", and,
 * with "Sync automatically", when the app opens, when the device comes back online, a few
 * seconds after each change and every few minutes. The work happens in the sync worker.
 */
export default function SyncRunner({ db, auto }: { db: StudyDb; auto: boolean }) {
  const busy = useRef(false);
  const again = useRef(false);
  const stopped = useRef<(() => void) | null>(null);
  // Bumped when a change came in during a run: one more run follows.
  const [rerun, setRerun] = useState(0);

  const send = useWorker<SyncRequest, SyncReply>(
    () => new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' }),
    (reply) => {
      if (reply.type === 'step') return syncStatus.set({ running: reply.step });
      busy.current = false;
      if (reply.type === 'stopped') {
        syncStatus.set({ running: null });
        stopped.current?.();
        return;
      }
      // For `npm run bench`: one run, from its start to its outcome on the page, and its steps in the worker.
      performance.measure('sync:run', 'sync:start');
      if (reply.type === 'done') {
        for (const [step, ms] of Object.entries(reply.outcome.timings ?? {})) performance.measure(`sync:${step}`, { start: 0, duration: ms });
        for (const [what, n] of Object.entries(reply.outcome.counts ?? {})) performance.measure(`sync:count:${what}`, { start: 0, duration: n });
      }
      const outcome: SyncOutcome = reply.type === 'done' ? reply.outcome : { ok: false, message: reply.message, merged: null, sent: 0, waiting: 0, skipped: [] };
      syncStatus.set({ last: outcome, runs: syncStatus.get().runs + 1, running: null });
      if (again.current) {
        again.current = false;
        setRerun((n) => n + 1);
      }
    },
    (message) => ({ type: 'failed', message: `Sync stopped unexpectedly${message ? ` (${message})` : ''}. Nothing on this device was changed; sync again.` }),
  );

  const start = useCallback(() => {
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    performance.mark('sync:start');
    syncStatus.set({ running: 'starting' });
    send({ type: 'sync' });
  }, [send]);

  const stop = useCallback(
    () =>
      new Promise<void>((resolve) => {
        stopped.current = resolve;
        busy.current = true;
        syncStatus.set({ running: 'stopping' });
        send({ type: 'stop' });
      }),
    [send],
  );

  useEffect(() => {
    syncStatus.attach({ syncNow: start, stop });
    return () => syncStatus.attach(null);
  }, [start, stop]);

  useEffect(() => {
    if (rerun) start();
  }, [rerun, start]);

  useEffect(() => {
    if (!auto) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const soon = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (navigator.onLine) start();
      }, ms);
    };
    soon(1500);
    const online = () => soon(500);
    window.addEventListener('online', online);
    const unlisten = onStudyDataChange(db, () => soon(AFTER_CHANGE_MS));
    const every = setInterval(() => soon(0), EVERY_MS);
    return () => {
      clearTimeout(timer);
      clearInterval(every);
      window.removeEventListener('online', online);
      unlisten();
    };
  }, [db, auto, start]);

  return null;
}
