/**
 * Exam readiness: for each domain of a certification's current outline, how much of it the
 * learner has met and how much FSRS expects them to recall, today and on the exam morning if
 * they stopped reviewing now. A card never studied counts as 0 recall, so an untouched domain
 * pulls the figure down as it would on the exam.
 */
import type { GeneratedSubdomain } from '../decks/manifest';
import type { CertificationId, GeneratedDomain } from '../decks/types';
import { CardState, type MemoryState, type StudyCard } from '../model';
import { retrievabilityOn, type Scheduler } from '../scheduler';

/** The outline readiness is measured against: the one the exam currently follows. */
export const READINESS_OUTLINES: Record<CertificationId, string> = { cism: 'cism-2022', cissp: 'cissp-2024' };
export const CERTIFICATION_NAMES: Record<CertificationId, string> = { cism: 'CISM', cissp: 'CISSP' };

/** What readiness needs of a card (a full StudyCard or its digest entry). */
export type ReadinessCard = Pick<MemoryState, 'state' | 'stability' | 'lastReview'> & Pick<StudyCard, 'tags' | 'retired'>;

/** A sub-domain (CISSP) or topic (CISM) of a domain: the same figures, for "Study this sub-domain". */
export interface SubdomainReadiness {
  key: string;
  /** The card tag that selects it, e.g. "subdomain:cissp-2024/3.2". */
  tag: string;
  code: string;
  name: string;
  cards: number;
  introduced: number;
  recallToday: number;
}

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
  /** In outline order. */
  subdomains: SubdomainReadiness[];
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
const subdomainTag = (key: string) => `subdomain:${key}`;

function mean(values: number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

/**
 * Only cards with a `domain:` tag count: the generator gives it to the cards that teach a
 * domain's content (concepts, processes, confused terms, formulas), not to the syllabus map,
 * exam facts or role contrasts, so readiness measures what the exam tests.
 * @param cards every card that may carry one of the outline's domain tags (others are ignored)
 * @param examAt the exam moment, or null when no exam date is set
 * @param subdomains the outline's sub-domains, for the figures per sub-domain
 * @example readinessOf('cissp', domains, cards, scheduler, now, null).overallToday
 */
export function readinessOf(
  certification: CertificationId,
  domains: readonly GeneratedDomain[],
  cards: readonly ReadinessCard[],
  scheduler: Scheduler,
  now: number,
  examAt: number | null,
  subdomains: readonly GeneratedSubdomain[] = [],
): CertificationReadiness {
  const outline = READINESS_OUTLINES[certification];
  const own = domains.filter((d) => d.certification === certification && d.outline === outline);
  const ownSubdomains = subdomains.filter((st) => own.some((d) => d.key === st.domain));
  const byTag = new Map<string, ReadinessCard[]>([
    ...own.map((d): [string, ReadinessCard[]] => [domainTag(d.key), []]),
    ...ownSubdomains.map((st): [string, ReadinessCard[]] => [subdomainTag(st.key), []]),
  ]);
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
      subdomains: ownSubdomains
        .filter((st) => st.domain === d.key)
        .map((st) => {
          const list = byTag.get(subdomainTag(st.key)) ?? [];
          return {
            key: st.key,
            tag: subdomainTag(st.key),
            code: st.code,
            name: st.name,
            cards: list.length,
            introduced: list.filter((c) => c.state !== CardState.New).length,
            recallToday: mean(list.map((c) => retrievabilityOn(scheduler, c, now))),
          };
        }),
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
