/** The typed messages between the page and the sync worker (components/workers/ carries them). */
import type { SyncOutcome, SyncStep } from '@/lib/db/sync-run';

/** `stop` removes this device's replica; the page then forgets the set-up. */
export type SyncRequest = { type: 'sync' } | { type: 'stop' };

export type SyncReply =
  | { type: 'step'; step: SyncStep }
  | { type: 'done'; outcome: SyncOutcome }
  | { type: 'stopped' }
  | { type: 'failed'; message: string };
