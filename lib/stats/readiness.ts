/**
 * Exam readiness: for each domain of a certification's current outline, how much of it the
 * learner has met and how much FSRS expects them to recall, today and on the exam morning if
 * they stopped reviewing now. A card never studied counts as 0 recall, so an untouched domain
 * pulls the figure down as it would on the exam.
 */
import type { CertificationId, GeneratedDomain } from '../decks/types';
import { CardState, type MemoryState, type StudyCard } from '../model';
import { retrievabilityOn, type Scheduler } from '../scheduler';

/** The outline readiness is measured against: the one the exam currently follows. */
export const READINESS_OUTLINES: Record<CertificationId, string> = { cism: 'cism-2022', cissp: 'cissp-2024' };
export const CERTIFICATION_NAMES: Record<CertificationId, string> = { cism: 'CISM', cissp: 'CISSP' };

/** What readiness needs of a card (a full StudyCard or its digest entry). */
export type ReadinessCard = Pick<MemoryState, 'state' | 'stability' | 'lastReview'> & Pick<StudyCard, 'tags' | 'retired'>;

export interface DomainReadiness {
  key: string;
  /** The card tag that selects this domain, e.g. "domain:cissp-2024/3". */
  tag: string;
  number: number;
  name: string;
  /** Official exam weight in percent (0 when the outline publishes none). */
  weight: number;
  cards: number;
  introduced: number;
  /** introduced / cards (0 for a domain without cards). */
  introducedShare: number;
  recallToday: number;
  /** Null without an exam date. */
  recallOnExam: number | null;
}

export interface CertificationReadiness {
  certification: CertificationId;
  outline: string;
  /** Weakest first (by the exam-date figure when there is one, else today's). */
  domains: DomainReadiness[];
  /** Weighted by the official domain weights. */
  overallToday: number;
  overallOnExam: number | null;
  totalWeight: number;
}

const domainTag = (key: string) => `domain:${key}`;

function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/**
 * @param cards every card that may carry one of the outline's domain tags (others are ignored)
 * @param examAt the exam moment, or null when no exam date is set
 * @example readinessOf('cissp', domains, cards, scheduler, now, null).overallToday
 */
export function readinessOf(
  certification: CertificationId,
  domains: readonly GeneratedDomain[],
  cards: readonly ReadinessCard[],
  scheduler: Scheduler,
  now: number,
  examAt: number | null,
): CertificationReadiness {
  const outline = READINESS_OUTLINES[certification];
  const own = domains.filter((d) => d.certification === certification && d.outline === outline);
  const byTag = new Map<string, ReadinessCard[]>(own.map((d) => [domainTag(d.key), []]));
  for (const card of cards) {
    if (card.retired) continue;
    for (const tag of card.tags) byTag.get(tag)?.push(card);
  }

  const rows: DomainReadiness[] = own.map((d) => {
    const tag = domainTag(d.key);
    const members = byTag.get(tag) ?? [];
    const introduced = members.filter((c) => c.state !== CardState.New).length;
    return {
      key: d.key,
      tag,
      number: d.number,
      name: d.name,
      weight: d.weight ?? 0,
      cards: members.length,
      introduced,
      introducedShare: members.length ? introduced / members.length : 0,
      recallToday: mean(members.map((c) => retrievabilityOn(scheduler, c, now))),
      recallOnExam: examAt === null ? null : mean(members.map((c) => retrievabilityOn(scheduler, c, examAt))),
    };
  });

  const totalWeight = rows.reduce((s, r) => s + r.weight, 0);
  const weighted = (pick: (r: DomainReadiness) => number) =>
    totalWeight > 0 ? rows.reduce((s, r) => s + r.weight * pick(r), 0) / totalWeight : mean(rows.map(pick));
  const score = (r: DomainReadiness) => r.recallOnExam ?? r.recallToday;

  return {
    certification,
    outline,
    domains: rows.slice().sort((a, b) => score(a) - score(b) || b.weight - a.weight || a.number - b.number),
    overallToday: weighted((r) => r.recallToday),
    overallOnExam: examAt === null ? null : weighted((r) => r.recallOnExam ?? 0),
    totalWeight,
  };
}
