'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SyncOutcome, SyncStep } from '@/lib/db/sync-run';
import { onStudyDataChange, useSyncRecord } from '@/lib/db/sync-hooks';
import type { SyncRecord } from '@/lib/db/sync-store';
import { useStudyDb } from '../app-shell/storage-provider';
import { useWorker } from '../workers/use-worker';
import type { SyncReply, SyncRequest } from './sync-messages';

export interface SyncState {
  record: SyncRecord | null | undefined;
  /** The step of the sync running now, or null. */
  running: SyncStep | 'starting' | 'stopping' | null;
  /** The last finished run of this page's life. */
  last: SyncOutcome | null;
  /** How many runs finished in this page's life (tests wait for the next one). */
  runs: number;
  syncNow(): void;
  stop(): Promise<void>;
}

const SyncContext = createContext<SyncState>({ record: undefined, running: null, last: null, runs: 0, syncNow: () => undefined, stop: async () => undefined });

/** After a change, wait this long for more before syncing (answers come a few seconds apart). */
const AFTER_CHANGE_MS = 4000;
/** While the app is open, look for other devices' changes this often. */
const EVERY_MS = 5 * 60_000;

/**
 * Runs sync for the whole app once it is set up: on "Sync now", and, with "Sync automatically",
 * when the app opens, when the device comes back online, a few seconds after each change and
 * every few minutes. The worker (and PouchDB with it) starts only when sync is set up.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useStudyDb();
  const record = useSyncRecord(db);
  const [running, setRunning] = useState<SyncState['running']>(null);
  const [last, setLast] = useState<SyncOutcome | null>(null);
  const [runs, setRuns] = useState(0);
  const busy = useRef(false);
  const again = useRef(false);
  const stopped = useRef<(() => void) | null>(null);
  // Bumped when a change came in during a sync: one more run follows.
  const [rerun, setRerun] = useState(0);

  const send = useWorker<SyncRequest, SyncReply>(
    () => new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' }),
    (reply) => {
      if (reply.type === 'step') return setRunning(reply.step);
      if (reply.type === 'stopped') {
        busy.current = false;
        setRunning(null);
        stopped.current?.();
        return;
      }
      const outcome = reply.type === 'done' ? reply.outcome : { ok: false, message: reply.message, merged: null, sent: 0, waiting: 0, skipped: [] };
      setLast(outcome);
      setRuns((n) => n + 1);
      setRunning(null);
      busy.current = false;
      if (again.current) {
        again.current = false;
        setRerun((n) => n + 1);
      }
    },
    (message) => ({ type: 'failed', message: `Sync stopped unexpectedly${message ? ` (${message})` : ''}. Nothing on this device was changed; sync again.` }),
  );

  const start = useCallback(() => {
    if (busy.current) {
      // A change during a sync: one more run afterwards picks it up.
      again.current = true;
      return;
    }
    busy.current = true;
    setRunning('starting');
    send({ type: 'sync' });
  }, [send]);

  useEffect(() => {
    if (rerun) start();
  }, [rerun, start]);

  const configured = Boolean(record?.config);
  const auto = configured && record?.auto === true;

  useEffect(() => {
    if (!db || !auto) return;
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

  const stop = useCallback(
    () =>
      new Promise<void>((resolve) => {
        stopped.current = resolve;
        busy.current = true;
        setRunning('stopping');
        send({ type: 'stop' });
      }),
    [send],
  );

  const syncNow = useCallback(() => start(), [start]);
  return <SyncContext.Provider value={{ record, running, last, runs, syncNow, stop }}>{children}</SyncContext.Provider>;
}

export function useSync(): SyncState {
  return useContext(SyncContext);
}
