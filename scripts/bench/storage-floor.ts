/**
 * What storing costs in this browser, with none of the app's code: plain IndexedDB, one
 * transaction, in a database of its own on the app's origin (see "Reading the storage floor rows"
 * in docs/performance.md). It is the floor under a restore's and
 * an Anki import's write of 20,000 cards (issue 13's 5 s targets): Chromium pays about the same per
 * stored record whatever its size, and each index adds to it, while a few large packs of answers
 * cost little. Read the import and restore rows against these.
 */
import { type BenchCase, NAME_SHIM, summarize } from './lib';

const CARDS = 20_000;

const storageFloor: BenchCase = {
  name: 'storage floor: plain IndexedDB writes',
  async run({ freshContext, baseURL }) {
    const samples: Record<'indexed' | 'oneIndex' | 'unindexed' | 'idOnly' | 'packs' | 'cardPacks' | 'answerRow' | 'answerPack', number[]> = {
      indexed: [], oneIndex: [], unindexed: [], idOnly: [], packs: [], cardPacks: [], answerRow: [], answerPack: [],
    };
    for (let run = 0; run < 3; run += 1) {
      const context = await freshContext();
      const page = await context.newPage();
      await page.addInitScript(NAME_SHIM);
      await page.goto(`${baseURL}/404.html`);
      const times = await page.evaluate(async (count) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('bench-storage-floor', 1);
          open.onupgradeneeded = () => {
            const cards = open.result.createObjectStore('cards', { keyPath: 'id' });
            // The card table's two indexes up to schema version 7; version 8 kept the first.
            cards.createIndex('deckQueueRank', ['deckId', 'queue', 'rank']);
            cards.createIndex('queueRank', ['queue', 'rank']);
            const oneIndex = open.result.createObjectStore('oneIndex', { keyPath: 'id' });
            oneIndex.createIndex('deckQueueRank', ['deckId', 'queue', 'rank']);
            open.result.createObjectStore('unindexed', { keyPath: 'id' });
            open.result.createObjectStore('packs', { keyPath: 'day' });
            // The card store's layout since schema version 9 (lib/db/card-store.ts): cards in packs
            // of about 20 (hashed by id), each pack listing its cards' queue keys under a multiEntry
            // index, so that a deck's queue is still one index range.
            open.result.createObjectStore('cardPacks', { keyPath: 'id' }).createIndex('queueKeys', 'queueKeys', { multiEntry: true });
          };
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const store = (name: string, rows: unknown[]) =>
          new Promise<number>((resolve, reject) => {
            const t0 = performance.now();
            const tx = db.transaction(name, 'readwrite');
            for (const row of rows) tx.objectStore(name).put(row);
            tx.oncomplete = () => resolve(performance.now() - t0);
            tx.onerror = () => reject(tx.error);
          });
        // Shaped like an imported card as the app stores it.
        const card = (i: number) => ({
          id: `anki-${1_600_000_000_000 + i}-0`, deckId: `anki-deck-${(i % 8).toString(16).padStart(16, '0')}`, template: 'anki', factKey: `${1_600_000_000_000 + i}:0`,
          front: `What is **term ${i}**?`, back: `It is the *definition* of term ${i}, with some more words to read.`, tags: ['domain1', 'tag3'], order: 10_000_000 + i,
          due: 1.7e12 + i, stability: 12.345678, difficulty: 5.4321, elapsedDays: 3, scheduledDays: 12, learningSteps: 0, reps: 15, lapses: 1, state: 2, lastReview: 1.7e12,
          origin: 'anki', originRef: `${1_600_000_000_000 + i}:0`, contentRev: 0, contentAt: 1.7e12, flag: 0, suspended: false, retired: false, queue: 'review', rank: 1.7e12 + i, rev: 0,
        });
        const cards = Array.from({ length: count }, (_, i) => card(i));
        const indexed = await store('cards', cards);
        const oneIndex = await store('oneIndex', cards);
        const unindexed = await store('unindexed', cards);
        const idOnly = await store('unindexed', cards.map((c) => ({ id: `${c.id}-bare` })));
        // 300,000 answers in four packs, as the benchmark's Anki package gives them: 70 MB.
        const perPack = 75_000;
        const packs = Array.from({ length: 4 }, (_, d) => ({
          day: `2026-01-0${d + 1}`, count: perPack, ids: 'i'.repeat(perPack * 38), cardIds: 'c'.repeat(perPack * 20), deckIds: 'd'.repeat(perPack * 26), numbers: new Float64Array(perPack * 19).fill(1.5),
        }));
        const packsMs = await store('packs', packs);
        type Card = ReturnType<typeof card>;
        const PACKS = 1024;
        const cardPacks = Array.from({ length: PACKS }, (_, id) => ({ id, cards: [] as Card[], queueKeys: [] as unknown[] }));
        const packOf = (i: number) => cardPacks[i % PACKS]!;
        cards.forEach((c, i) => {
          packOf(i).cards.push(c);
          packOf(i).queueKeys.push([c.deckId, c.queue, c.rank, c.id]);
        });
        const cardPacksMs = await store('cardPacks', cardPacks);
        // An answer rewrites one card: its own record, or the whole pack holding it. 25 answers each.
        const answerRow: number[] = [];
        const answerPack: number[] = [];
        for (let k = 0; k < 25; k += 1) {
          const i = k * 797;
          const answered = { ...cards[i]!, due: cards[i]!.due + 86_400_000, rank: cards[i]!.rank + 86_400_000, rev: 1 };
          answerRow.push(await store('oneIndex', [answered]));
          const pack = packOf(i);
          const at = pack.cards.findIndex((c) => c.id === answered.id);
          pack.cards[at] = answered;
          pack.queueKeys[at] = [answered.deckId, answered.queue, answered.rank, answered.id];
          answerPack.push(await store('cardPacks', [pack]));
        }
        const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1]!;
        db.close();
        return { indexed, oneIndex, unindexed, idOnly, packs: packsMs, cardPacks: cardPacksMs, answerRow: median(answerRow), answerPack: median(answerPack) };
      }, CARDS);
      for (const k of Object.keys(samples) as (keyof typeof samples)[]) samples[k].push(times[k]);
      await context.close();
    }
    const note = 'one transaction, no app code; fresh profile each run';
    return [
      summarize(`storage floor: ${CARDS.toLocaleString('en')} card records with the cards' two indexes (schema 7)`, samples.indexed, { note }),
      summarize(`storage floor: the same ${CARDS.toLocaleString('en')} records with the one index of schema 8`, samples.oneIndex, { note }),
      summarize(`storage floor: the same ${CARDS.toLocaleString('en')} records without an index`, samples.unindexed, { note }),
      summarize(`storage floor: ${CARDS.toLocaleString('en')} records holding only an id`, samples.idOnly, { note }),
      summarize('storage floor: 300,000 answers in four packs (70 MB)', samples.packs, { note }),
      summarize(`storage floor: the same ${CARDS.toLocaleString('en')} cards in 1,024 packs with a multiEntry queue index (the app's layout since schema version 9)`, samples.cardPacks, { note }),
      summarize('storage floor: one answered card rewritten as its own record (median of 25)', samples.answerRow, { note }),
      summarize('storage floor: one answered card rewritten as its pack of about 20 (median of 25)', samples.answerPack, { note }),
    ];
  },
};

export const cases: BenchCase[] = [storageFloor];
