/** What the card browser reads: every card as a small row, with its deck's name. */
import { isLearnersCard } from '../model';
import type { BrowseRow } from '../browse/search';
import { withStorageErrors } from './errors';
import type { StudyDb } from './schema';
import { cardStores, readAllCards } from './card-store';

export async function loadBrowseRows(db: StudyDb): Promise<BrowseRow[]> {
  return withStorageErrors(() =>
    db.transaction('r', [...cardStores(db), db.decks], async () => {
      const decks = new Map((await db.decks.toArray()).map((d) => [d.id, d.name]));
      const cards = await readAllCards(db);
      const rows: BrowseRow[] = [];
      for (const c of cards) {
        if (c.retired) continue;
        rows.push({
          id: c.id,
          deckId: c.deckId,
          deckName: decks.get(c.deckId) ?? c.deckId,
          front: c.front,
          back: c.back,
          tags: c.tags,
          state: c.state,
          due: c.due,
          stability: c.stability,
          lapses: c.lapses,
          reps: c.reps,
          flag: c.flag ?? 0,
          suspended: c.suspended,
          buried: c.buriedUntil != null,
          mine: isLearnersCard(c),
          text: `${c.front}\n${c.back}`.toLowerCase(),
        });
      }
      return rows;
    }),
  );
}
