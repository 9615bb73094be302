/** One schema version: the tables it adds or changes, and the conversion of existing rows, if any. */
import type { Transaction } from 'dexie';

export interface Migration {
  version: number;
  /** Dexie store definitions added or changed by this version (null deletes a table). */
  stores: Record<string, string | null>;
  /** Rewrites existing rows inside the upgrade transaction; absent when nothing needs converting. */
  upgrade?: (tx: Transaction) => Promise<unknown>;
}
