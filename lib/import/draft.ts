/**
 * What every importer (CSV/TSV, Anki .apkg/.colpkg) produces, before anything is stored: decks,
 * cards with their text in the app's safe Markdown subset, tags, states, media, and for Anki the
 * review history. lib/db/ turns a checked ImportDraft into stored decks and cards in one
 * transaction (answers replayed through FSRS there); importers never touch storage.
 */
import type { Grade } from '../model';

/** Where an imported card came from, so a second import of the same file finds it again. */
export type ImportOrigin =
  | { kind: 'anki'; noteId: string; ord: number; noteGuid?: string }
  | { kind: 'csv'; fileName: string; line: number };

export interface DraftDeck {
  /** A stable key inside the draft, e.g. the Anki deck id or the deck name of a CSV column. */
  key: string;
  /** The deck's path in a tree: Anki's "CISSP::Domain 1" is ["CISSP", "Domain 1"]. */
  path: string[];
}

/** One past answer from the other program's log, mapped to the app's four grades. */
export interface DraftAnswer {
  /** When it was given (epoch ms). */
  at: number;
  grade: Grade;
  /** Time taken (ms), 0 when unknown. */
  durationMs: number;
}

export interface DraftCard {
  /** Key of its deck in `decks`. */
  deckKey: string;
  /** Question and answer in the app's Markdown subset (lib/markdown.ts); images as ![alt](media:name). */
  front: string;
  back: string;
  tags: string[];
  origin: ImportOrigin;
  suspended: boolean;
  /** Buried in the other program (hidden until the next study day). */
  buried: boolean;
  /** Anki's flag number: 0 none, 1 red, 2 orange, 3 green, 4 blue, 5 pink, 6 turquoise, 7 purple. */
  flag: number;
  /** Oldest first; empty for a card never studied. */
  answers: DraftAnswer[];
}

export interface DraftMedia {
  /** The name the card text refers to (media:name). */
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface ImportDraft {
  /** Shown in the preview: "Anki package", "CSV file". */
  kind: 'anki' | 'csv';
  fileName: string;
  decks: DraftDeck[];
  cards: DraftCard[];
  media: DraftMedia[];
  /** What was left out and why, one line each ("3 sound files skipped: …"). */
  skipped: string[];
}
