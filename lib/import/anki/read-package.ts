/**
 * An Anki package (.apkg, .colpkg) → an ImportDraft, with nothing stored: the caller (a Worker)
 * hands the draft to lib/db/ once the learner confirms.
 *
 * The steps, each refusing bad input with an AnkiImportError the learner can read:
 * 1. size, then the zip's central directory (zip.ts: entry count, unpacked size and ratio are
 *    checked before anything is inflated);
 * 2. pick the collection: `collection.anki21b` (zstd, schema 18) over `collection.anki21` over
 *    `collection.anki2`. Current Anki writes a placeholder `collection.anki2` next to the real
 *    one ("Please update to the latest Anki version"): it is never read when a newer file is
 *    there, and refused by its content when it is alone;
 * 3. open it with the injected SQLite (sqlite.ts), check its tables, read note types and decks
 *    (collection.ts), the review log (revlog.ts), then notes and cards;
 * 4. render each card's question and answer from its template (template.ts) and convert them to
 *    the app's Markdown (html-to-markdown.ts), keeping the images the cards show.
 *
 * Cards are not re-generated: the package's `cards` table says which cards exist, as Anki made
 * them. A card whose question renders empty is one Anki would not show; it is left out and
 * counted. Cards in a filtered deck go to their home deck (filtered decks are not imported).
 */
import type { SqlJsStatic } from 'sql.js';
import type { DraftAnswer, DraftCard, DraftDeck, DraftMedia, ImportDraft } from '../draft';
import { checkTables, damaged, readCollectionModel, type AnkiNotetype, type CollectionModel } from './collection';
import { AnkiImportError, checkPackageSize } from './anki-errors';
import { encodeMediaName, htmlToMarkdown, type SkipKind } from './html-to-markdown';
import { looksLikeImageName, looksLikeSoundName, parseLegacyMediaMap, parseMediaEntries, sniffImageMime, type MediaMap } from './media';
import { readMessage, varintField } from './protobuf';
import { revlogToAnswer } from './revlog';
import { sqlJsOpener, type OpenSqlite, type SqliteDb } from './sqlite';
import { FRONT_SIDE_MARK, answerWithoutQuestion, clozeNumbers, renderTemplate, type TemplateContext } from './template';
import { listEntries, unpackEntries, type ZipEntryInfo } from './zip';
import { isZstd, zstdDecompress } from './zstd';

export interface ReadAnkiOptions {
  /** Shown in the preview and kept in the draft. */
  fileName: string;
  /** Opens a collection's bytes. Give this or `initSqlJs`. */
  openSqlite?: OpenSqlite;
  /** sql.js's init function (e.g. `loadSqlJs` in the browser), called only once the archive has passed its checks. */
  initSqlJs?: () => Promise<SqlJsStatic>;
  /** Called as the work advances: a phase for the learner ("Reading cards") and a count within it. */
  onProgress?: (phase: string, done: number, total: number) => void;
}

/** The largest collection (decompressed) the reader opens; sql.js keeps it all in memory. */
export const MAX_COLLECTION_BYTES = 1024 * 1024 * 1024;
/** The largest single media file kept. */
export const MAX_MEDIA_FILE_BYTES = 64 * 1024 * 1024;

const PLACEHOLDER_TEXT = 'Please update to the latest Anki version';
const PROGRESS_EVERY = 2000;

export async function readAnkiPackage(bytes: Uint8Array, options: ReadAnkiOptions): Promise<ImportDraft> {
  const progress = options.onProgress ?? (() => {});
  checkPackageSize(bytes);
  progress('Opening the package', 0, 1);
  const entries = listEntries(bytes);
  const names = new Set(entries.map((e) => e.name));

  const metaVersion = names.has('meta') ? readMetaVersion(unpackEntries(bytes, new Set(['meta'])).get('meta')) : 0;
  const collectionName = pickCollection(names, metaVersion);
  const unpacked = unpackEntries(bytes, new Set([collectionName, 'media']));
  let collectionBytes = unpacked.get(collectionName);
  if (!collectionBytes) throw noCollection();
  if (isZstd(collectionBytes)) collectionBytes = zstdDecompress(collectionBytes, MAX_COLLECTION_BYTES, 'collection');
  const mediaMap = readMediaMap(unpacked.get('media'));
  progress('Opening the package', 1, 1);

  const open = options.openSqlite ?? (options.initSqlJs ? sqlJsOpener(await options.initSqlJs()) : undefined);
  if (!open) throw new Error('readAnkiPackage needs openSqlite or initSqlJs');
  let db: SqliteDb;
  try {
    db = await open(collectionBytes);
  } catch (error) {
    throw new AnkiImportError('not-sqlite', `This Anki package is damaged: its ${collectionName} is not a SQLite database.`, { cause: error });
  }
  try {
    const schema = checkTables(db);
    const model = readCollectionModel(db, schema);
    if (collectionName === 'collection.anki2') refusePlaceholder(db);
    return await buildDraft(db, model, { bytes, entries, mediaMap, fileName: options.fileName, progress });
  } catch (error) {
    if (error instanceof AnkiImportError) throw error;
    throw damaged('part of it cannot be read', error);
  } finally {
    db.close();
  }
}

function noCollection(): AnkiImportError {
  return new AnkiImportError(
    'no-collection',
    'This zip file is not an Anki package: it holds no collection (collection.anki21b, collection.anki21 or collection.anki2).',
  );
}

/** PackageMetadata.version: 1 and 2 legacy, 3 the zstd format; anything else is newer than this reader. */
function readMetaVersion(meta: Uint8Array | undefined): number {
  if (!meta) return 0;
  let version: number;
  try {
    version = varintField(readMessage(meta), 1);
  } catch (error) {
    throw new AnkiImportError('corrupt-zip', 'This Anki package is damaged: its `meta` entry cannot be read.', { cause: error });
  }
  if (version < 1 || version > 3) {
    throw new AnkiImportError('too-new', 'This Anki package was made by a newer version of Anki than this app can read. Export it again with "Support older Anki versions" ticked.');
  }
  return version;
}

function pickCollection(names: Set<string>, metaVersion: number): string {
  if (metaVersion === 3 && !names.has('collection.anki21b')) throw noCollection();
  for (const name of ['collection.anki21b', 'collection.anki21', 'collection.anki2']) if (names.has(name)) return name;
  throw noCollection();
}

/** The placeholder Anki writes for old versions: one note saying to update. Its text may be translated, so its shape counts too. */
function refusePlaceholder(db: SqliteDb): void {
  const notes = db.all('SELECT flds FROM notes LIMIT 2');
  if (notes.length !== 1) return;
  const text = String(notes[0]![0] ?? '');
  if (text.includes(PLACEHOLDER_TEXT) || /\.colpkg\/\.apkg/.test(text)) {
    throw new AnkiImportError(
      'too-new',
      'This Anki package holds only the notice "Please update to the latest Anki version": its real collection is missing. Export it again from Anki.',
    );
  }
}

function readMediaMap(bytes: Uint8Array | undefined): MediaMap {
  if (!bytes || bytes.length === 0) return new Map();
  try {
    if (isZstd(bytes)) return parseMediaEntries(zstdDecompress(bytes, 64 * 1024 * 1024, 'media list'));
    return parseLegacyMediaMap(bytes);
  } catch (error) {
    if (error instanceof AnkiImportError) throw error;
    throw new AnkiImportError('corrupt-zip', 'This Anki package is damaged: its list of media files cannot be read.', { cause: error });
  }
}

interface BuildInput {
  bytes: Uint8Array;
  entries: ZipEntryInfo[];
  mediaMap: MediaMap;
  fileName: string;
  progress: (phase: string, done: number, total: number) => void;
}

/** Tallies of what was left out, turned into the draft's `skipped` lines at the end. */
class Skipped {
  private readonly names = new Map<SkipKind, Set<string>>();
  emptyQuestion = 0;
  noCloze = 0;
  missingTemplate = 0;
  orphanAnswers = 0;
  nonAnswers = 0;

  add(kind: SkipKind, detail: string) {
    let set = this.names.get(kind);
    if (!set) this.names.set(kind, (set = new Set()));
    set.add(detail);
  }

  get(kind: SkipKind): Set<string> {
    return this.names.get(kind) ?? new Set();
  }
}

function listNames(names: Iterable<string>): string {
  const all = [...names];
  const shown = all.slice(0, 5).join(', ');
  return all.length > 5 ? `${shown} and ${all.length - 5} more` : shown;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

async function buildDraft(db: SqliteDb, model: CollectionModel, input: BuildInput): Promise<ImportDraft> {
  const { progress, mediaMap } = input;
  const skipped = new Skipped();

  // Notes first: 20,000 rows, each kept until its cards are rendered.
  const notes = new Map<string, { guid: string; mid: string; tags: string[]; fields: string[] }>();
  db.each('SELECT CAST(id AS TEXT), guid, CAST(mid AS TEXT), tags, flds FROM notes', ([id, guid, mid, tags, flds]) => {
    notes.set(String(id), {
      guid: String(guid ?? ''),
      mid: String(mid),
      tags: String(tags ?? '').split(/\s+/).filter(Boolean),
      fields: String(flds ?? '').split('\u001f'),
    });
  });

  const answers = readAnswers(db, model, skipped, progress);

  // Images the cards show, resolved against the package's media list.
  const usedImages = new Map<string, string>(); // encoded name → package file name
  const cardsShowing = new Map<string, DraftCard[]>(); // encoded name → the cards whose text shows it
  let imagesOfCard = new Set<string>();
  const resolveImage = (src: string): string | null => {
    const name = mediaName(src, mediaMap);
    if (name === null || !looksLikeImageName(name)) return null;
    const encoded = encodeMediaName(name);
    usedImages.set(encoded, name);
    imagesOfCard.add(encoded);
    return encoded;
  };
  const onSkip = (kind: SkipKind, detail: string) => skipped.add(kind, detail);

  const cardRows = db.all('SELECT CAST(id AS TEXT), CAST(nid AS TEXT), CAST(did AS TEXT), CAST(odid AS TEXT), ord, type, queue, due, flags FROM cards ORDER BY id');
  let cards: DraftCard[] = [];
  const deckUse = new Map<string, number>();
  const total = cardRows.length;
  progress('Reading cards', 0, total);
  for (let index = 0; index < total; index += 1) {
    const [cardId, nid, did, odid, ordValue, type, queue, due, flags] = cardRows[index]!;
    const note = notes.get(String(nid));
    if (!note) throw damaged(`card ${cardId} belongs to note ${nid}, which is not in the collection`);
    const notetype = model.notetypes.get(note.mid);
    if (!notetype) throw damaged(`note ${nid} uses note type ${note.mid}, which is not in the collection`);
    const ord = Number(ordValue);
    checkCardValues(String(cardId), ord, Number(type), Number(queue), Number(due));
    const homeDeck = odid && odid !== '0' ? String(odid) : String(did);
    const deck = model.decks.get(homeDeck);
    if (!deck) throw damaged(`card ${cardId} is in deck ${homeDeck}, which is not in the collection`);

    imagesOfCard = new Set();
    const rendered = renderCard(notetype, note, ord, deck.name, Number(flags) & 7, skipped, resolveImage, onSkip);
    if (rendered) {
      deckUse.set(homeDeck, (deckUse.get(homeDeck) ?? 0) + 1);
      const card: DraftCard = {
        deckKey: homeDeck,
        front: rendered.front,
        back: rendered.back,
        tags: note.tags,
        origin: { kind: 'anki', noteId: String(nid), ord, noteGuid: note.guid || undefined },
        suspended: Number(queue) === -1,
        buried: Number(queue) === -2 || Number(queue) === -3,
        flag: Number(flags) & 7,
        answers: answers.get(String(cardId)) ?? [],
      };
      cards.push(card);
      for (const image of imagesOfCard) {
        const list = cardsShowing.get(image);
        if (list) list.push(card);
        else cardsShowing.set(image, [card]);
      }
    }
    if ((index + 1) % PROGRESS_EVERY === 0) progress('Reading cards', index + 1, total);
  }
  progress('Reading cards', total, total);

  const media = unpackImages(input, usedImages, skipped, progress);
  // An image that turned out not to be one (or not to be there) leaves the cards' text too.
  const kept = new Set(media.map((m) => m.name));
  const emptied = new Set<DraftCard>();
  for (const [image, showing] of cardsShowing) {
    if (kept.has(image)) continue;
    for (const card of showing) {
      card.front = tidy(withoutImage(card.front, image));
      card.back = tidy(withoutImage(card.back, image));
      if (!card.front) emptied.add(card);
    }
  }
  if (emptied.size) {
    skipped.emptyQuestion += emptied.size;
    for (const card of emptied) deckUse.set(card.deckKey, deckUse.get(card.deckKey)! - 1);
    cards = cards.filter((card) => !emptied.has(card));
  }

  const decks: DraftDeck[] = [];
  for (const deck of model.decks.values()) {
    if (deck.filtered) continue;
    // Every collection has a "Default" deck (id 1); it is only worth creating if cards live there.
    if (deck.id === '1' && !deckUse.get('1')) continue;
    decks.push({ key: deck.id, path: deck.path });
  }
  decks.sort((a, b) => a.path.join('\u0000').localeCompare(b.path.join('\u0000')));
  return { kind: 'anki', fileName: input.fileName, decks, cards, media, skipped: skippedLines(skipped, mediaMap, usedImages) };
}

/** The text without its references to one image; "\![" (escaped) is text that only reads like one, and stays. */
export function withoutImage(markdown: string, image: string): string {
  return markdown.replace(new RegExp(String.raw`(?<=(?:^|[^\\])(?:\\\\)*)!\[[^\]]*\]\(media:${escapeRegExp(image)}\)`, 'g'), '');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Cleans up after a removed image: no trailing spaces on a line, no runs of blank lines. */
function tidy(markdown: string): string {
  return markdown
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function checkCardValues(cardId: string, ord: number, type: number, queue: number, due: number): void {
  if (!Number.isInteger(ord) || ord < 0 || ord > 10_000) throw damaged(`card ${cardId} has an impossible template number (${ord})`);
  if (![0, 1, 2, 3].includes(type)) throw damaged(`card ${cardId} has an impossible card type (${type})`);
  if (![-3, -2, -1, 0, 1, 2, 3, 4].includes(queue)) throw damaged(`card ${cardId} has an impossible queue (${queue})`);
  if (!Number.isFinite(due)) throw damaged(`card ${cardId} has no due value`);
  // A new card's due is its place in the new-card queue, which Anki never makes negative.
  if (type === 0 && due < 0) throw damaged(`new card ${cardId} has a negative position in the new-card queue (${due})`);
}

/** The package file an <img src> refers to: as written, NFC-normalised, or URL-decoded (older Anki wrote %20). */
function mediaName(src: string, media: MediaMap): string | null {
  const candidates = [src, src.normalize('NFC')];
  try {
    const decoded = decodeURIComponent(src);
    candidates.push(decoded, decoded.normalize('NFC'));
  } catch {
    // Not URL-encoded.
  }
  for (const c of candidates) if (media.has(c)) return c;
  return null;
}

function renderCard(
  notetype: AnkiNotetype,
  note: { tags: string[]; fields: string[] },
  ord: number,
  deckName: string,
  flag: number,
  skipped: Skipped,
  resolveImage: (src: string) => string | null,
  onSkip: (kind: SkipKind, detail: string) => void,
): { front: string; back: string } | null {
  const template = notetype.cloze ? notetype.templates[0] : notetype.templates.find((t) => t.ord === ord);
  if (!template) {
    skipped.missingTemplate += 1;
    return null;
  }
  const fields = new Map<string, string>();
  notetype.fields.forEach((name, i) => fields.set(name, note.fields[i] ?? ''));
  const context: TemplateContext = {
    fields,
    tags: note.tags,
    noteTypeName: notetype.name,
    deckName,
    cardName: template.name,
    flag,
    cloze: notetype.cloze ? ord + 1 : undefined,
  };
  if (notetype.cloze) {
    // Anki makes cloze card n only when some field used by {{cloze:…}} has a deletion cN.
    const present = clozeFieldsOf(template.qfmt).some((f) => clozeNumbers(fields.get(f) ?? '').has(ord + 1));
    if (!present) {
      skipped.noCloze += 1;
      return null;
    }
  }
  const questionHtml = renderTemplate(template.qfmt, context, 'question');
  // Report skipped media once per card side that is kept, not for cards left out.
  const pending: [SkipKind, string][] = [];
  const collect = (kind: SkipKind, detail: string) => pending.push([kind, detail]);
  const front = htmlToMarkdown(questionHtml, { resolveImage, onSkip: collect });
  if (!front.trim()) {
    skipped.emptyQuestion += 1;
    return null;
  }
  const answerHtml = answerWithoutQuestion(renderTemplate(template.afmt, context, 'answer', FRONT_SIDE_MARK));
  const back = htmlToMarkdown(answerHtml, { resolveImage, onSkip: collect });
  for (const [kind, detail] of pending) onSkip(kind, detail);
  return { front, back };
}

/** Fields a cloze template reads through the cloze filter ({{cloze:Text}}, {{cloze:text:Text}}…). */
function clozeFieldsOf(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(/\{\{([^}]*)\}\}/g)) {
    const parts = m[1]!.split(':').map((p) => p.trim());
    if (parts.length > 1 && parts.slice(0, -1).includes('cloze')) out.push(parts.at(-1)!);
  }
  return out;
}

function readAnswers(
  db: SqliteDb,
  model: CollectionModel,
  skipped: Skipped,
  progress: (phase: string, done: number, total: number) => void,
): Map<string, DraftAnswer[]> {
  const total = Number(db.all('SELECT count(*) FROM revlog')[0]?.[0] ?? 0);
  const fourButtonLearning = Number(db.all('SELECT count(*) FROM revlog WHERE type IN (0, 2) AND ease = 4')[0]?.[0] ?? 0) > 0;
  const v1 = model.schedulerVersion === 1 && !fourButtonLearning;
  const byCard = new Map<string, DraftAnswer[]>();
  const cardIds = new Set(db.all('SELECT CAST(id AS TEXT) FROM cards').map((r) => String(r[0])));
  progress('Reading review history', 0, total);
  let done = 0;
  // Card ids as numbers when every one is exact as a JavaScript number (Anki's are millisecond
  // times): decoding 300,000 of them as text is a fifth of reading the log. Otherwise as text.
  const exact = Number(db.all(`SELECT count(*) FROM revlog WHERE cid NOT BETWEEN -${Number.MAX_SAFE_INTEGER} AND ${Number.MAX_SAFE_INTEGER}`)[0]?.[0] ?? 0) === 0;
  // By card, then by time: the index on revlog(cid) gives this order without a sort, and a card's
  // rows come one after the other.
  let lastCid: unknown = null;
  let list: DraftAnswer[] | null = null;
  db.each(`SELECT ${exact ? 'cid' : 'CAST(cid AS TEXT)'}, id, ease, time, type FROM revlog ORDER BY cid, id`, ([cid, id, ease, time, type]) => {
    done += 1;
    if (done % 50_000 === 0) progress('Reading review history', done, total);
    if (cid !== lastCid) {
      lastCid = cid;
      const key = String(cid);
      list = null;
      if (cardIds.has(key)) byCard.set(key, (list = byCard.get(key) ?? []));
    }
    if (!list) {
      skipped.orphanAnswers += 1;
      return;
    }
    const answer = revlogToAnswer(Number(id), Number(ease), Number(time), Number(type), v1);
    if (!answer) {
      skipped.nonAnswers += 1;
      return;
    }
    list.push(answer);
  });
  for (const list of byCard.values()) list.sort((a, b) => a.at - b.at);
  progress('Reading review history', total, total);
  return byCard;
}

function unpackImages(
  input: BuildInput,
  usedImages: Map<string, string>,
  skipped: Skipped,
  progress: (phase: string, done: number, total: number) => void,
): DraftMedia[] {
  if (usedImages.size === 0) return [];
  const entryOf = new Map<string, string>(); // zip entry → encoded name
  for (const [encoded, name] of usedImages) entryOf.set(input.mediaMap.get(name)!, encoded);
  const sizes = new Map(input.entries.map((e) => [e.name, e.unpackedSize]));
  const wanted = new Set([...entryOf.keys()].filter((entry) => sizes.has(entry) && sizes.get(entry)! <= MAX_MEDIA_FILE_BYTES));
  progress('Unpacking images', 0, wanted.size);
  const files = unpackEntries(input.bytes, wanted);
  const media: DraftMedia[] = [];
  let done = 0;
  for (const [entry, encoded] of entryOf) {
    const name = usedImages.get(encoded)!;
    let bytes = files.get(entry);
    if (bytes && isZstd(bytes)) {
      try {
        bytes = zstdDecompress(bytes, MAX_MEDIA_FILE_BYTES, `image ${name}`);
      } catch {
        bytes = undefined;
      }
    }
    const mime = bytes ? sniffImageMime(bytes) : null;
    if (!bytes || !mime) {
      skipped.add('missing-image', name);
      continue;
    }
    media.push({ name: encoded, mime, bytes });
    done += 1;
    if (done % 100 === 0) progress('Unpacking images', done, wanted.size);
  }
  progress('Unpacking images', wanted.size, wanted.size);
  return media;
}

function skippedLines(skipped: Skipped, mediaMap: MediaMap, usedImages: Map<string, string>): string[] {
  const lines: string[] = [];
  if (skipped.emptyQuestion) lines.push(`${plural(skipped.emptyQuestion, 'card')} left out: their question would be empty, or hold only sound (Anki does not make cards with an empty question).`);
  if (skipped.noCloze) lines.push(`${plural(skipped.noCloze, 'cloze card')} left out: the note no longer has that cloze number.`);
  if (skipped.missingTemplate) lines.push(`${plural(skipped.missingTemplate, 'card')} left out: the note type has no template for them.`);
  const sounds = skipped.get('sound');
  if (sounds.size) lines.push(`${plural(sounds.size, 'sound file')} skipped (the app does not play sound): ${listNames(sounds)}.`);
  const embedded = skipped.get('embedded-media');
  if (embedded.size) lines.push(`${plural(embedded.size, 'embedded video, audio or frame', 'embedded videos, audio or frames')} skipped: ${listNames(embedded)}.`);
  const remote = skipped.get('remote-image');
  if (remote.size) lines.push(`${plural(remote.size, 'image')} from the web skipped (the app loads nothing from the internet): ${listNames(remote)}.`);
  const inline = skipped.get('inline-image');
  if (inline.size) lines.push(`${plural(inline.size, 'image')} written into the card text (data: URLs) skipped.`);
  const missing = skipped.get('missing-image');
  if (missing.size) lines.push(`${plural(missing.size, 'image')} not found in the package, or not a PNG, JPEG, GIF, WebP, AVIF or BMP image, skipped: ${listNames(missing)}.`);
  const scripts = skipped.get('script');
  if (scripts.size) lines.push('Scripts and styles in the cards were removed.');
  const used = new Set(usedImages.values());
  const otherFiles = [...mediaMap.keys()].filter((name) => !used.has(name) && !sounds.has(name));
  const otherSounds = otherFiles.filter(looksLikeSoundName);
  const otherRest = otherFiles.filter((n) => !looksLikeSoundName(n));
  if (otherSounds.length) lines.push(`${plural(otherSounds.length, 'other sound or video file')} in the package skipped: ${listNames(otherSounds)}.`);
  if (otherRest.length) lines.push(`${plural(otherRest.length, 'media file')} in the package not used by any imported card skipped: ${listNames(otherRest)}.`);
  if (skipped.nonAnswers) {
    lines.push(`${plural(skipped.nonAnswers, 'review-log entry', 'review-log entries')} skipped: manual changes and reschedules are not answers.`);
  }
  if (skipped.orphanAnswers) lines.push(`${plural(skipped.orphanAnswers, 'review-log entry', 'review-log entries')} skipped: their cards are not in the package.`);
  return lines;
}
