/**
 * Version 3 adds `packedReviews`: answers brought in by an import, packed one row per study day
 * (lib/review-pack.ts). Chromium spends ~80 µs on every stored row, so a restore of 300,000
 * answers as rows would take 30 s; packed it takes well under one. Answers given on this device
 * stay in `reviews`, one row each. Read the log through lib/db/review-log.ts, which sees both.
 * A new, empty table: nothing to convert.
 */
import type { Migration } from './migration';

export const v3: Migration = { version: 3, stores: { packedReviews: 'day' } };
