/**
 * Reading the note types, decks and scheduler version out of an Anki collection, in either of the
 * two schemas Anki packages carry:
 *
 * - schema 11 (`collection.anki2`, `collection.anki21`): note types and decks are JSON objects in
 *   the one row of `col` (`models`, `decks`, and `conf` for the scheduler version);
 * - schema 18 (`collection.anki21b`): `notetypes`, `fields`, `templates` and `decks` tables whose
 *   config columns are protobuf blobs (see protobuf.ts), deck names with "\x1f" between levels,
 *   and settings as JSON values in the `config` table.
 *
 * Both end as the same plain model, so the card reader does not care which schema it came from.
 * Anything that does not parse is reported as a damaged collection rather than guessed at.
 */
import { AnkiImportError } from './anki-errors';
import { hasField, readMessage, stringField, varintField } from './protobuf';
import type { SqliteDb, SqlValue } from './sqlite';

export interface AnkiTemplate {
  ord: number;
  name: string;
  qfmt: string;
  afmt: string;
}

export interface AnkiNotetype {
  id: string;
  name: string;
  cloze: boolean;
  /** Field names by ordinal. */
  fields: string[];
  templates: AnkiTemplate[];
}

export interface AnkiDeck {
  id: string;
  /** "A::B", as Anki shows it. */
  name: string;
  path: string[];
  filtered: boolean;
}

export interface CollectionModel {
  schema: number;
  notetypes: Map<string, AnkiNotetype>;
  decks: Map<string, AnkiDeck>;
  schedulerVersion: number;
}

const LEGACY_TABLES = ['col', 'notes', 'cards', 'revlog'];
const SCHEMA18_TABLES = [...LEGACY_TABLES, 'notetypes', 'fields', 'templates', 'decks'];

export function damaged(detail: string, cause?: unknown): AnkiImportError {
  return new AnkiImportError('impossible-values', `This Anki collection is damaged: ${detail}. Run Tools › Check Database in Anki and export it again.`, {
    cause,
  });
}

/** Reads the collection's schema version and checks that the tables this reader needs are there. */
export function checkTables(db: SqliteDb): number {
  const tables = new Set(db.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r[0])));
  const missingLegacy = LEGACY_TABLES.filter((t) => !tables.has(t));
  if (missingLegacy.length) throw missingTables(missingLegacy);
  let schema: number;
  try {
    schema = Number(db.all('SELECT ver FROM col LIMIT 1')[0]?.[0]);
  } catch (error) {
    throw damaged('its `col` table cannot be read', error);
  }
  if (!Number.isFinite(schema)) throw damaged('its `col` table is empty');
  if (schema > 18) {
    throw new AnkiImportError('too-new', `This Anki collection uses a newer format (schema ${schema}) than this app reads (up to 18). Export it again with "Support older Anki versions" ticked.`);
  }
  if (schema >= 15) {
    const missing = SCHEMA18_TABLES.filter((t) => !tables.has(t));
    if (missing.length) throw missingTables(missing);
  }
  return schema;
}

function missingTables(names: string[]): AnkiImportError {
  return new AnkiImportError(
    'missing-tables',
    `This Anki collection is incomplete: it has no ${names.map((n) => `\`${n}\``).join(', ')} table${names.length > 1 ? 's' : ''}. ` +
      'It may be damaged or not made by Anki.',
  );
}

export function readCollectionModel(db: SqliteDb, schema: number): CollectionModel {
  return schema >= 15 ? readSchema18(db, schema) : readLegacy(db, schema);
}

/** Splits "A::B" (schema 11) or "A\x1fB" (schema 18) into its levels. */
export function deckPath(name: string): string[] {
  const parts = name.includes('\u001f') ? name.split('\u001f') : name.split('::');
  const path = parts.map((p) => p.trim()).filter(Boolean);
  return path.length ? path : ['Unnamed deck'];
}

function parseJson(text: SqlValue | undefined, what: string): unknown {
  try {
    return JSON.parse(String(text ?? ''));
  } catch (error) {
    throw damaged(`its ${what} are not valid JSON`, error);
  }
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string => (typeof value === 'string' ? value : value == null ? '' : String(value));

function readLegacy(db: SqliteDb, schema: number): CollectionModel {
  const row = db.all('SELECT conf, models, decks FROM col LIMIT 1')[0];
  if (!row) throw damaged('its `col` table is empty');
  const conf = asRecord(parseJson(row[0], 'settings'));
  const models = asRecord(parseJson(row[1], 'note types'));
  const decksJson = asRecord(parseJson(row[2], 'decks'));

  const notetypes = new Map<string, AnkiNotetype>();
  for (const [id, raw] of Object.entries(models)) {
    const model = asRecord(raw);
    const fields = asArray(model.flds)
      .map((f, index) => ({ ord: Number(asRecord(f).ord ?? index), name: asString(asRecord(f).name) }))
      .sort((a, b) => a.ord - b.ord)
      .map((f) => f.name);
    const templates = asArray(model.tmpls).map((t, index) => {
      const template = asRecord(t);
      return { ord: Number(template.ord ?? index), name: asString(template.name), qfmt: asString(template.qfmt), afmt: asString(template.afmt) };
    });
    notetypes.set(String(model.id ?? id), { id: String(model.id ?? id), name: asString(model.name), cloze: Number(model.type) === 1, fields, templates });
  }

  const decks = new Map<string, AnkiDeck>();
  for (const [id, raw] of Object.entries(decksJson)) {
    const deck = asRecord(raw);
    const name = asString(deck.name);
    decks.set(String(deck.id ?? id), { id: String(deck.id ?? id), name: deckPath(name).join('::'), path: deckPath(name), filtered: Number(deck.dyn) === 1 });
  }
  // Anki's own default when an old collection never stored the setting.
  const schedulerVersion = Number(conf.schedVer ?? 1) || 1;
  return { schema, notetypes, decks, schedulerVersion };
}

function blob(value: SqlValue | undefined): Uint8Array {
  return value instanceof Uint8Array ? value : new Uint8Array(0);
}

function readSchema18(db: SqliteDb, schema: number): CollectionModel {
  const notetypes = new Map<string, AnkiNotetype>();
  try {
    for (const [id, name, config] of db.all('SELECT CAST(id AS TEXT), name, config FROM notetypes')) {
      const kind = varintField(readMessage(blob(config)), 1);
      notetypes.set(String(id), { id: String(id), name: String(name), cloze: kind === 1, fields: [], templates: [] });
    }
    for (const [ntid, ord, name] of db.all('SELECT CAST(ntid AS TEXT), ord, name FROM fields ORDER BY ntid, ord')) {
      const notetype = notetypes.get(String(ntid));
      if (notetype) notetype.fields[Number(ord)] = String(name);
    }
    for (const [ntid, ord, name, config] of db.all('SELECT CAST(ntid AS TEXT), ord, name, config FROM templates ORDER BY ntid, ord')) {
      const notetype = notetypes.get(String(ntid));
      if (!notetype) continue;
      const fields = readMessage(blob(config));
      notetype.templates.push({ ord: Number(ord), name: String(name), qfmt: stringField(fields, 1), afmt: stringField(fields, 2) });
    }
  } catch (error) {
    if (error instanceof AnkiImportError) throw error;
    throw damaged('its note types cannot be read', error);
  }
  for (const notetype of notetypes.values()) {
    // A gap in the field ordinals would leave a hole: fill it so every index is a string.
    notetype.fields = Array.from(notetype.fields, (f) => f ?? '');
  }

  const decks = new Map<string, AnkiDeck>();
  try {
    for (const [id, name, kind] of db.all('SELECT CAST(id AS TEXT), name, kind FROM decks')) {
      // Deck.KindContainer: field 1 a normal deck, field 2 a filtered one.
      const filtered = hasField(readMessage(blob(kind)), 2);
      const path = deckPath(String(name));
      decks.set(String(id), { id: String(id), name: path.join('::'), path, filtered });
    }
  } catch (error) {
    throw damaged('its decks cannot be read', error);
  }

  let schedulerVersion = 2;
  const tables = new Set(db.all("SELECT name FROM sqlite_master WHERE type = 'table'").map((r) => String(r[0])));
  if (tables.has('config')) {
    const value = db.all("SELECT val FROM config WHERE KEY = 'schedVer'")[0]?.[0];
    if (value != null) {
      const text = value instanceof Uint8Array ? new TextDecoder().decode(value) : String(value);
      const parsed = Number(text.trim());
      if (Number.isFinite(parsed) && parsed > 0) schedulerVersion = parsed;
    }
  }
  return { schema, notetypes, decks, schedulerVersion };
}
