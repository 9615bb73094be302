/**
 * The Anki reader on whole packages: Anki's own test files (pylib/tests/support in ankitects/anki)
 * and the fixtures built by tests/fixtures/anki/make-fixtures.ts for what those lack.
 */
import { describe, expect, it } from 'vitest';
import type { DraftCard, ImportDraft } from '@/lib/import/draft';
import { readFixture } from './anki-fixtures';

const byText = (draft: ImportDraft, front: string): DraftCard => {
  const card = draft.cards.find((c) => c.front === front);
  if (!card) throw new Error(`no card "${front}" in ${draft.cards.map((c) => c.front).join(' | ')}`);
  return card;
};

describe("Anki's own packages (schema 11, collection.anki2)", () => {
  it('update1.apkg: one Basic card in the Default deck', async () => {
    const draft = await readFixture('update1.apkg');
    expect(draft.kind).toBe('anki');
    expect(draft.decks).toEqual([{ key: '1', path: ['Default'] }]);
    expect(draft.cards).toEqual([
      {
        deckKey: '1',
        front: 'hello',
        back: 'world',
        tags: [],
        origin: { kind: 'anki', noteId: '1375933494578', ord: 0, noteGuid: 'cU1%zNUzk1' },
        suspended: false,
        buried: false,
        flag: 0,
        answers: [],
      },
    ]);
  });

  it('diffmodels2-2.apkg: a Basic type edited to have a reverse template gives both cards', async () => {
    const draft = await readFixture('diffmodels2-2.apkg');
    expect(draft.cards.map((c) => [c.origin, c.front, c.back])).toEqual([
      [{ kind: 'anki', noteId: '1351338969920', ord: 0, noteGuid: 'MGCsE3z^Er' }, 'front', 'back'],
      [{ kind: 'anki', noteId: '1351338969920', ord: 1, noteGuid: 'MGCsE3z^Er' }, 'back', 'Edit to customize\n\nfront'],
    ]);
  });

  it('diffmodeltemplates-1.apkg: cards go to their deck; the empty Default deck and non-image media are left out', async () => {
    const draft = await readFixture('diffmodeltemplates-1.apkg');
    expect(draft.decks).toEqual([{ key: '1403973896335', path: ['testdeck'] }]);
    expect(draft.cards.map((c) => [c.deckKey, c.front, c.back])).toEqual([['1403973896335', 'question?', 'answer!']]);
    expect(draft.media).toEqual([]);
    expect(draft.skipped).toEqual([expect.stringMatching(/^2 media files .*_ViewSizeAdjustAddon\.dat/)]);
  });

  it('diffmodels2-1.apkg and media.apkg: a question of only sound is not a card, and the sound is reported', async () => {
    expect((await readFixture('diffmodels2-1.apkg')).cards).toHaveLength(1);
    const media = await readFixture('media.apkg');
    expect(media.cards).toEqual([]);
    expect(media.decks).toEqual([]);
    expect(media.skipped).toEqual([expect.stringMatching(/^1 card left out/), expect.stringMatching(/sound .*foo\.wav/)]);
  });
});

describe('collection.anki21 (schema 11, v1 scheduler) beside a placeholder collection.anki2', () => {
  it('reads the real collection, never the placeholder', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    expect(draft.cards.some((c) => c.front.includes('Please update'))).toBe(false);
    expect(draft.cards).toHaveLength(8);
  });

  it('turns the deck tree into paths, leaves out the empty Default deck and filtered decks', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    expect(draft.decks).toEqual([
      { key: '1000', path: ['CISSP'] },
      { key: '1001', path: ['CISSP', 'Domain 1 Security'] },
      { key: '1002', path: ['CISSP', 'Domain 2 Assets'] },
    ]);
    // The card in "Filtered Deck 1" goes home to Domain 2.
    expect(draft.cards.find((c) => c.origin.kind === 'anki' && c.origin.noteId === '102' && c.origin.ord === 1)!.deckKey).toBe('1002');
  });

  it('renders Basic and Basic (and reversed card), with tags, states and flags', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    const cia = byText(draft, 'What does **CIA** stand for?');
    expect(cia.back).toBe('Confidentiality, Integrity, Availability\n\n![The triad](media:triad.png)');
    expect(cia.tags).toEqual(['domain1', 'basics']);
    expect(cia).toMatchObject({ deckKey: '1001', suspended: false, buried: false, flag: 1 });

    const forward = byText(draft, 'Least privilege');
    const reverse = byText(draft, 'Give each subject *only* the access it needs');
    expect(forward).toMatchObject({ back: 'Give each subject *only* the access it needs', suspended: true, buried: false, flag: 0 });
    expect(reverse).toMatchObject({ back: 'Least privilege', suspended: false, buried: true, flag: 3 });
    expect([forward.origin, reverse.origin]).toEqual([
      { kind: 'anki', noteId: '101', ord: 0, noteGuid: 'guid-101' },
      { kind: 'anki', noteId: '101', ord: 1, noteGuid: 'guid-101' },
    ]);
  });

  it('renders one card per cloze number, with the hint or [...] on the front and the answer on the back', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    const c1 = byText(draft, 'The **[confidentiality model]** model enforces no read up.');
    expect(c1.back).toBe('The **Bell-LaPadula** model enforces no read up.\n\nSee *Domain 3*');
    const c2 = byText(draft, 'The Bell-LaPadula model enforces **[...]**.');
    expect(c2.back).toBe('The Bell-LaPadula model enforces **no read up**.\n\nSee *Domain 3*');
    // Buried by the user (queue -3) counts as buried too.
    expect(c2.buried).toBe(true);
    // The card for cloze 3, which the note does not have, is left out and counted.
    expect(draft.skipped).toContain('1 cloze card left out: the note no longer has that cloze number.');
  });

  it('renders a custom template: sections, hint:, text:, type:, {{Deck}}, {{Subdeck}}, {{Card}}, {{Tags}}', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    const card = byText(draft, 'Kerberos\n\nHint: three heads');
    expect(card.back).toBe(
      'A ticket-based *authentication* protocol\n\nFor example: TGT & TGS\n\nCISSP::Domain 1 Security / Domain 1 Security / Recall / auth',
    );
    expect(card.flag).toBe(4);
  });

  it('leaves out a card whose question renders empty (an optional reverse that is off)', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    const note105 = draft.cards.filter((c) => c.origin.kind === 'anki' && c.origin.noteId === '105');
    expect(note105.map((c) => [c.front, c.back])).toEqual([['Front only', 'Back of it']]);
    expect(draft.skipped).toContain('1 card left out: their question would be empty, or hold only sound (Anki does not make cards with an empty question).');
  });

  it('maps the revlog to answers: v1 learning buttons, manual rows skipped, 60 s cap, oldest first', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    const t0 = Date.UTC(2025, 0, 6, 9);
    const day = 86_400_000;
    expect(byText(draft, 'What does **CIA** stand for?').answers).toEqual([
      { at: t0, grade: 1, durationMs: 8_000 }, // learning Again
      { at: t0 + 60_000, grade: 3, durationMs: 60_000 }, // learning ease 2 = Good under v1; 120 s capped
      { at: t0 + 600_000, grade: 4, durationMs: 4_000 }, // learning ease 3 = Easy under v1
      { at: t0 + 2 * day, grade: 3, durationMs: 5_000 }, // review Good
      { at: t0 + 5 * day, grade: 4, durationMs: 3_000 }, // review Easy
      { at: t0 + 7 * day, grade: 1, durationMs: 9_000 }, // review Again (the manual row before it is gone)
      { at: t0 + 7 * day + 600_000, grade: 3, durationMs: 6_000 }, // relearning ease 2 = Good under v1
    ]);
    expect(byText(draft, 'Least privilege').answers).toEqual([{ at: t0 + day, grade: 3, durationMs: 0 }]);
    expect(draft.skipped).toEqual(
      expect.arrayContaining([
        '1 review-log entry skipped: manual changes and reschedules are not answers.',
        '1 review-log entry skipped: their cards are not in the package.',
      ]),
    );
  });

  it('keeps the images the cards show, and reports sound, remote, missing, fake and unused media', async () => {
    const draft = await readFixture('legacy-anki21.apkg');
    expect(draft.media.map((m) => [m.name, m.mime, m.bytes.length])).toEqual([['triad.png', 'image/png', 70]]);
    const https = byText(draft, 'Which port does HTTPS use?');
    // The remote, missing and fake images are gone from the text as well.
    expect(https.back).toBe('443');
    expect(draft.skipped).toEqual(
      expect.arrayContaining([
        '1 sound file skipped (the app does not play sound): ring.mp3.',
        '1 image from the web skipped (the app loads nothing from the internet): https://example.com/x.png.',
        '2 images not found in the package, or not a PNG, JPEG, GIF, WebP, AVIF or BMP image, skipped: nothere.png, fake.png.',
        '1 media file in the package not used by any imported card skipped: unused.gif.',
      ]),
    );
  });

  it('reports progress by phase, ending each phase at its total', async () => {
    const calls: [string, number, number][] = [];
    await readFixture('legacy-anki21.apkg', (phase, done, total) => calls.push([phase, done, total]));
    const phases = [...new Set(calls.map(([phase]) => phase))];
    expect(phases).toEqual(['Opening the package', 'Reading review history', 'Reading cards', 'Unpacking images']);
    for (const phase of phases) {
      const last = calls.filter(([p]) => p === phase).at(-1)!;
      expect(last[1]).toBe(last[2]);
    }
  });
});

describe('collection.anki2 alone (schema 11, v2 scheduler)', () => {
  it('maps learning buttons one to one when the scheduler has four of them', async () => {
    const draft = await readFixture('legacy-anki2.apkg');
    const t0 = Date.UTC(2025, 0, 6, 9);
    expect(draft.decks).toEqual([{ key: '1', path: ['Default'] }]);
    expect(draft.cards).toHaveLength(1);
    expect(draft.cards[0]).toMatchObject({ front: 'Port of `SSH`?', back: '22', tags: ['ports', 'network'] });
    expect(draft.cards[0]!.answers).toEqual([
      { at: t0, grade: 2, durationMs: 7_000 },
      { at: t0 + 600_000, grade: 4, durationMs: 2_000 },
      { at: t0 + 3 * 86_400_000, grade: 3, durationMs: 60_000 },
    ]);
    expect(draft.skipped).toEqual([]);
  });
});

describe('collection.anki21b (zstd, schema 18, protobuf configs, unicase collation)', () => {
  it('reads the .apkg: decks from "\\x1f" names, note types and templates from protobuf, zstd media', async () => {
    const draft = await readFixture('latest.apkg');
    expect(draft.cards.some((c) => c.front.includes('Please update'))).toBe(false);
    expect(draft.decks).toEqual([
      { key: '3000', path: ['CISM'] },
      { key: '3001', path: ['CISM', 'Governance'] },
      { key: '3002', path: ['CISM', 'Risk'] },
    ]);
    expect(draft.cards.map((c) => [c.deckKey, c.front, c.back])).toEqual([
      ['3001', 'Who owns **risk**?', 'The business ![](media:owner.png)'],
      ['3002', '**[...]** is about time; RPO is about data loss.', '**RTO** is about time; RPO is about data loss.'],
      ['3002', 'RTO is about time; **[data]** is about data loss.', 'RTO is about time; **RPO** is about data loss.'],
      ['3002', 'ALE', 'SLE × ARO'],
      ['3002', 'SLE × ARO', 'ALE'],
    ]);
    expect(draft.media.map((m) => [m.name, m.mime, m.bytes.length])).toEqual([['owner.png', 'image/png', 70]]);
    expect(draft.skipped).toContain('1 sound file skipped (the app does not play sound): ale.mp3.');
  });

  it('keeps states, flags, tags and guid, and maps the revlog one to one (v2), skipping reschedules', async () => {
    const draft = await readFixture('latest.apkg');
    const t0 = Date.UTC(2025, 0, 6, 9);
    const day = 86_400_000;
    const [owner, rto, rpo, ale] = draft.cards;
    expect(owner).toMatchObject({ flag: 2, tags: ['risk', 'ownership'], origin: { kind: 'anki', noteId: '300', ord: 0, noteGuid: 'abcDEF123' } });
    expect(owner!.answers).toEqual([
      { at: t0, grade: 2, durationMs: 12_000 },
      { at: t0 + day, grade: 3, durationMs: 10_000 },
    ]);
    expect(rto).toMatchObject({ suspended: true, buried: false });
    expect(rto!.answers).toEqual([
      { at: t0 + 4 * day, grade: 1, durationMs: 3_000 },
      { at: t0 + 4 * day + 600_000, grade: 3, durationMs: 3_000 },
    ]);
    expect(rpo).toMatchObject({ flag: 7, deckKey: '3002' });
    expect(ale).toMatchObject({ buried: true });
  });

  it('reads a .colpkg of the same format', async () => {
    const draft = await readFixture('latest.colpkg');
    expect(draft.decks).toEqual([{ key: '4000', path: ['Security+', 'Crypto'] }]);
    expect(draft.cards.map((c) => [c.front, c.back, c.tags])).toEqual([['AES key sizes?', '128, 192, 256 bits', ['crypto']]]);
    expect(draft.cards[0]!.answers).toEqual([{ at: Date.UTC(2025, 0, 6, 9), grade: 3, durationMs: 4_000 }]);
  });
});
