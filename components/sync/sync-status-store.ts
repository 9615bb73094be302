/**
 * What the sync runner is doing, for any screen to show: a small store outside React (the runner
 * is loaded only once sync is set up, while the Settings page may show the status before that).
 */
import { useSyncExternalStore } from 'react';
import type { SyncOutcome, SyncStep } from '@/lib/db/sync-run';

export interface SyncStatus {
  /** The step of the run in progress, or null. */
  running: SyncStep | 'starting' | 'stopping' | null;
  /** The last finished run of this page's life. */
  last: SyncOutcome | null;
  /** How many runs finished in this page's life. */
  runs: number;
}

interface Controls {
  syncNow(): void;
  stop(): Promise<void>;
}

let status: SyncStatus = { running: null, last: null, runs: 0 };
let controls: Controls | null = null;
/** "Sync now" asked for before the runner was loaded: it runs once it is. */
let wanted = false;
const listeners = new Set<() => void>();

export const syncStatus = {
  get: () => status,
  set(next: Partial<SyncStatus>) {
    status = { ...status, ...next };
    for (const l of listeners) l();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** The runner registers itself while it is mounted. */
  attach(c: Controls | null) {
    controls = c;
    if (c && wanted) {
      wanted = false;
      c.syncNow();
    }
  },
  syncNow() {
    if (controls) controls.syncNow();
    else wanted = true;
  },
  stop(): Promise<void> {
    return controls ? controls.stop() : Promise.resolve();
  },
};

export function useSyncStatus(): SyncStatus {
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get, syncStatus.get);
}
