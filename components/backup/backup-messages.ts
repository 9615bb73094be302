/** What the backup screen and its worker say to each other. */
import type { ImportSummary } from '@/lib/backup/merge';
import type { BackupProblem } from '@/lib/backup/parse';
import type { Phase } from '@/lib/db/backup';

export type ExportKind = 'backup' | 'review-log' | 'fsrs-optimizer';

export type BackupRequest =
  | { type: 'export'; kind: ExportKind }
  | { type: 'prepare'; file: File }
  | { type: 'apply' };

export type BackupReply =
  | { type: 'progress'; phase: Phase; done: number; total: number }
  | { type: 'exported'; blob: Blob; fileName: string; reviews: number; cards: number }
  | { type: 'preview'; summary: ImportSummary }
  | { type: 'imported'; summary: ImportSummary }
  | { type: 'changed'; summary: ImportSummary }
  | { type: 'problem'; problem: BackupProblem }
  | { type: 'failed'; message: string };
