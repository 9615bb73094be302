/** What the Anki import and its worker say to each other (over components/workers/). */
import type { ImportReport } from '@/lib/db/import-draft';

export interface AnkiPreview {
  fileName: string;
  decks: string[];
  cards: number;
  answers: number;
  images: number;
  suspended: number;
  skipped: string[];
}

export type AnkiRequest =
  /** `replayer`: this worker's end of a channel to a replay worker (replay.worker.ts), if the page started one. */
  | { type: 'read'; file: File; replayer?: MessagePort }
  | { type: 'apply' }
  | { type: 'cancel' }
  /** The replay worker crashed: import without it. */
  | { type: 'replayer-lost' };

export type AnkiReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'preview'; preview: AnkiPreview }
  | { type: 'imported'; report: ImportReport }
  | { type: 'problem'; message: string }
  | { type: 'failed'; message: string };
