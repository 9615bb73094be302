/**
 * Buried cards coming back when their study day has begun. Its own small module: start-up and every
 * study session run it, and they should not carry the card browser's operations (own-cards.ts).
 */
import { type StudyCard, withQueueFields } from '../model';
import { withStorageErrors } from './errors';
import { allDeckIds } from './database';
import { cardStores, readQueues, storeCards } from './card-store';
import type { StudyDb } from './schema';

/** Cards buried until a time that has passed come back (at start-up and when a session starts). */
export async function unburyDue(db: StudyDb, now: number): Promise<number> {
  const due = (c: StudyCard) => c.buriedUntil != null && c.buriedUntil <= now;
  // Every deck's "off" queue: there is no index on the queue alone (lib/db/card-store.ts).
  const offCards = async () => readQueues(db, await allDeckIds(db), 'off', null);
  // Almost always nothing is due: a read first, so a session start does not queue behind (or block) a write.
  if (!(await withStorageErrors(offCards)).some(due)) return 0;
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db)], async () => {
      const back = (await offCards()).filter(due).map((c) => withQueueFields({ ...c, buriedUntil: null, rev: c.rev + 1 }));
      await storeCards(db, back);
      return back.length;
    }),
  );
}
