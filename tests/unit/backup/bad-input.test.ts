import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BACKUP_BYTES } from '@/lib/backup/format';
import { applyImport, type BackupSource, prepareImport } from '@/lib/db/backup';
import type { StudyDb } from '@/lib/db/database';
import { StorageFullError } from '@/lib/db/errors';
import { freshDb } from '../../helpers/db';
import { dumpAll, FIXTURE_DEVICE, fileSource, newDevice, study } from '../../helpers/devices';

const FIXTURES = join(import.meta.dirname, '../../fixtures/backups');
const fixture = (name: string) => fileSource(join(FIXTURES, name));

let db: StudyDb;
let before: Awaited<ReturnType<typeof dumpAll>>;

beforeEach(async () => {
  db = freshDb();
  await newDevice(db);
  await study(db, FIXTURE_DEVICE.storedAnswers);
  before = await dumpAll(db);
  expect(before.reviews).toHaveLength(2);
});

/** Imports a bad file: it must be refused with `message` (and `detail`, when given) and write nothing. */
async function refuses(source: BackupSource, message: RegExp, detail?: RegExp) {
  const result = await prepareImport(db, source);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problem.message).toMatch(message);
  if (detail) expect(result.problem.details.join('\n')).toMatch(detail);
  expect(await dumpAll(db)).toEqual(before);
}

describe('a valid backup (the fixtures\' starting point)', () => {
  it('is accepted, so each fixture below fails for its own reason only', async () => {
    const result = await prepareImport(db, fixture('valid.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary).toMatchObject({ reviewsAdded: 4, cardsWithNewReviews: 3, attemptsAdded: 1 });
  });

  it('of format 1 (before practice attempts) is still read', async () => {
    const result = await prepareImport(db, fixture('valid-format-1.json'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.summary).toMatchObject({ reviewsAdded: 4, attemptsAdded: 0 });
  });
});

describe('every bad file is refused with a message naming what is wrong, and nothing is written', () => {
  it('a practice attempt whose responses do not match its questions', () =>
    refuses(fixture('bad-attempt.json'), /a value this app cannot accept, so nothing was imported/, /content\.practiceAttempts\[0\] \(id "quiz-1"\)\.responses holds 1 responses for 2 questions/));

  it('not JSON', () => refuses(fixture('not-json.json'), /not valid JSON.*not a progress backup/));

  it('truncated', () => refuses(fixture('truncated.json'), /ends too early.*cut off/));

  it('empty', () => refuses(fixture('empty.json'), /This file is empty/));

  it('another app\'s JSON', () => refuses(fixture('other-app.json'), /not a progress backup from this app: it has no "format" field.*another app/));

  it('a newer format version', () => refuses(fixture('newer-version.json'), /newer version of the app \(backup format 3\); this version reads format 2/));

  it('a checksum mismatch', () => refuses(fixture('checksum-mismatch.json'), /changed or damaged after it was exported: its checksum does not match/));

  it('a missing field', () => refuses(fixture('missing-field.json'), /values? this app cannot accept/, /content\.cards\[1\] \(id "card-1"\)\.stability is missing/));

  it('a mistyped field', () =>
    refuses(fixture('mistyped-field.json'), /review rows this app cannot accept/, /content\.reviews\[0\] \(id "r-card-0-\d+"\), column "grade": must be 1 \(Again\), 2 \(Hard\), 3 \(Good\) or 4 \(Easy\); found "good"/));

  it('a rating of 7', () => refuses(fixture('rating-7.json'), /review rows/, /content\.reviews\[1\] .*column "grade": must be 1 \(Again\).*; found 7\./));

  it('a negative stability', () => refuses(fixture('negative-stability.json'), /cannot accept/, /content\.cards\[0\] \(id "card-0"\)\.stability must be at least 0; found -2\.5/));

  it('a schedule FSRS could not have made (a card in review with no stability)', () =>
    refuses(fixture('impossible-schedule.json'), /cannot accept/, /content\.cards\[0\] \(id "card-0"\)\.stability is not a schedule FSRS could have made: a card being studied \(state 2\) has a stability of at least 0\.001; found 0\./));

  it('a date in the year 30000', () => refuses(fixture('year-30000.json'), /review rows/, /content\.reviews\[2\] .*column "reviewedAt": must be a time .* between 2000-01-01 and 2300-01-01; found 884541340800000 \(the year 30000\)/));

  it('NaN', () => refuses(fixture('nan.json'), /holds NaN at line \d+, column \d+, which is not a number JSON can carry/));

  it('a number too large to store (1e999)', () => refuses(fixture('infinity.json'), /cannot accept/, /content\.cards\[2\] \(id "card-2"\)\.difficulty holds a number too large to store/));

  it('duplicate ids', () => refuses(fixture('duplicate-ids.json'), /lists the same thing twice/, /content\.reviews\[0\] and content\.reviews\[4\] are the same review \(id "r-card-0-\d+"\)/));

  it('a __proto__ key', async () => {
    await refuses(fixture('proto-key.json'), /cannot accept/, /content\.cards\[0\] \(id "card-0"\) has a field this app does not know: "__proto__"/);
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });

  it('a review for a card that is neither in the file nor in the database', () =>
    refuses(fixture('unknown-card.json'), /refers to cards or decks that exist neither in the file nor in this browser/, /content\.reviews\[3\] .* is an answer to card "no-such-card"/));

  it('an answer whose id is already stored here for a different answer', () =>
    refuses(fixture('conflicting-review.json'), /contradicts answers already stored here/, /already has an answer with that id, with cardId "card-5" where the file says "card-0"/));

  describe('a file far larger than any real backup', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backup-too-large-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is refused from its size alone, before it is read', async () => {
      // A sparse 1 GB file: its size is real, its blocks are never written (no fixture that big in git).
      const path = join(dir, 'huge.json');
      const fd = openSync(path, 'w');
      writeSync(fd, '}', 1024 ** 3 - 1);
      closeSync(fd);
      const size = statSync(path).size;
      expect(size).toBeGreaterThan(MAX_BACKUP_BYTES);
      const arrayBuffer = vi.fn(async () => new ArrayBuffer(0));
      await refuses({ size, arrayBuffer }, /This file is 1,024 MB, far larger than any progress backup \(the limit is 256 MB/);
      expect(arrayBuffer).not.toHaveBeenCalled();
    });
  });
});

describe('a failure while writing', () => {
  it('a full disk midway leaves every table as it was', async () => {
    const prepared = await prepareImport(db, fixture('valid.json'));
    if (!prepared.ok) throw new Error(prepared.problem.message);
    const spy = vi.spyOn(db.packedReviews, 'bulkPut').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(applyImport(db, prepared)).rejects.toBeInstanceOf(StorageFullError);
    spy.mockRestore();
    expect(await dumpAll(db)).toEqual(before);
  });
});
