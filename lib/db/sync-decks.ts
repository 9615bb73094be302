/**
 * Brings the built-in decks in the database up to date with the generated ones, at start-up.
 * New cards are added, changed text is updated, cards whose fact left the sources are retired
 * (hidden, history kept). Learning progress is never touched, and never lost to a reworded
 * question: a question's text is part of its card's id, so rewording one retires its card and adds
 * another, and the new card takes over the old one's memory (carriedMemory).
 */
import type { GeneratedCard, GeneratedDecks } from '../decks/types';
import { CardState, memoryOf, originOf, type StudyCard, withQueueFields } from '../model';
import { newMemoryState } from '../scheduler';
import type { StudyDb } from './database';
import { cardStores, readDeckCards, storeCards } from './card-store';
import { withStorageErrors } from './errors';

const META_KEY = 'builtin-decks-fingerprint';

/** Cheap fingerprint of the generated content, so an unchanged build skips the sync. */
export function fingerprintOf(generated: GeneratedDecks): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify(generated);
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

export interface SyncReport {
  added: number;
  updated: number;
  retired: number;
  /** Cards (among those added or brought back) that took over the memory of a retired card asking about the same fact. */
  carried: number;
  skipped: boolean;
}

/** The built-in decks as the app gets them: a version it can compare, and the cards loaded only when needed. */
export interface BuiltinContent {
  version: string;
  load(): Promise<GeneratedDecks>;
}

/**
 * Syncs the built-in decks when their version differs from the stored one. An unchanged
 * version costs one meta read: the cards are not even loaded.
 */
export async function syncBuiltinContent(db: StudyDb, content: BuiltinContent, now: number): Promise<SyncReport> {
  const stored = await withStorageErrors(() => db.meta.get(META_KEY));
  if (stored?.value === content.version) return { added: 0, updated: 0, retired: 0, carried: 0, skipped: true };
  return applyBuiltinDecks(db, await content.load(), content.version, now);
}

export type DeckSyncOutcome = { ok: true; report: SyncReport } | { ok: false; message: string };

/**
 * As syncBuiltinContent, but a learner who already has the built-in decks keeps studying them
 * when the new ones cannot be loaded (offline on an old page, a broken or stale file): the stored
 * decks stay exactly as they were and the outcome says why. With no decks stored yet, it throws.
 */
export async function syncOrKeepBuiltinDecks(db: StudyDb, content: BuiltinContent, now: number): Promise<DeckSyncOutcome> {
  // Only a failure to load falls back: a failure to store (a full disk) is reported as itself.
  let loadFailure: unknown;
  const load = () =>
    content.load().catch((e: unknown) => {
      loadFailure = e;
      throw e;
    });
  try {
    return { ok: true, report: await syncBuiltinContent(db, { version: content.version, load }, now) };
  } catch (e) {
    if (e !== loadFailure || (await db.decks.count()) === 0) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, message: `The newest built-in decks could not be loaded (${why.replace(/\.$/, '')}), so you are studying the decks already on this device. Reload when online to get the new ones.` };
  }
}

export function syncBuiltinDecks(db: StudyDb, generated: GeneratedDecks, now: number): Promise<SyncReport> {
  return applyBuiltinDecks(db, generated, fingerprintOf(generated), now);
}

function applyBuiltinDecks(db: StudyDb, generated: GeneratedDecks, fingerprint: string, now: number): Promise<SyncReport> {
  return withStorageErrors(() =>
    db.transaction('rw', [db.decks, ...cardStores(db), db.meta], async () => {
      const stored = await db.meta.get(META_KEY);
      if (stored?.value === fingerprint) return { added: 0, updated: 0, retired: 0, carried: 0, skipped: true };

      const deckIds = new Set(generated.decks.map((d) => d.id));
      const oldDecks = (await db.decks.toArray()).filter((d) => d.builtin);
      await db.decks.bulkPut([
        ...generated.decks.map((d) => ({ ...d, builtin: true, retired: false })),
        ...oldDecks.filter((d) => !deckIds.has(d.id)).map((d) => ({ ...d, retired: true })),
      ]);

      const builtinDeckIds = [...new Set([...deckIds, ...oldDecks.map((d) => d.id)])];
      const existing = new Map<string, StudyCard>();
      // Built-in cards only: the learner's own cards are never updated or retired by a deck sync.
      for (const deckId of builtinDeckIds) for (const c of await readDeckCards(db, deckId)) if (originOf(c) === 'builtin') existing.set(c.id, c);

      const leaving = cardsLeaving(existing.values(), generated.cards);
      let added = 0;
      let updated = 0;
      let carried = 0;
      const writes: StudyCard[] = [];
      for (const g of generated.cards) {
        const text = textOf(g);
        const old = existing.get(g.id);
        existing.delete(g.id);
        const predecessor = leaving.get(factOf(g));
        // A card coming back (a reworded question reverted) takes the memory only if it was studied
        // more recently under the wording now leaving; a card that stays keeps its own.
        const carry = predecessor && (!old || (old.retired && (predecessor.lastReview ?? 0) > (old.lastReview ?? 0))) ? carriedMemory(predecessor) : undefined;
        if (carry) carried += 1;
        if (!old) {
          added += 1;
          writes.push(withQueueFields({ id: g.id, ...text, ...newMemoryState(now), suspended: false, ...carry, retired: false, queue: 'new', rank: 0, rev: 0 }));
        } else if (old.retired || carry || JSON.stringify(textOf(old)) !== JSON.stringify(text)) {
          updated += 1;
          writes.push(withQueueFields({ ...old, ...text, ...carry, retired: false, rev: old.rev + 1 }));
        }
      }
      let retired = 0;
      for (const gone of existing.values()) {
        if (gone.retired) continue;
        retired += 1;
        writes.push(withQueueFields({ ...gone, retired: true, rev: gone.rev + 1 }));
      }
      await storeCards(db, writes);
      await db.meta.put({ key: META_KEY, value: fingerprint });
      return { added, updated, retired, carried, skipped: false };
    }),
  );
}

/** What a card asks about: its template and fact, which a reworded question keeps. */
const factOf = (c: Pick<GeneratedCard, 'template' | 'factKey'>) => `${c.template}\u001f${c.factKey}`;

/**
 * The studied cards this sync retires, by the fact they ask about, when exactly one card of the
 * new decks asks about it (a fact whose cards split or merged has no single successor).
 */
function cardsLeaving(stored: Iterable<StudyCard>, generated: readonly GeneratedCard[]): Map<string, StudyCard> {
  const staying = new Set(generated.map((g) => g.id));
  const successors = new Map<string, number>();
  for (const g of generated) successors.set(factOf(g), (successors.get(factOf(g)) ?? 0) + 1);
  const leaving = new Map<string, StudyCard | null>();
  for (const c of stored) {
    if (c.retired || staying.has(c.id) || (c.state === CardState.New && !c.suspended && !c.flag)) continue;
    const fact = factOf(c);
    if (successors.get(fact) !== 1) continue;
    leaving.set(fact, leaving.has(fact) ? null : c);
  }
  return new Map([...leaving].filter((e): e is [string, StudyCard] => e[1] !== null));
}

/**
 * What a new card takes over from the card it replaces: the memory FSRS built from the learner's
 * answers (the answers themselves stay with the retired card, in its history), the suspension and
 * the flag. Its first answer records this memory as its state before, so a replay of its answers
 * (a backup import, a sync) starts from it.
 */
function carriedMemory(from: StudyCard): Pick<StudyCard, 'suspended' | 'flag' | 'marksAt' | keyof ReturnType<typeof memoryOf>> {
  return { ...memoryOf(from), suspended: from.suspended, ...(from.flag ? { flag: from.flag } : {}), ...(from.marksAt !== undefined ? { marksAt: from.marksAt } : {}) };
}

type CardText = Omit<GeneratedCard, 'id'>;

/** The fields a deck source owns; everything else on a stored card is the learner's progress. */
function textOf(c: CardText): CardText {
  const { deckId, template, factKey, front, back, choices, answerIndex, tags, order } = c;
  return { deckId, template, factKey, front, back, choices, answerIndex, tags, order };
}
