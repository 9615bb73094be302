/**
 * Bad input (issue 13, item 7): each broken package is refused with an AnkiImportError whose
 * message names what is wrong, one fixture file per case (made by make-fixtures.ts).
 */
import { mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnkiImportError, MAX_PACKAGE_BYTES, checkPackageSize } from '@/lib/import/anki/anki-errors';
import { readAnkiPackage } from '@/lib/import/anki/read-package';
import { sqlJsOpener } from '@/lib/import/anki/sqlite';
import { fixtureBytes, loadSql, readFixture } from './anki-fixtures';

async function refusal(file: string): Promise<AnkiImportError> {
  try {
    await readFixture(file);
  } catch (error) {
    expect(error).toBeInstanceOf(AnkiImportError);
    return error as AnkiImportError;
  }
  throw new Error(`${file} was accepted`);
}

describe('bad Anki packages', () => {
  it('a file that is not a zip', async () => {
    const error = await refusal('bad-not-a-zip.apkg');
    expect(error.code).toBe('not-zip');
    expect(error.message).toBe('This file is not an Anki package: it is not a zip archive.');
  });

  it('a corrupt zip (cut short: no central directory)', async () => {
    const error = await refusal('bad-corrupt-zip.apkg');
    expect(error.code).toBe('corrupt-zip');
    expect(error.message).toMatch(/damaged: its zip archive cannot be read/);
  });

  it('a zip bomb declaring more unpacked bytes than the limit', async () => {
    const error = await refusal('bad-zip-bomb-size.apkg');
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toMatch(/would unpack to more than 2,048 MB/);
  });

  it('a zip bomb declaring more entries than the limit', async () => {
    const error = await refusal('bad-zip-bomb-count.apkg');
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toMatch(/more than 50,000 files/);
  });

  it('a zip bomb with an impossible compression ratio (100 MB from 100 KB), refused before inflating', async () => {
    const error = await refusal('bad-zip-bomb-ratio.apkg');
    expect(error.code).toBe('zip-bomb');
    expect(error.message).toMatch(/would unpack to 100 MB from 100 KB/);
  });

  it('a zip without a collection', async () => {
    const error = await refusal('bad-no-collection.apkg');
    expect(error.code).toBe('no-collection');
    expect(error.message).toMatch(/not an Anki package: it holds no collection/);
  });

  it('a collection that is not SQLite', async () => {
    const error = await refusal('bad-not-sqlite.apkg');
    expect(error.code).toBe('not-sqlite');
    expect(error.message).toBe('This Anki package is damaged: its collection.anki21 is not a SQLite database.');
  });

  it('a collection with missing tables, named in the message', async () => {
    const error = await refusal('bad-missing-tables.apkg');
    expect(error.code).toBe('missing-tables');
    expect(error.message).toMatch(/no `cards`, `revlog` tables/);
  });

  it('an impossible value: a card whose note does not exist', async () => {
    const error = await refusal('bad-orphan-card.apkg');
    expect(error.code).toBe('impossible-values');
    expect(error.message).toMatch(/card 2 belongs to note 777, which is not in the collection/);
  });

  it('an impossible value: a new card with a negative due', async () => {
    const error = await refusal('bad-negative-due.apkg');
    expect(error.code).toBe('impossible-values');
    expect(error.message).toMatch(/negative position in the new-card queue \(-5\)/);
  });

  it('only the "Please update to the latest Anki version" placeholder', async () => {
    const error = await refusal('bad-placeholder-only.apkg');
    expect(error.code).toBe('too-new');
    expect(error.message).toMatch(/only the notice "Please update/);
  });

  it('a 1 GB file is refused by its size before any of it is read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'anki-size-'));
    const file = path.join(dir, 'huge.apkg');
    try {
      // A sparse file: 1 GB long, no disk used, never read.
      writeFileSync(file, '');
      truncateSync(file, 1024 ** 3);
      const size = statSync(file).size;
      expect(size).toBeGreaterThan(MAX_PACKAGE_BYTES);
      expect(() => checkPackageSize(size)).toThrow(AnkiImportError);
      expect(() => checkPackageSize({ size })).toThrow(/too large to import \(1,024 MB\); the limit is 512 MB/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => checkPackageSize(MAX_PACKAGE_BYTES)).not.toThrow();
  });

  it('readAnkiPackage itself refuses an oversized buffer before looking inside', async () => {
    const fake = { byteLength: MAX_PACKAGE_BYTES + 1 } as Uint8Array;
    await expect(readAnkiPackage(fake, { fileName: 'huge.apkg', openSqlite: sqlJsOpener(await loadSql()) })).rejects.toMatchObject({
      code: 'too-large',
    });
  });

  it('HTML with script tags is sanitised, not refused', async () => {
    const draft = await readFixture('script-in-field.apkg');
    expect(draft.cards.map((c) => [c.front, c.back])).toEqual([['Safe question', 'answer']]);
    const text = JSON.stringify(draft.cards);
    expect(text).not.toMatch(/script|cookie|onerror|onclick|javascript|iframe|evil|display/i);
    expect(draft.skipped).toEqual(
      expect.arrayContaining(['Scripts and styles in the cards were removed.', expect.stringMatching(/embedded .* skipped: https:\/\/evil\.example/)]),
    );
  });

  it('never opens SQLite for an archive that failed its checks', async () => {
    let opened = false;
    const open = async () => {
      opened = true;
      throw new Error('should not be called');
    };
    await expect(readAnkiPackage(fixtureBytes('bad-zip-bomb-ratio.apkg'), { fileName: 'x', openSqlite: open })).rejects.toMatchObject({ code: 'zip-bomb' });
    await expect(readAnkiPackage(fixtureBytes('bad-no-collection.apkg'), { fileName: 'x', openSqlite: open })).rejects.toMatchObject({ code: 'no-collection' });
    expect(opened).toBe(false);
  });
});
