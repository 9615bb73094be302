/**
 * What practice remembers across attempts, from the finished attempts alone (the practice log):
 * each concept's last result and flag, and accuracy per domain. FSRS schedules never read it.
 */
import type { Attempt } from './attempt';

export interface ConceptRecord {
  lastRight: boolean;
  lastAt: number;
  /** Flagged the last time it was asked. */
  flagged: boolean;
  right: number;
  total: number;
}

export function conceptHistory(attempts: readonly Attempt[]): Map<string, ConceptRecord> {
  const out = new Map<string, ConceptRecord>();
  const finished = attempts.filter((a) => a.status === 'finished').sort((a, b) => (a.finishedAt ?? 0) - (b.finishedAt ?? 0));
  for (const a of finished)
    a.questions.forEach((q, i) => {
      const r = a.responses[i]!;
      const right = r.choice === q.answer;
      const prev = out.get(q.conceptKey);
      out.set(q.conceptKey, {
        lastRight: right,
        lastAt: a.finishedAt ?? 0,
        flagged: r.flagged,
        right: (prev?.right ?? 0) + (right ? 1 : 0),
        total: (prev?.total ?? 0) + 1,
      });
    });
  return out;
}

/** Right answers and questions asked per domain key, over every finished attempt. */
export function accuracyByDomain(attempts: readonly Attempt[]): Map<string, { right: number; total: number }> {
  const out = new Map<string, { right: number; total: number }>();
  for (const a of attempts) {
    if (a.status !== 'finished') continue;
    a.questions.forEach((q, i) => {
      const t = out.get(q.domain) ?? { right: 0, total: 0 };
      t.total += 1;
      if (a.responses[i]!.choice === q.answer) t.right += 1;
      out.set(q.domain, t);
    });
  }
  return out;
}

/** The card ids of the questions an attempt missed, for "Study what I missed". */
export function missedCardIds(a: Attempt): string[] {
  const ids = new Set<string>();
  a.questions.forEach((q, i) => {
    if (a.responses[i]!.choice !== q.answer) for (const id of q.cardIds) ids.add(id);
  });
  return [...ids];
}
