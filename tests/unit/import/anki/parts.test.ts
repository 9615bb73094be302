/** The reader's building blocks: revlog mapping, protobuf, zstd with a ceiling, zip limits, media, SQLite and unicase. */
import { compress, init as initZstd } from '@bokuweb/zstd-wasm';
import { zipSync } from 'fflate';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeEntities } from '@/lib/import/anki/entities';
import { AnkiImportError } from '@/lib/import/anki/anki-errors';
import { parseLegacyMediaMap, parseMediaEntries, sniffImageMime } from '@/lib/import/anki/media';
import { messageFields, readMessage, stringField, varintField } from '@/lib/import/anki/protobuf';
import { MAX_ANSWER_MS, revlogToAnswer } from '@/lib/import/anki/revlog';
import { readAnkiPackage, withoutImage } from '@/lib/import/anki/read-package';
import { loadSqlJs, sqlJsOpener } from '@/lib/import/anki/sqlite';
import { MAX_ZIP_ENTRIES, declaredEntryCount, listEntries } from '@/lib/import/anki/zip';
import { zstdDecompress } from '@/lib/import/anki/zstd';
import { fixtureBytes, loadSql } from './anki-fixtures';
import { buildBasicPackage } from '../../../helpers/large-anki-package';

beforeAll(async () => {
  await initZstd();
});

describe('revlogToAnswer', () => {
  it('maps ease 1–4 to grades 1–4 for reviews and for learning under v2 and later', () => {
    for (const ease of [1, 2, 3, 4]) {
      expect(revlogToAnswer(1000, ease, 5000, 1, false)).toEqual({ at: 1000, grade: ease, durationMs: 5000 });
      expect(revlogToAnswer(1000, ease, 5000, 0, false)?.grade).toBe(ease);
    }
  });

  it('maps v1 learning buttons Again / Good / Easy (ease 1, 2, 3), reviews one to one', () => {
    expect([1, 2, 3].map((ease) => revlogToAnswer(1, ease, 0, 0, true)?.grade)).toEqual([1, 3, 4]);
    expect([1, 2, 3].map((ease) => revlogToAnswer(1, ease, 0, 2, true)?.grade)).toEqual([1, 3, 4]);
    expect([1, 2, 3, 4].map((ease) => revlogToAnswer(1, ease, 0, 1, true)?.grade)).toEqual([1, 2, 3, 4]);
  });

  it('skips manual and rescheduled rows, ease 0 and nonsense', () => {
    expect(revlogToAnswer(1, 3, 0, 4, false)).toBeNull();
    expect(revlogToAnswer(1, 3, 0, 5, false)).toBeNull();
    expect(revlogToAnswer(1, 0, 0, 1, false)).toBeNull();
    expect(revlogToAnswer(1, 7, 0, 1, false)).toBeNull();
    expect(revlogToAnswer(-5, 3, 0, 1, false)).toBeNull();
  });

  it('caps the time at 60 s and never makes it negative', () => {
    expect(revlogToAnswer(1, 3, 3_600_000, 1, false)?.durationMs).toBe(MAX_ANSWER_MS);
    expect(revlogToAnswer(1, 3, -20, 1, false)?.durationMs).toBe(0);
  });
});

describe('protobuf reader', () => {
  it('reads varints, strings, nested messages and skips fixed-width fields', () => {
    // field 1 varint 300, field 2 string "hi", field 3 fixed32, field 4 message { field 1 string "x" }
    const bytes = new Uint8Array([0x08, 0xac, 0x02, 0x12, 0x02, 0x68, 0x69, 0x1d, 1, 2, 3, 4, 0x22, 0x03, 0x0a, 0x01, 0x78]);
    const fields = readMessage(bytes);
    expect(varintField(fields, 1)).toBe(300);
    expect(stringField(fields, 2)).toBe('hi');
    expect(stringField(readMessage(messageFields(fields, 4)[0]!), 1)).toBe('x');
    expect(varintField(fields, 9)).toBe(0);
  });

  it('throws on truncated input', () => {
    expect(() => readMessage(new Uint8Array([0x12, 0x05, 0x68]))).toThrow();
    expect(() => readMessage(new Uint8Array([0x08, 0xff]))).toThrow();
  });
});

describe('zstd with a ceiling', () => {
  it('decodes', () => {
    const text = new TextEncoder().encode('anki '.repeat(1000));
    expect(zstdDecompress(compress(text, 3), 10_000, 'collection')).toEqual(text);
  });

  it('stops past the ceiling with a zip-bomb error', () => {
    const big = compress(new Uint8Array(1_000_000), 3);
    expect(big.length).toBeLessThan(1000);
    expect(() => zstdDecompress(big, 100_000, 'collection')).toThrow(expect.objectContaining({ code: 'zip-bomb' }));
  });

  it('reports damaged data as such', () => {
    const data = compress(new TextEncoder().encode('x'.repeat(5000) + 'y'.repeat(5000)), 3);
    expect(() => zstdDecompress(data.slice(0, data.length - 4).map((b, i) => (i > 8 ? b ^ 0x5a : b)), 100_000, 'collection')).toThrow(AnkiImportError);
  });
});

describe('zip limits', () => {
  it('reads the declared entry count from the end record', () => {
    const zip = zipSync({ a: new Uint8Array(1), b: new Uint8Array(2) });
    expect(declaredEntryCount(zip)).toBe(2);
    expect(listEntries(zip).map((e) => [e.name, e.unpackedSize])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
  });

  it('refuses an archive with more entries than the limit (a real one, built in memory)', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i <= MAX_ZIP_ENTRIES; i += 1) files[String(i)] = new Uint8Array(0);
    const zip = zipSync(files, { level: 0 });
    expect(() => listEntries(zip)).toThrow(expect.objectContaining({ code: 'zip-bomb' }));
  });
});

describe('media', () => {
  it('reads the legacy JSON map and the protobuf MediaEntries (entry n is zip entry "n")', () => {
    expect(parseLegacyMediaMap(new TextEncoder().encode('{"0": "a.png", "3": "b.mp3"}'))).toEqual(
      new Map([
        ['a.png', '0'],
        ['b.mp3', '3'],
      ]),
    );
    const entry = (name: string) => [0x0a, name.length + 2, 0x0a, name.length, ...new TextEncoder().encode(name)];
    expect(parseMediaEntries(new Uint8Array([...entry('x.png'), ...entry('y.gif')]))).toEqual(
      new Map([
        ['x.png', '0'],
        ['y.gif', '1'],
      ]),
    );
  });

  it('types images by their bytes, not their names', () => {
    expect(sniffImageMime(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageMime(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImageMime(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
    expect(sniffImageMime(new TextEncoder().encode('<script>'))).toBeNull();
  });
});

describe('entities', () => {
  it('decodes named, decimal and hex references, and leaves unknown ones', () => {
    expect(decodeEntities('&lt;&gt;&amp;&quot;&#39;&eacute;&#x41;&#65;&bogus;&#0;')).toBe('<>&"\'éAA&bogus;\ufffd');
  });
});

describe('SQLite through sql.js', () => {
  it('reads tables declared COLLATE unicase, which SQLite alone refuses', async () => {
    const SQL = await loadSql();
    const db = new SQL.Database();
    db.exec("CREATE TABLE fields (ntid integer NOT NULL, ord integer NOT NULL, name text NOT NULL, PRIMARY KEY (ntid, ord)) WITHOUT ROWID; INSERT INTO fields VALUES (1, 0, 'Front'), (1, 1, 'Back');");
    db.exec("CREATE UNIQUE INDEX idx_fields_name ON fields (name, ntid)");
    db.run('PRAGMA writable_schema = ON');
    db.run("UPDATE sqlite_master SET sql = replace(sql, 'name text NOT NULL', 'name text NOT NULL COLLATE unicase') WHERE name = 'fields'");
    db.run('PRAGMA writable_schema = RESET');
    const bytes = db.export();
    db.close();

    const plain = new SQL.Database(bytes);
    expect(() => plain.exec('SELECT ntid, ord, name FROM fields')).toThrow(/no such collation sequence: unicase|no query solution/);
    plain.close();

    const opened = await sqlJsOpener(SQL)(bytes);
    expect(opened.all('SELECT ntid, ord, name FROM fields ORDER BY ntid, ord')).toEqual([
      [1, 0, 'Front'],
      [1, 1, 'Back'],
    ]);
    const rows: unknown[] = [];
    opened.each("SELECT name FROM fields WHERE name = 'Back'", (row) => rows.push(row));
    expect(rows).toEqual([['Back']]);
    opened.close();
  });

  it('refuses bytes that are not SQLite when opening', async () => {
    await expect(sqlJsOpener(await loadSql())(new TextEncoder().encode('not a database at all, no header here'.repeat(20)))).rejects.toThrow();
  });
});

describe('loading sql.js on demand', () => {
  it('loadSqlJs dynamic-imports sql.js and finds its WebAssembly where locateFile says', async () => {
    const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
    const SQL = await loadSqlJs(wasm);
    const db = new SQL.Database();
    expect(db.exec('SELECT 6 * 7')[0]!.values).toEqual([[42]]);
    db.close();
  });

  it('readAnkiPackage accepts the init function instead of an opener', async () => {
    const draft = await readAnkiPackage(fixtureBytes('update1.apkg'), { fileName: 'update1.apkg', initSqlJs: loadSql });
    expect(draft.cards.map((c) => c.front)).toEqual(['hello']);
  });
});

describe('package meta', () => {
  it('refuses a package whose meta names a version newer than the zstd format', async () => {
    const zip = zipSync({ meta: new Uint8Array([0x08, 0x04]), 'collection.anki21b': new Uint8Array(10) });
    await expect(readAnkiPackage(zip, { fileName: 'x.apkg', initSqlJs: loadSql })).rejects.toMatchObject({ code: 'too-new' });
  });

  it('refuses a current-format package whose collection.anki21b is missing, rather than reading the placeholder', async () => {
    const zip = zipSync({ meta: new Uint8Array([0x08, 0x03]), 'collection.anki2': fixtureBytes('update1.apkg') });
    await expect(readAnkiPackage(zip, { fileName: 'x.apkg', initSqlJs: loadSql })).rejects.toMatchObject({ code: 'no-collection' });
  });
});

describe('removing an image that is not kept', () => {
  it('takes out its references, and leaves escaped text that only reads like one', () => {
    expect(withoutImage('A ![x](media:fake.png) B ![y](media:other.png)', 'fake.png')).toBe('A  B ![y](media:other.png)');
    expect(withoutImage('\\![x](media:fake.png)', 'fake.png')).toBe('\\![x](media:fake.png)');
    // An escaped backslash before it: the reference is real.
    expect(withoutImage('\\\\![x](media:fake.png)', 'fake.png')).toBe('\\\\');
  });
});

describe('card ids in the review log', () => {
  // Two cards whose ids differ only past 2^53: as JavaScript numbers they would be one id.
  const BIG = '9007199254740993';
  const BIG_NEIGHBOUR = '9007199254740992';
  const build = (ids: string[]) =>
    buildBasicPackage((db) => {
      ids.forEach((id, i) => {
        db.exec(`INSERT INTO notes VALUES (${100 + i}, 'g${i}', 1, 0, 0, '', 'Q${i}\u001fA${i}', '', 0, 0, '')`);
        db.exec(`INSERT INTO cards VALUES (${id}, ${100 + i}, 10, 0, 0, 0, 2, 2, 1, 1, 2500, 1, 0, 0, 0, 0, 0, '')`);
        // Card i has i + 1 answers.
        for (let k = 0; k <= i; k += 1) db.exec(`INSERT INTO revlog VALUES (${1_700_000_000_000 + i * 10 + k}, ${id}, 0, 3, 1, 0, 2500, 4000, 1)`);
      });
    });

  it('gives each card its own answers, with ids past what a JavaScript number holds exactly', async () => {
    const draft = await readAnkiPackage(await build([BIG_NEIGHBOUR, BIG]), { fileName: 'big.apkg', openSqlite: sqlJsOpener(await loadSql()) });
    expect(draft.cards.map((c) => [c.front, c.answers.length])).toEqual([['Q0', 1], ['Q1', 2]]);
  });

});
