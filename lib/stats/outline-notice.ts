/**
 * Which exam outline a learner's exam follows, and what to tell them when the decks follow an
 * older one. ISACA replaced the CISM job practice on 3 November 2026 (several independent sources
 * agree on the date); the new outline's domains and weights could not be confirmed from ISACA's
 * own pages, so the decks and readiness still follow the 2022 job practice and say so.
 */
import type { CertificationId } from '../decks/types';

export interface OutlineChange {
  certification: CertificationId;
  /** The outline the decks and readiness follow. */
  decksFollow: string;
  /** First exam day (YYYY-MM-DD) of the outline that replaced it. */
  replacedOn: string;
}

export const OUTLINE_CHANGES: readonly OutlineChange[] = [
  { certification: 'cism', decksFollow: 'the CISM 2022 job practice', replacedOn: '2026-11-03' },
];

/**
 * The change that affects an exam on `examDate`, or null when the decks follow the exam's outline.
 * @example outlineChangeFor('cism', '2026-12-01')?.replacedOn // '2026-11-03'
 */
export function outlineChangeFor(certification: CertificationId, examDate: string | null): OutlineChange | null {
  if (examDate === null) return null;
  return OUTLINE_CHANGES.find((c) => c.certification === certification && examDate >= c.replacedOn) ?? null;
}
