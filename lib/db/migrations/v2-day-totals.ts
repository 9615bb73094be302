/**
 * Version 2 adds `dayTotals`, one row per study day summing that day's answers (see
 * lib/stats/day-totals.ts), so the statistics page never reads the whole review log. Answer and
 * undo keep it in step in their own transactions; the upgrade fills it from the existing log.
 */
import { rebuildTotalsIn } from '../stored-day-totals';
import type { Migration } from './migration';

export const v2: Migration = {
  version: 2,
  stores: { dayTotals: 'day' },
  upgrade: (tx) => rebuildTotalsIn(tx.table('reviews'), tx.table('dayTotals')),
};
