/**
 * Buried cards coming back when their study day has begun. Its own small module: start-up and every
 * study session run it, and they should not carry the card browser's operations (own-cards.ts).
 */
import Dexie from 'dexie';
import { withQueueFields } from '../model';
import { withStorageErrors } from './errors';
import type { StudyDb } from './schema';

/** Cards buried until a time that has passed come back (at start-up and when a session starts). */
export function unburyDue(db: StudyDb, now: number): Promise<number> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.cards, db.cardDigest], async () => {
      const off = await db.cards.where('[queue+rank]').between(['off', Dexie.minKey], ['off', Dexie.maxKey], true, true).toArray();
      const back = off.filter((c) => c.buriedUntil != null && c.buriedUntil <= now).map((c) => withQueueFields({ ...c, buriedUntil: null, rev: c.rev + 1 }));
      if (back.length) await db.cards.bulkPut(back);
      return back.length;
    }),
  );
}
