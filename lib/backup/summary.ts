/**
 * What an import would do and did, in words for the Backup page. Kept apart from the merge
 * itself so the page's own JavaScript needs neither the backup parser (zod) nor the scheduler:
 * those run in the backup worker.
 */
import { plural } from '../words';

export interface SettingChange {
  setting: string;
  from: string;
  to: string;
}

export interface ImportSummary {
  reviewsInFile: number;
  cardsInFile: number;
  reviewsAdded: number;
  cardsWithNewReviews: number;
  reviewsAlreadyHere: number;
  cardsAdded: number;
  decksAdded: number;
  /** Stored cards whose schedule changes. */
  cardsRescheduled: number;
  /** Stored answers whose recorded results are recomputed from the merged history. */
  reviewsRecomputed: number;
  settingsChanged: SettingChange[];
  /** Practice quizzes and mock exams not stored yet. */
  attemptsAdded: number;
  /** Stored practice attempts replaced by a later copy (finished elsewhere, or further along). */
  attemptsUpdated: number;
  /** The learner's cards whose text the file's later edit replaces. */
  cardsTextUpdated: number;
  /** Images of imported cards not stored yet. */
  mediaAdded: number;
  /** Stored answers taken back by an Undo on another device (sync only: a backup file has no undos). */
  reviewsUndone: number;
  exportedAt: string;
  appVersion: string;
}


/** True when importing would change nothing at all. */
export function changesNothing(s: ImportSummary): boolean {
  return s.reviewsAdded === 0 && s.cardsAdded === 0 && s.decksAdded === 0 && s.cardsRescheduled === 0 && s.reviewsRecomputed === 0 && s.settingsChanged.length === 0 &&
    s.attemptsAdded === 0 && s.attemptsUpdated === 0 && s.cardsTextUpdated === 0 && s.mediaAdded === 0 && s.reviewsUndone === 0;
}

/**
 * The preview's headline, e.g. "Adds 134 reviews on 40 cards, changes no settings, removes nothing."
 */
export function summaryHeadline(s: ImportSummary): string {
  if (changesNothing(s)) return 'Changes nothing: everything in this backup is already here. Removes nothing.';
  const reviews = s.reviewsAdded ? `Adds ${plural(s.reviewsAdded, 'review')} on ${plural(s.cardsWithNewReviews, 'card')}` : 'Adds no reviews';
  const settings = s.settingsChanged.length ? `changes ${plural(s.settingsChanged.length, 'setting')}` : 'changes no settings';
  return `${reviews}, ${settings}, removes nothing.`;
}

/** The same, once imported, e.g. "Added 134 reviews on 40 cards, changed no settings, removed nothing." */
export function importedHeadline(s: ImportSummary): string {
  if (changesNothing(s)) return 'Nothing needed to change: everything in the backup was already here.';
  const reviews = s.reviewsAdded ? `Added ${plural(s.reviewsAdded, 'review')} on ${plural(s.cardsWithNewReviews, 'card')}` : 'Added no reviews';
  const settings = s.settingsChanged.length ? `changed ${plural(s.settingsChanged.length, 'setting')}` : 'changed no settings';
  return `${reviews}, ${settings}, removed nothing.`;
}

/** The preview's further lines, each only when it applies. */
export function summaryDetails(s: ImportSummary): string[] {
  const lines: string[] = [];
  if (s.cardsAdded || s.decksAdded) {
    const parts = [s.cardsAdded ? plural(s.cardsAdded, 'card') : '', s.decksAdded ? plural(s.decksAdded, 'deck') : ''].filter(Boolean);
    lines.push(`Adds ${parts.join(' and ')} not yet in this browser.`);
  }
  if (s.cardsRescheduled) lines.push(`Recomputes the schedule of ${plural(s.cardsRescheduled, 'card')} from their merged history.`);
  if (s.reviewsRecomputed) lines.push(`Updates the recorded intervals of ${plural(s.reviewsRecomputed, 'earlier answer')} to match the merged history.`);
  if (s.cardsTextUpdated) lines.push(`Takes the later text of ${plural(s.cardsTextUpdated, 'card')} you edited elsewhere (the earlier text stays in each card's history).`);
  if (s.mediaAdded) lines.push(`Adds ${plural(s.mediaAdded, 'image')} of imported cards.`);
  if (s.attemptsAdded) lines.push(`Adds ${plural(s.attemptsAdded, 'practice attempt')} (quizzes and mock exams).`);
  if (s.attemptsUpdated) lines.push(`Brings ${plural(s.attemptsUpdated, 'practice attempt')} up to the file's later copy.`);
  for (const c of s.settingsChanged) lines.push(`${c.setting}: ${c.from} → ${c.to} (the file's settings were saved more recently).`);
  if (s.reviewsAlreadyHere) lines.push(`${plural(s.reviewsAlreadyHere, 'review')} in the file ${s.reviewsAlreadyHere === 1 ? 'is' : 'are'} already here and stay as they are.`);
  return lines;
}
