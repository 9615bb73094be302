/**
 * Every shipped schema version, upgraded to the latest from a small fixture of what a device held
 * at that version: nothing is lost, and what an upgrade computes (day totals, the card digest)
 * matches what the app keeps when it writes them itself. A new version without a fixture fails here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { openChecked, openStudyDb, SCHEMA_VERSION } from '@/lib/db/database';
import { NewerDatabaseError } from '@/lib/db/errors';
import { MIGRATIONS } from '@/lib/db/migrations';
import { unpackDigest, type DigestPack } from '@/lib/stats/card-digest';
import { cardSyncHash } from '@/lib/sync/card-sync-key';
import { SHIPPED } from '../../helpers/shipped-schemas';
import { readAllCards } from '@/lib/db/card-store';
import type { CardPack } from '@/lib/db/schema';

const FIXTURES = path.resolve(__dirname, '../../fixtures/db');
type Fixture = { version: number; tables: Record<string, Record<string, unknown>[]> };

function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$uint8' in value) return Uint8Array.from((value as { $uint8: number[] }).$uint8);
  if (value && typeof value === 'object' && '$float64' in value)
    return Float64Array.from((value as { $float64: (number | 'NaN')[] }).$float64, (x) => (x === 'NaN' ? NaN : x));
  return value;
}
const fixture = (v: number): Fixture => JSON.parse(readFileSync(path.join(FIXTURES, `v${v}.json`), 'utf8'), revive) as Fixture;
const latest = fixture(SCHEMA_VERSION);
const byKey = <T,>(rows: readonly T[], key: string) => [...rows].sort((a, b) => String((a as Record<string, unknown>)[key]).localeCompare(String((b as Record<string, unknown>)[key])));
// Without the cards' sync hashes, which packs written before they were kept lack (checked apart).
const digestEntries = (packs: DigestPack[]) =>
  packs
    .flatMap(unpackDigest)
    .map((entry) => ({ ...entry, sync: undefined }))
    .sort((a, b) => a.id.localeCompare(b.id));

/** A fixture's cards: one row each up to version 8, in packs from version 9. */
const cardsOf = (f: Fixture) => f.tables.cards ?? (f.tables.cardPacks as unknown as CardPack[]).flatMap((p) => p.cards as unknown as Record<string, unknown>[]);

let n = 0;
/** Writes a fixture with the schema exactly as its version shipped (no upgrade code, no middleware). */
async function shippedDatabase(f: Fixture): Promise<string> {
  n += 1;
  const name = `migration-${process.pid}-${n}`;
  const raw = new Dexie(name);
  for (let v = 1; v <= f.version; v += 1) raw.version(v).stores(SHIPPED[v]!);
  await raw.open();
  await raw.transaction('rw', Object.keys(f.tables), async () => {
    for (const [table, rows] of Object.entries(f.tables)) await raw.table(table).bulkPut(rows);
  });
  raw.close();
  return name;
}

describe('schema migrations', () => {
  it('have one migration file per version, 1 to SCHEMA_VERSION, each still declaring what shipped', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.stores, `version ${m.version}`).toEqual(SHIPPED[m.version]);
  });

  it('have a fixture for every version (add tests/fixtures/db/vN.json with a new version)', () => {
    for (const m of MIGRATIONS) {
      expect(existsSync(path.join(FIXTURES, `v${m.version}.json`)), `tests/fixtures/db/v${m.version}.json`).toBe(true);
      expect(fixture(m.version).version).toBe(m.version);
    }
  });

  it.each(MIGRATIONS.map((m) => m.version))('upgrade a version-%i database to the latest with nothing lost', async (v) => {
    const f = fixture(v);
    const name = await shippedDatabase(f);
    const db = openStudyDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const table of ['decks', 'settings', 'meta'] as const)
      expect(byKey(await db.table(table).toArray(), table === 'meta' ? 'key' : 'id'), table).toEqual(byKey(f.tables[table]!, table === 'meta' ? 'key' : 'id'));
    // Every card as it was, stored in the packs the app writes itself (version 9 on).
    expect(await readAllCards(db)).toEqual(byKey(cardsOf(f), 'id'));
    expect(await db.cardPacks.toArray()).toEqual(latest.tables.cardPacks);
    expect(db.tables.map((t) => t.name)).not.toContain('cards');
    // Every answer is still there, one row each or packed by day.
    const answers = (await db.reviews.count()) + (await db.packedReviews.toArray()).reduce((s, p) => s + p.count, 0);
    expect(answers).toBe(latest.tables.reviews!.length + (latest.tables.packedReviews as { count: number }[]).reduce((s, p) => s + p.count, 0));
    expect(byKey(await db.reviews.toArray(), 'id')).toEqual(byKey(f.tables.reviews!, 'id'));
    if (f.tables.packedReviews) expect(await db.packedReviews.toArray()).toEqual(f.tables.packedReviews);
    // What version 2 and 4 compute from older data equals what the app keeps day by day.
    expect(byKey(await db.dayTotals.toArray(), 'day')).toEqual(byKey(latest.tables.dayTotals!, 'day'));
    expect(digestEntries(await db.cardDigest.toArray())).toEqual(digestEntries(latest.tables.cardDigest as unknown as DigestPack[]));
    // A digest the upgrade built keeps each card's sync hash; one carried over from a shipped version may not have it yet.
    const cards = new Map((await readAllCards(db)).map((c) => [c.id, c]));
    for (const e of (await db.cardDigest.toArray()).flatMap(unpackDigest)) if (v < 4 || e.sync !== undefined) expect(e.sync, e.id).toBe(cardSyncHash(cards.get(e.id)!));
    // Practice attempts (version 6 on) come through as stored; older devices have none.
    expect(byKey(await db.practiceAttempts.toArray(), 'id')).toEqual(byKey(f.tables.practiceAttempts ?? [], 'id'));
    // Card revisions and media (version 7 on) likewise.
    expect(byKey(await db.cardRevisions.toArray(), 'id')).toEqual(byKey(f.tables.cardRevisions ?? [], 'id'));
    expect(byKey(await db.media.toArray(), 'name')).toEqual(byKey(f.tables.media ?? [], 'name'));
    db.close();
  });

  it('refuse a database written by a newer version, by name, and leave it exactly as it was', async () => {
    const name = `migration-newer-${process.pid}`;
    const newer = new Dexie(name);
    for (let v = 1; v <= SCHEMA_VERSION; v += 1) newer.version(v).stores(SHIPPED[v]!);
    newer.version(SCHEMA_VERSION + 1).stores({ futureTable: 'id' });
    await newer.open();
    await newer.table('decks').put({ id: 'kept', name: 'written by the newer app' });
    newer.close();

    const db = openStudyDb(name);
    const failure = await openChecked(db).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(failure).toBeInstanceOf(NewerDatabaseError);
    expect(failure!.message).toContain(`saved by a newer version of this app (data format ${SCHEMA_VERSION + 1}`);
    expect(db.isOpen()).toBe(false);

    const again = new Dexie(name);
    await again.open(); // opens at whatever version is stored
    expect(again.verno).toBe(SCHEMA_VERSION + 1);
    expect(await again.table('decks').get('kept')).toEqual({ id: 'kept', name: 'written by the newer app' });
    expect(again.tables.map((t) => t.name)).toContain('futureTable');
    again.close();
  });
});
