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

export type AnkiRequest = { type: 'read'; file: File } | { type: 'apply' } | { type: 'cancel' };

export type AnkiReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'preview'; preview: AnkiPreview }
  | { type: 'imported'; report: ImportReport }
  | { type: 'problem'; message: string }
  | { type: 'failed'; message: string };
