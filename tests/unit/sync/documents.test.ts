import { readFileSync } from 'node:fs';
import { reviewToRow } from '@/lib/backup/format';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ReviewEntry } from '@/lib/model';
import { bucketOf, docId, docPrefix, docsToPush, idsUnder, type LocalState, openDoc, packDoc, readSyncDoc, readSyncDocs, type SyncDoc } from '@/lib/sync/documents';
import { makeCard, T0 } from '../../helpers/cards';

const fixture = (name: string): unknown => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/sync', name), 'utf8'));
const readSyncDocFixture = () => fixture('valid-answers.json') as SyncDoc;
const W = { device: 'device-laptop', now: T0, appVersion: '0.1.0', schemaVersion: 7 };

function answer(id: string, day: string, at: number): ReviewEntry {
  const before = { due: at, stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 as const, lastReview: null };
  return { id, cardId: 'card-0', deckId: 'deck-a', grade: 3, reviewedAt: at, durationMs: 3000, day, stateBefore: 0, dueBefore: at, stabilityAfter: 2.3, difficultyAfter: 2.1, elapsedDays: 0, scheduledDays: 0, before };
}

/** A device's state; its days' answers given as answers, held as the rows sync sends. */
const empty = ({ days, ...over }: Partial<Omit<LocalState, 'days'>> & { days?: Map<string, ReviewEntry[]> } = {}): LocalState => ({
  settings: DEFAULT_SETTINGS, settingsSavedAt: null, decks: [], cards: [], revisions: [], attempts: [], media: [], undone: [], ...over,
  days: new Map([...(days ?? [])].map(([day, list]) => [day, list.map(reviewToRow)])),
});

describe('reading a document from the server', () => {
  it('reads a valid answers document as a piece of a backup', () => {
    const read = readSyncDoc(fixture('valid-answers.json'));
    expect(read.ok && read.backup.reviews.map((r) => r.id)).toEqual(['r-1']);
    expect(read.ok && read.device).toBe('device-laptop');
  });

  it.each([
    ['bad-grade.json', /column "grade": must be 1 \(Again\)/],
    ['device-mismatch.json', /its device does not match its id/],
    ['newer-layout.json', /newer version of the app \(document layout 3\); update the app/],
    ['bad-packed.json', /its packed body is not a JSON object of "content" and "undone"/],
    ['other-day.json', /answers of a study day other than 2026-11-25/],
    ['bad-undone.json', /undone\[0\] must be \{ id, cardId, day: "2026-11-24", at, reviewedAt, before \}/],
    ['unknown-kind.json', /its id is not one this app writes/],
    ['wrong-contents.json', /holds things its kind of document never holds/],
    ['unknown-field.json', /__proto_field/],
    ['not-an-object.json', /not a JSON object/],
  ])('%s: skipped with the reason', (name, reason) => {
    const read = readSyncDoc(fixture(name));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(reason);
    const all = readSyncDocs([fixture(name), fixture('valid-answers.json')]);
    expect(all.skipped).toHaveLength(1);
    // The good document is still read.
    expect(all.byDevice.flatMap((d) => d.backup.reviews.map((r) => r.id))).toEqual(['r-1']);
  });
});

describe('documents as stored (layout 2: the body packed into one text)', () => {
  it('reads a packed document as the same piece as its layout 1 form', () => {
    const packed = readSyncDoc(fixture('valid-answers-packed.json'));
    expect(packed.ok).toBe(true);
    expect(packed).toEqual(readSyncDoc(fixture('valid-answers.json')));
  });

  it('packs what docsToPush writes, and opens it back to the same document', () => {
    const days = new Map([['2026-11-24', [answer('a', '2026-11-24', T0)]]]);
    const undone = [{ id: 'a', cardId: 'card-0', day: '2026-11-24', at: T0 + 5, reviewedAt: T0, before: answer('a', '2026-11-24', T0).before }];
    const [doc] = docsToPush(W, empty({ days, undone }), new Map());
    const stored = packDoc(doc!);
    expect(stored).toEqual({ _id: doc!._id, layout: 2, device: 'device-laptop', packed: expect.any(String) });
    expect(openDoc(stored)).toEqual(doc);
    expect(readSyncDoc(stored).ok).toBe(true);
  });

  it('a packed body cannot replace the id or device it is stored under', () => {
    const stored = packDoc(readSyncDocFixture());
    const read = readSyncDoc({ ...stored, packed: JSON.stringify({ content: readSyncDocFixture().content, _id: 'a:2026-11-24:device-other', device: 'device-other' }) });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.reason).toMatch(/its packed body is not a JSON object/);
  });
});

describe('finding documents by kind', () => {
  it('idsUnder keeps the ids under any of the prefixes, and no other', () => {
    const ids = [docId.answers('2026-11-24', 'device-b'), docId.answers('2026-11-24', 'device-a'), docId.answers('2026-11-25', 'device-a'), docId.cards('0a', 'device-a'), docId.cards('0b', 'device-a'), docId.decks('device-a'), docId.settings('device-a')];
    expect(idsUnder(ids, [docPrefix.answers('2026-11-24'), docPrefix.cards('0b'), docPrefix.decks()])).toEqual([
      'a:2026-11-24:device-a', 'a:2026-11-24:device-b', 'c:0b:device-a', 'k:device-a',
    ]);
    expect(idsUnder(ids, [])).toEqual([]);
  });
});

describe('what a device sends', () => {
  it('one answers document per study day, and nothing already in another device\'s document', () => {
    const days = new Map([
      ['2026-11-24', [answer('a', '2026-11-24', T0), answer('b', '2026-11-24', T0 + 1)]],
      ['2026-11-25', [answer('c', '2026-11-25', T0 + 86_400_000)]],
    ]);
    const phoneDoc = { _id: docId.answers('2026-11-24', 'device-phone'), content: { reviews: [['b']] } } as unknown as SyncDoc;
    const docs = docsToPush(W, empty({ days }), new Map([[phoneDoc._id, phoneDoc]]));
    expect(docs.map((d) => [d._id, d.content.reviews.map((r) => r[0])])).toEqual([
      ['a:2026-11-24:device-laptop', ['a']],
      ['a:2026-11-25:device-laptop', ['c']],
    ]);
  });

  it('rewrites a document only when it changed, naming the revision it replaces', () => {
    const days = new Map([['2026-11-24', [answer('a', '2026-11-24', T0)]]]);
    const [first] = docsToPush(W, empty({ days }), new Map());
    const stored = { ...first!, _rev: '1-x' };
    expect(docsToPush(W, empty({ days }), new Map([[stored._id, stored]]))).toEqual([]);
    const more = new Map([['2026-11-24', [answer('a', '2026-11-24', T0), answer('b', '2026-11-24', T0 + 5)]]]);
    const [second] = docsToPush(W, empty({ days: more }), new Map([[stored._id, stored]]));
    expect(second?._rev).toBe('1-x');
    expect(second?.content.reviews.map((r) => r[0])).toEqual(['a', 'b']);
  });

  it('an undo goes out with its day\'s document, only for an answer that was sent', () => {
    const sent = docsToPush(W, empty({ days: new Map([['2026-11-24', [answer('a', '2026-11-24', T0)]]]) }), new Map())[0]!;
    const a = answer('a', '2026-11-24', T0);
    const undo = { id: 'a', cardId: 'card-0', day: '2026-11-24', at: T0 + 60_000, reviewedAt: T0, before: a.before };
    const neverSent = { ...undo, id: 'z' };
    const [doc] = docsToPush(W, empty({ undone: [undo, neverSent] }), new Map([[sent._id, { ...sent, _rev: '1-x' }]]));
    expect(doc?.undone?.map((u) => u.id)).toEqual(['a']);
    expect(doc?.content.reviews.map((r) => r[0])).toEqual(['a']);
  });

  it('cards go in 64 buckets; a card is rewritten for its text or marks, not for its schedule', () => {
    const card = makeCard({ id: 'own-1', origin: 'own', contentAt: T0 });
    const [doc] = docsToPush(W, empty({ cards: [card] }), new Map());
    expect(doc?._id).toBe(docId.cards(bucketOf('own-1'), 'device-laptop'));
    expect(bucketOf('own-1')).toMatch(/^[0-3][0-9a-f]$/);
    const stored = new Map([[doc!._id, { ...doc!, _rev: '1-x' }]]);
    expect(docsToPush(W, empty({ cards: [{ ...card, reps: 4, stability: 9, rev: 12 }] }), stored)).toEqual([]);
    expect(docsToPush(W, empty({ cards: [{ ...card, flag: 3, marksAt: T0 + 1 }] }), stored)).toHaveLength(1);
  });

  it('settings are sent only once saved, and again when they change', () => {
    expect(docsToPush(W, empty(), new Map())).toEqual([]);
    const [doc] = docsToPush(W, empty({ settingsSavedAt: T0 }), new Map());
    expect(doc?._id).toBe('s:device-laptop');
    expect(doc?.content.settingsSavedAt).toBe(T0);
    expect(readSyncDoc(doc).ok).toBe(true);
  });
});
