/**
 * Version 6 adds the practice log: one row per practice quiz or mock exam (lib/practice/attempt.ts),
 * stored as it goes and finished in one write. `status` finds an attempt in progress to resume;
 * `finishedAt` lists the history in order. A new table: nothing to convert.
 */
import type { Migration } from './migration';

export const v6: Migration = { version: 6, stores: { practiceAttempts: 'id, status, finishedAt' } };
