/**
 * Where the learner's own and imported cards sit in the order new cards are introduced: after
 * every built-in card, in the order they were added. A counter in `meta`, read and advanced in
 * the transaction that adds the cards.
 */
import type { StudyDb } from './schema';

const ORDER_KEY = 'next-imported-card-order';
/** Imported and own cards are introduced after every built-in card. */
const FIRST_ORDER = 10_000_000;

/** The next free `order` for a new card of the learner's. Call inside a transaction. */
export async function nextOrder(db: StudyDb): Promise<number> {
  const stored = await db.meta.get(ORDER_KEY);
  return stored ? Number(stored.value) : FIRST_ORDER;
}

/** Marks `count` orders from `from` as taken. Call in the transaction that read nextOrder. */
export async function takeOrders(db: StudyDb, from: number, count: number): Promise<void> {
  if (count > 0) await db.meta.put({ key: ORDER_KEY, value: String(from + count) });
}
