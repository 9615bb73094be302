/**
 * The results of a finished attempt: overall, per domain and sub-domain, time per question, the
 * questions missed, and a scaled figure on the exam's own scale, which is an estimate (see below).
 */
import type { CertificationId } from '../decks/types';
import { ADAPTIVE } from './adaptive';
import type { Attempt } from './attempt';

/** The exams' scales and pass lines, from the official exam facts. */
export const EXAM_SCALE: Record<CertificationId, { min: number; max: number; passLine: number; passShare: number; name: string }> = {
  // ISACA reports 200–800 and passes at 450; the share of right answers behind 450 is not
  // published: 65 % is this app's assumption.
  cism: { min: 200, max: 800, passLine: 450, passShare: 0.65, name: 'CISM' },
  // ISC2 reports up to 1000 and passes at 700; the share behind 700 is not published either.
  cissp: { min: 0, max: 1000, passLine: 700, passShare: ADAPTIVE.passShare, name: 'CISSP' },
};

/**
 * The scaled estimate of a share of right answers: linear from the bottom of the scale to the
 * pass line at the assumed pass share, and from there to the top.
 */
export function scaledEstimate(share: number, cert: CertificationId): number {
  const s = EXAM_SCALE[cert];
  const p = Math.min(1, Math.max(0, share));
  const value =
    p <= s.passShare ? s.min + (p / s.passShare) * (s.passLine - s.min) : s.passLine + ((p - s.passShare) / (1 - s.passShare)) * (s.max - s.passLine);
  return Math.round(value);
}

export interface Tally {
  key: string;
  right: number;
  total: number;
}

export interface AttemptScore {
  right: number;
  answered: number;
  total: number;
  /** Right answers over all questions asked (an unanswered question counts as wrong, as on the exam). */
  share: number;
  byDomain: Tally[];
  bySub: Tally[];
  /** Indexes of the questions answered wrong or not at all. */
  missed: number[];
  time: { totalMs: number; medianMs: number; slowestMs: number };
  scaled: number;
  passLine: number;
  /** Estimated pass: an adaptive exam ended by its rule, otherwise the scaled estimate against the pass line. */
  passed: boolean;
}

function tallies(keys: string[], right: boolean[]): Tally[] {
  const by = new Map<string, Tally>();
  keys.forEach((key, i) => {
    const t = by.get(key) ?? { key, right: 0, total: 0 };
    t.total += 1;
    if (right[i]) t.right += 1;
    by.set(key, t);
  });
  return [...by.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
}

export function scoreAttempt(a: Attempt): AttemptScore {
  const right = a.questions.map((q, i) => a.responses[i]!.choice === q.answer);
  const count = right.filter(Boolean).length;
  const times = a.responses.map((r) => r.timeMs).sort((x, y) => x - y);
  const total = a.questions.length;
  const share = total ? count / total : 0;
  const scaled = scaledEstimate(share, a.certification);
  const passLine = EXAM_SCALE[a.certification].passLine;
  let passed = scaled >= passLine;
  if (a.endReason === 'confident-pass') passed = true;
  if (a.endReason === 'confident-fail') passed = false;
  // An adaptive exam whose time ran out before its minimum is not passed.
  if (a.mode === 'adaptive' && a.endReason === 'time' && total < ADAPTIVE.minQuestions) passed = false;
  return {
    right: count,
    answered: a.responses.filter((r) => r.choice !== null).length,
    total,
    share,
    byDomain: tallies(a.questions.map((q) => q.domain), right),
    bySub: tallies(a.questions.map((q) => q.sub), right),
    missed: right.flatMap((r, i) => (r ? [] : [i])),
    time: {
      totalMs: times.reduce((x, y) => x + y, 0),
      medianMs: times.length ? times[Math.floor((times.length - 1) / 2)]! : 0,
      slowestMs: times.at(-1) ?? 0,
    },
    scaled,
    passLine,
    passed,
  };
}
