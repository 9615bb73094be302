/**
 * The one seeding fixture of the end-to-end tests and the benchmark: study history written
 * straight into the app's IndexedDB inside the page (generating rows there avoids shipping
 * hundreds of megabytes through the DevTools protocol), in exactly the shapes of lib/model.ts.
 * It either adds synthetic cards with their history (the benchmark's 20,000 cards and 300,000
 * answers) or gives history to the cards already there (the Progress page screenshots). Rows
 * bypass the app, so the per-day totals (and, with `clearDigest`, the card digest) must be
 * rebuilt by the app's own repair, as after an import from an older version. Cards are written
 * into the card store's packs (lib/db/card-store.ts), each synthetic card into the pack its id
 * hashes to, worked out here before the page runs.
 */
import type { Page } from '@playwright/test';
import { packOf } from '../../../lib/db/card-store';

export interface SeedPlan {
  now: number;
  /** Seed of the pseudo-random numbers: the same plan writes the same rows. */
  seed: number;
  /** Synthetic cards to add, spread over four decks; null gives history to the stored cards. */
  syntheticCards: number | null;
  /** Where the synthetic cards came from (absent: left unset, as built-in cards are): sync sends only the learner's own and imported ones. */
  syntheticOrigin?: 'anki' | 'own';
  /** Share of the cards that get a history (the rest stay new). */
  studiedShare: number;
  /** Every n-th studied card is in learning (0: none). */
  learningEvery: number;
  reviewsPerCard: number;
  /** At most this many answers in all. */
  maxReviews: number;
  /** Answers are spread over this many past days. */
  historyDays: number;
  /** Cards whose domain tag ends with this get a third of the stability (a weak domain on the page). */
  weakDomainSuffix: string | null;
  clearDigest: boolean;
}

/** What the page is given: the plan, and the pack of each synthetic card (`bench-<i>`). */
interface PageSeed extends SeedPlan {
  packs: number[];
}

/** Runs inside the page: it must not refer to anything outside itself. Returns the answers written. */
export async function seedInPage(plan: PageSeed): Promise<number> {
  const DAY = 86_400_000;
  let seed = plan.seed;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  const dayOf = (t: number) => {
    const d = new Date(t - 4 * 3_600_000);
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  };
  const db: IDBDatabase = await new Promise((resolve, reject) => {
    const open = indexedDB.open('cism-cissp-study');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const write = (stores: string[], fill: (tx: IDBTransaction) => void) =>
    new Promise<void>((resolve, reject) => {
      const tx = db.transaction(stores, 'readwrite');
      fill(tx);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });

  type Row = Record<string, unknown> & { id: string; deckId: string; tags: string[]; order: number };
  type Pack = { pack: number; cards: Row[]; queueKeys: unknown[] };
  let cards: Row[];
  const packOfCard = new Map<string, number>();
  const packs = new Map<number, Pack>();
  const stored: Pack[] = await new Promise((resolve) => {
    const req = db.transaction('cardPacks').objectStore('cardPacks').getAll();
    req.onsuccess = () => resolve(req.result as Pack[]);
  });
  for (const p of stored) for (const c of p.cards) packOfCard.set(c.id, p.pack);
  if (plan.syntheticCards === null) {
    cards = stored.flatMap((p) => p.cards);
  } else {
    const deckIds = ['bench-1', 'bench-2', 'bench-3', 'bench-4'];
    await write(['decks'], (tx) => {
      for (const id of deckIds) tx.objectStore('decks').put({ id, name: `Bench deck ${id.slice(-1)}`, description: 'Synthetic cards for the benchmark', builtin: false });
    });
    cards = Array.from({ length: plan.syntheticCards }, (_, i) => ({
      id: `bench-${i}`, deckId: deckIds[i % deckIds.length]!, template: 'bench', factKey: `bench-${i}`, front: `Synthetic question ${i}`,
      back: `Synthetic answer ${i}`, tags: [`domain:bench/${i % 8}`], order: i, suspended: false, retired: false,
      ...(plan.syntheticOrigin ? { origin: plan.syntheticOrigin, contentRev: 0, contentAt: plan.now - plan.historyDays * DAY } : {}),
    }));
    cards.forEach((c, i) => packOfCard.set(c.id, plan.packs[i]!));
  }
  // Packs are rewritten whole: the stored cards that get no history go back into theirs as they are.
  const keep = (row: Row) => {
    const p = packOfCard.get(row.id)!;
    const pack = packs.get(p) ?? { pack: p, cards: [], queueKeys: [] };
    pack.cards.push(row);
    packs.set(p, pack);
  };

  const studied = Math.round(cards.length * plan.studiedShare);
  let written = 0;
  if (plan.syntheticCards !== null) for (const p of stored) for (const c of p.cards) keep(c);
  await write(['cardPacks', 'reviews', 'cardDigest'], (tx) => {
    if (plan.clearDigest) tx.objectStore('cardDigest').clear();
    for (let i = 0; i < cards.length; i += 1) {
      const card = cards[i]!;
      const isStudied = i < studied;
      if (!isStudied && plan.syntheticCards === null) {
        keep(card);
        continue;
      }
      const learning = isStudied && plan.learningEvery > 0 && i % plan.learningEvery === 0;
      const weak = plan.weakDomainSuffix !== null && (card.tags.find((t) => t.startsWith('domain:')) ?? '').endsWith(plan.weakDomainSuffix);
      const stability = isStudied ? (1 + rand() * 55) * (weak ? 0.3 : 1) : 0;
      const lastReview = isStudied ? now() - Math.floor(rand() * 25 + 1) * DAY : null;
      const due = !isStudied ? now() - DAY : learning ? now() + Math.floor(rand() * 30) * 60_000 : lastReview! + Math.round(stability) * DAY;
      const state = !isStudied ? 0 : learning ? 1 : 2;
      const queue = state === 0 ? 'new' : state === 2 ? 'review' : 'learn';
      keep({
        ...card, due, stability, difficulty: isStudied ? 1 + rand() * 9 : 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0,
        reps: isStudied ? plan.reviewsPerCard : 0, lapses: 0, state, lastReview, queue, rank: queue === 'new' ? card.order : due, rev: 1,
      });
      if (!isStudied) continue;
      for (let k = 0; k < plan.reviewsPerCard && written < plan.maxReviews; k += 1, written += 1) {
        const reviewedAt = now() - Math.floor(rand() * plan.historyDays * DAY);
        const grade = rand() < 0.12 ? 1 : rand() < 0.15 ? 2 : rand() < 0.9 ? 3 : 4;
        const interval = k === 0 ? 0 : Math.floor(rand() * 40 + 1);
        const stateBefore = k === 0 ? 0 : 2;
        const before = { due: reviewedAt, stability: 3, difficulty: 5, elapsedDays: interval, scheduledDays: interval, learningSteps: 0, reps: k, lapses: 0, state: stateBefore, lastReview: k === 0 ? null : reviewedAt - interval * DAY };
        tx.objectStore('reviews').put({
          id: `seed-${card.id}-${k}`, cardId: card.id, deckId: card.deckId, grade, reviewedAt, durationMs: Math.floor(2000 + rand() * 9000),
          day: dayOf(reviewedAt), stateBefore, dueBefore: reviewedAt, stabilityAfter: stability, difficultyAfter: 5,
          elapsedDays: interval, scheduledDays: 3, before,
        });
      }
    }
    // Each pack as the card store writes it: cards in id order, with their queue keys.
    for (const pack of packs.values()) {
      pack.cards.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      pack.queueKeys = pack.cards.map((c) => [c.deckId, c.queue, c.rank, c.id]);
      tx.objectStore('cardPacks').put(pack);
    }
  });
  db.close();
  return written;

  function now() {
    return plan.now;
  }
}

/** Seeds `plan` into the app open in `page`; `prelude` is evaluated first (the benchmark's tsx needs a name shim). */
export async function seedHistory(page: Pick<Page, 'evaluate'>, plan: SeedPlan, prelude?: string): Promise<number> {
  if (prelude) await page.evaluate(prelude);
  const packs = Array.from({ length: plan.syntheticCards ?? 0 }, (_, i) => packOf(`bench-${i}`));
  return page.evaluate(seedInPage, { ...plan, packs });
}
