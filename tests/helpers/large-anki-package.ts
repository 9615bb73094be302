/**
 * An Anki package of the size issue 13's performance target names: 20,000 Basic cards in eight
 * decks and 300,000 review-log rows, built with sql.js and fflate. Shared by the reader's unit test
 * and `npm run bench` (scripts/bench/import-cases.ts).
 */
import { zipSync } from 'fflate';
import initSqlJs, { type Database } from 'sql.js';

export const LARGE_CARDS = 20_000;
export const LARGE_REVLOG = 300_000;
const CARDS = LARGE_CARDS;
const REVLOG = LARGE_REVLOG;
const loadSql = () => initSqlJs();

export async function buildLargePackage(): Promise<Uint8Array> {
  return buildBasicPackage((db) => {
    const note = db.prepare("INSERT INTO notes VALUES (?, ?, 1, 0, 0, ?, ?, '', 0, 0, '')");
    const card = db.prepare("INSERT INTO cards VALUES (?, ?, ?, 0, 0, 0, 2, 2, 100, 10, 2500, 15, 1, 0, 0, 0, 0, '')");
    for (let i = 0; i < CARDS; i += 1) {
      note.run([1_600_000_000_000 + i, `g${i}`, `domain${i % 8} tag${i % 50}`, `What is <b>term ${i}</b>?\u001fIt is the <i>definition</i> of term ${i}, with some more words to read.`]);
      card.run([1_600_000_000_000 + i, 1_600_000_000_000 + i, 10 + (i % 8)]);
    }
    note.free();
    card.free();
    const rev = db.prepare('INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, ?, ?)');
    for (let i = 0; i < REVLOG; i += 1) rev.run([1_650_000_000_000 + i * 1000, 1_600_000_000_000 + (i % CARDS), 1 + (i % 4), 4000 + (i % 7000), i % 3]);
    rev.free();
  });
}

/**
 * A package with one Basic note type and eight decks (ids 10 to 17), whose notes, cards and review
 * log `fill` writes (the tables have Anki's schema 11 columns).
 */
export async function buildBasicPackage(fill: (db: Database) => void): Promise<Uint8Array> {
  const SQL = await loadSql();
  const db = new SQL.Database();
  db.exec(`
    CREATE TABLE col (id integer PRIMARY KEY, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer,
      conf text, models text, decks text, dconf text, tags text);
    CREATE TABLE notes (id integer PRIMARY KEY, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer,
      csum integer, flags integer, data text);
    CREATE TABLE cards (id integer PRIMARY KEY, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer,
      due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text);
    CREATE TABLE revlog (id integer PRIMARY KEY, cid integer, usn integer, ease integer, ivl integer, lastIvl integer, factor integer,
      time integer, type integer);
    CREATE INDEX ix_revlog_cid ON revlog (cid);
  `);
  const models = {
    1: { id: 1, name: 'Basic', type: 0, flds: [{ name: 'Front', ord: 0 }, { name: 'Back', ord: 1 }], tmpls: [{ name: 'Card 1', ord: 0, qfmt: '{{Front}}', afmt: '{{FrontSide}}<hr id=answer>{{Back}}' }] },
  };
  const decks = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [String(10 + i), { id: 10 + i, name: `CISSP::Domain ${i + 1}`, dyn: 0 }]));
  db.run("INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, ?, ?, ?, '{}', '{}')", [JSON.stringify({ schedVer: 2 }), JSON.stringify(models), JSON.stringify(decks)]);
  db.exec('BEGIN');
  fill(db);
  db.exec('COMMIT');
  const bytes = db.export();
  db.close();
  return zipSync({ 'collection.anki21': bytes, media: new TextEncoder().encode('{}') }, { level: 1 });
}
