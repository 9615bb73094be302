import { describe, expect, it } from 'vitest';
import { checksumOf, serializeBackup } from '@/lib/backup/checksum';
import { summaryDetails, summaryHeadline } from '@/lib/backup/merge';
import { applyImport, exportBackup, prepareImport } from '@/lib/db/backup';
import { loadAllReviews } from '@/lib/db/review-log';
import { loadStoredSettings, saveSettings } from '@/lib/db/settings';
import { Grade } from '@/lib/model';
import { DAY } from '../../helpers/cards';
import { freshDb } from '../../helpers/db';
import { bytesSource, dumpAll, HOUR, importText, MINUTE, newDevice, study, T0, TEST_SETTINGS, textSource } from '../../helpers/devices';
import { readCard } from '@/lib/db/card-store';

async function deviceWith(answers: Parameters<typeof study>[1]) {
  const db = freshDb();
  await newDevice(db);
  await study(db, answers);
  return db;
}

const fileOf = async (answers: Parameters<typeof study>[1]) => (await exportBackup(await deviceWith(answers), T0 + 20 * DAY)).text;

describe('between the preview and the confirmation', () => {
  it('an answer given meanwhile to a card in the file stops the import and shows the new preview', async () => {
    const file = await fileOf([{ cardId: 'card-0', grade: Grade.Good, at: T0 }]);
    const db = await deviceWith([]);
    const prepared = await prepareImport(db, textSource(file));
    if (!prepared.ok) throw new Error(prepared.problem.message);
    expect(prepared.summary).toMatchObject({ reviewsAdded: 1, cardsRescheduled: 1 });

    await study(db, [{ cardId: 'card-0', grade: Grade.Again, at: T0 + HOUR }]); // another tab
    const before = await dumpAll(db);
    const applied = await applyImport(db, prepared);
    expect(applied).toMatchObject({ ok: false, changedSincePreview: { reviewsAdded: 1, cardsRescheduled: 1, reviewsRecomputed: 1 } });
    expect(await dumpAll(db)).toEqual(before);

    // Confirming the new preview imports it: both answers, the schedule replayed over both.
    expect(await applyImport(db, prepared)).toMatchObject({ ok: true });
    const log = await loadAllReviews(db);
    expect(log.map((r) => r.grade).sort()).toEqual([Grade.Again, Grade.Good]);
    expect((await readCard(db, 'card-0'))!.reps).toBe(2);
  });

  it('an answer to a card the file does not change is kept, and the day totals count both', async () => {
    const file = await fileOf([{ cardId: 'card-0', grade: Grade.Good, at: T0 }]);
    const db = await deviceWith([]);
    const prepared = await prepareImport(db, textSource(file));
    if (!prepared.ok) throw new Error(prepared.problem.message);
    await study(db, [{ cardId: 'card-4', grade: Grade.Good, at: T0 + MINUTE }]);
    expect(await applyImport(db, prepared)).toMatchObject({ ok: true });
    expect((await loadAllReviews(db)).map((r) => r.cardId).sort()).toEqual(['card-0', 'card-4']);
    expect(await db.dayTotals.toArray()).toMatchObject([{ day: '2026-11-24', reviews: 2, fromNew: 2 }]);
  });
});

describe('settings', () => {
  it('the most recently saved settings win, and the preview lists each change', async () => {
    const phone = await deviceWith([]);
    await saveSettings(phone, { ...TEST_SETTINGS, desiredRetention: 0.85, newCardsPerDay: 7 }, T0 + DAY);
    const file = (await exportBackup(phone, T0 + 2 * DAY)).text;

    const laptop = await deviceWith([]);
    const prepared = await prepareImport(laptop, textSource(file));
    if (!prepared.ok) throw new Error(prepared.problem.message);
    expect(summaryHeadline(prepared.summary)).toBe('Adds no reviews, changes 2 settings, removes nothing.');
    expect(summaryDetails(prepared.summary)).toEqual([
      'Desired retention: 0.9 → 0.85 (the file\'s settings were saved more recently).',
      'New cards per day: 20 → 7 (the file\'s settings were saved more recently).',
    ]);
    await applyImport(laptop, prepared);
    expect(await loadStoredSettings(laptop)).toEqual({ settings: { ...TEST_SETTINGS, desiredRetention: 0.85, newCardsPerDay: 7 }, savedAt: T0 + DAY });

    // Settings saved later on this device are not overwritten by an older file.
    await saveSettings(laptop, { ...TEST_SETTINGS, desiredRetention: 0.95 }, T0 + 3 * DAY);
    const again = await prepareImport(laptop, textSource(file));
    if (!again.ok) throw new Error(again.problem.message);
    expect(again.summary.settingsChanged).toEqual([]);
  });

  it('settings never saved (the defaults) never replace saved ones', async () => {
    const fresh = freshDb();
    await study(fresh, []);
    const file = (await exportBackup(fresh, T0)).text;
    expect(JSON.parse(file).content.settingsSavedAt).toBeNull();
    const db = await deviceWith([]);
    const before = await loadStoredSettings(db);
    await importText(db, file);
    expect(await loadStoredSettings(db)).toEqual(before);
  });
});

describe('the checksum', () => {
  it('accepts a re-indented file: it covers the content, not its layout', async () => {
    const file = JSON.parse(await fileOf([{ cardId: 'card-1', grade: Grade.Easy, at: T0 }]));
    const db = await deviceWith([]);
    expect((await prepareImport(db, textSource(JSON.stringify(file, null, 2)))).ok).toBe(true);
  });

  it('reads the file as bytes: text beyond ASCII and a byte-order mark neither upset the checksum nor reach the cards', async () => {
    const genuine = JSON.parse(await fileOf([{ cardId: 'card-1', grade: Grade.Easy, at: T0 }]));
    const front = 'Qui gère la sécurité — le RSSI ou l’équipe réseau? 🔐';
    genuine.content.cards.push({ ...genuine.content.cards[0], id: 'card-accents', front });
    const bytes = new TextEncoder().encode(await serializeBackup(genuine.content));
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    for (const file of [bytes, withBom]) {
      const db = await deviceWith([]);
      const prepared = await prepareImport(db, bytesSource(file));
      if (!prepared.ok) throw new Error(prepared.problem.message);
      expect(await applyImport(db, prepared)).toMatchObject({ ok: true });
      expect((await readCard(db, 'card-accents'))!.front).toBe(front);
    }
  });

  it('cannot be fooled by a second "content" key: the content read is the content checked', async () => {
    const genuine = JSON.parse(await fileOf([{ cardId: 'card-1', grade: Grade.Easy, at: T0 }]));
    const evil = structuredClone(genuine.content);
    evil.cards[0].reps = 99;
    const head = `{"format":"${genuine.format}","formatVersion":1,"checksum":"${genuine.checksum}"`;
    const db = await deviceWith([]);
    // JSON.parse keeps the last of two equal keys.
    const evilLast = `${head},"content":${JSON.stringify(genuine.content)},"content":${JSON.stringify(evil)}}`;
    const refused = await prepareImport(db, textSource(evilLast));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem.code).toBe('checksum');
    const genuineLast = `${head},"content":${JSON.stringify(evil)},"content":${JSON.stringify(genuine.content)}}`;
    const accepted = await prepareImport(db, textSource(genuineLast));
    expect(accepted.ok).toBe(true);
    if (accepted.ok) expect(accepted.backup.cards.every((c) => c.reps !== 99)).toBe(true);
    expect(genuine.checksum).toBe(await checksumOf(genuine.content));
  });
});
