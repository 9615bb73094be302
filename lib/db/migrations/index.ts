/**
 * Every schema version, in order. Append-only: never edit a shipped version; add the next one in
 * its own file, with a fixture in tests/fixtures/db/ (a test fails without one).
 */
import type { Migration } from './migration';
import { v1 } from './v1-initial';
import { v2 } from './v2-day-totals';
import { v3 } from './v3-packed-reviews';
import { v4 } from './v4-card-digest';
import { v5 } from './v5-lean-card-indexes';
import { v6 } from './v6-practice-attempts';
import { v7 } from './v7-own-cards';
import { v8 } from './v8-one-card-index';
import { v9 } from './v9-card-packs';

export const MIGRATIONS: readonly Migration[] = [v1, v2, v3, v4, v5, v6, v7, v8, v9];
export type { Migration };
