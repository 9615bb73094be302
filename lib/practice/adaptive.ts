/**
 * The stopping rule of the adaptive mock, in the shape of the CISSP computerised adaptive test:
 * between 100 and 150 questions, ending once the result is clearly above or below the pass line.
 *
 * The real test calibrates each item's difficulty and estimates ability from them; this app's
 * questions are not calibrated, so the estimate here is the share answered right, and "clearly"
 * means its 95 % Wilson interval lies wholly above or below the share taken as the pass line.
 * That is an approximation, and the results screen says so.
 */

export const ADAPTIVE = {
  minQuestions: 100,
  maxQuestions: 150,
  /** The share of right answers taken as the pass line (700 of 1000). An assumption: ISC2 does not publish one. */
  passShare: 0.7,
  /** z for a two-sided 95 % interval. */
  z: 1.96,
} as const;

/** The 95 % Wilson score interval of a share of `right` out of `n`. */
export function wilsonInterval(right: number, n: number, z: number = ADAPTIVE.z): { low: number; high: number } {
  if (n === 0) return { low: 0, high: 1 };
  const p = right / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export type AdaptiveDecision = 'continue' | 'pass' | 'fail';

/**
 * After each answer: go on, or end with a pass or a fail. Before the minimum it always goes on;
 * at the maximum the share decides.
 */
export function adaptiveDecision(results: readonly boolean[], rule: Pick<typeof ADAPTIVE, 'minQuestions' | 'maxQuestions' | 'passShare'> = ADAPTIVE): AdaptiveDecision {
  const n = results.length;
  if (n < rule.minQuestions) return 'continue';
  const right = results.filter(Boolean).length;
  const { low, high } = wilsonInterval(right, n);
  if (low > rule.passShare) return 'pass';
  if (high < rule.passShare) return 'fail';
  if (n >= rule.maxQuestions) return right / n >= rule.passShare ? 'pass' : 'fail';
  return 'continue';
}
