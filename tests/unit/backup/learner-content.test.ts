import { describe, expect, it } from 'vitest';
import { exportBackup } from '@/lib/db/backup';
import { storeAttempt } from '@/lib/db/practice';
import { type Attempt, choose, finish, startAttempt } from '@/lib/practice/attempt';
import type { Question } from '@/lib/practice/questions';
import { DAY, T0 } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { importText, newDevice } from '../../helpers/devices';
import { readCard } from '@/lib/db/card-store';

const question = (n: number): Question => ({
  id: `concept-${n}:definition`, conceptKey: `concept-${n}`, kind: 'definition', certification: 'cism', domain: 'cism-2022/1', sub: 'cism-2022/1A1',
  label: 'CISM 2022 · 1A1', cardIds: [`card-${n}`], stem: `Stem ${n}`, options: [0, 1, 2, 3].map((i) => ({ text: `T${n}.${i}`, conceptKey: `c${i}`, why: 'why' })), answer: 1,
});
const mock = (id: string): Attempt =>
  startAttempt({ id, mode: 'mock', certification: 'cism', title: 'CISM mock exam', seed: id, bankVersion: 'b', questions: [question(1), question(2), question(3)], timeLimitMs: 4 * 3600_000 }, T0);

async function deviceWith(...attempts: Attempt[]) {
  const db = freshDb();
  await newDevice(db);
  for (const a of attempts) await storeAttempt(db, a);
  return db;
}

describe('practice attempts in a backup', () => {
  it('are exported and restored into a fresh device as they were, finished or in progress', async () => {
    const done = finish(choose(mock('done'), 1, T0 + 1000), T0 + 2000, 'submitted');
    const open = choose(mock('open'), 2, T0 + 5000);
    const source = await deviceWith(done, open);
    const file = await exportBackup(source, T0 + DAY);
    expect(JSON.parse(file.text)).toMatchObject({ formatVersion: 2 });

    const target = freshDb();
    await newDevice(target);
    const summary = await importText(target, file.text);
    expect(summary).toMatchObject({ attemptsAdded: 2, attemptsUpdated: 0 });
    expect(await target.practiceAttempts.orderBy('id').toArray()).toEqual([done, open]);
    // A second import changes nothing.
    expect(await importText(target, file.text)).toMatchObject({ attemptsAdded: 0, attemptsUpdated: 0 });
  });

  it('merge by id: a finished copy replaces one in progress, a later copy an earlier one, never the other way', async () => {
    const started = choose(mock('m'), 0, T0 + 1000);
    const further = choose(started, 1, T0 + 9000);
    const done = finish(further, T0 + 10_000, 'submitted');

    const behind = await deviceWith(started);
    expect(await importText(behind, (await exportBackup(await deviceWith(further), T0 + DAY)).text)).toMatchObject({ attemptsUpdated: 1 });
    expect(await behind.practiceAttempts.get('m')).toEqual(further);
    expect(await importText(behind, (await exportBackup(await deviceWith(done), T0 + DAY)).text)).toMatchObject({ attemptsUpdated: 1 });
    expect(await behind.practiceAttempts.get('m')).toEqual(done);

    // The finished copy stays whatever the file says.
    expect(await importText(behind, (await exportBackup(await deviceWith({ ...further, updatedAt: T0 + 99_000 }), T0 + DAY)).text)).toMatchObject({ attemptsUpdated: 0 });
    expect(await behind.practiceAttempts.get('m')).toEqual(done);
  });
});

describe('images of imported cards in a backup', () => {
  it('are exported in base64 and restored byte for byte; a second import adds none', async () => {
    const source = await deviceWith();
    const png = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10, 0, 255, 7]);
    await source.media.put({ name: 'fig%201.png', mime: 'image/png', bytes: png });
    const file = await exportBackup(source, T0 + DAY);
    expect(JSON.parse(file.text).content.media).toEqual([{ name: 'fig%201.png', mime: 'image/png', base64: 'iVBORw0KGgoA/wc=' }]);
    const target = await deviceWith();
    expect(await importText(target, file.text)).toMatchObject({ mediaAdded: 1 });
    expect(await target.media.get('fig%201.png')).toEqual({ name: 'fig%201.png', mime: 'image/png', bytes: png });
    expect(await importText(target, file.text)).toMatchObject({ mediaAdded: 0 });
  });
});

describe("the learner's cards in a backup", () => {
  it('merge by the later text, keeping the other in the history; built-in text is never replaced', async () => {
    const { createDeck, addCard, editCard, applyToCards } = await import('@/lib/db/own-cards');
    const laptop = await deviceWith();
    const deck = await createDeck(laptop, 'Mine', T0);
    const card = await addCard(laptop, { deckId: deck.id, front: 'v0', back: 'b', tags: [] }, T0);
    const phone = await deviceWith();
    await importText(phone, (await exportBackup(laptop, T0 + 1)).text);
    // Edited on the phone later than on the laptop: the phone's text wins on the laptop.
    await editCard(laptop, card.id, { deckId: deck.id, front: 'laptop text', back: 'b', tags: [] }, card.rev, T0 + 1000);
    const onPhone = (await readCard(phone, card.id))!;
    await editCard(phone, card.id, { deckId: deck.id, front: 'phone text', back: 'b', tags: ['x'] }, onPhone.rev, T0 + 2000);
    await applyToCards(phone, [card.id], { kind: 'flag', flag: 4 });
    const summary = await importText(laptop, (await exportBackup(phone, T0 + 3000)).text);
    expect(summary).toMatchObject({ cardsTextUpdated: 1 });
    expect(await readCard(laptop, card.id)).toMatchObject({ front: 'phone text', tags: ['x'], flag: 4, contentAt: T0 + 2000 });
    const history = await laptop.cardRevisions.where('cardId').equals(card.id).toArray();
    expect(history.map((r) => r.front).sort()).toEqual(['laptop text', 'v0']);
    // A fresh device restoring the laptop's backup gets the card's whole text history too.
    const fresh = await deviceWith();
    await importText(fresh, (await exportBackup(laptop, T0 + 3500)).text);
    expect((await fresh.cardRevisions.where('cardId').equals(card.id).toArray()).map((r) => r.front).sort()).toEqual(['laptop text', 'v0']);
    // The other way, the phone keeps its later text.
    expect(await importText(phone, (await exportBackup(laptop, T0 + 4000)).text)).toMatchObject({ cardsTextUpdated: 0 });
    expect((await readCard(phone, card.id))!.front).toBe('phone text');
  });
});
