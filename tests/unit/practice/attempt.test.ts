import { describe, expect, it } from 'vitest';
import { canGoTo, choose, confirm, finish, goTo, isTimeUp, progressOf, remainingMs, resumed, startAttempt, toggleFlag, type Attempt } from '@/lib/practice/attempt';
import { MOCK_SHAPES, planMock, planQuiz } from '@/lib/practice/plan';
import { conceptHistory } from '@/lib/practice/history';
import { realBank } from './real-bank';

const { bank, domains } = realBank();
const T0 = Date.UTC(2026, 11, 1, 9);

function mock(shape: keyof typeof MOCK_SHAPES = 'cism'): Attempt {
  return startAttempt(planMock(bank, shape, domains, { id: `m-${shape}`, seed: 'seed' }), T0);
}
const answerAll = (a: Attempt, pick: (i: number) => number, step = 1000): Attempt => {
  let x = a;
  for (let i = 0; i < a.questions.length && x.status === 'active'; i += 1) {
    x = choose(x, pick(i), T0 + i * step);
    x = confirm(x, T0 + i * step + step / 2);
  }
  return x;
};

describe('an attempt', () => {
  it('keeps the answer chosen, counts time per question, and moves freely in a mock', () => {
    let a = mock();
    a = choose(a, 2, T0 + 5000);
    a = goTo(a, 5, T0 + 8000);
    expect(a.current).toBe(5);
    expect(a.responses[0]).toMatchObject({ choice: 2, timeMs: 8000, locked: false });
    a = goTo(a, 0, T0 + 10_000);
    a = choose(a, 1, T0 + 11_000);
    expect(a.responses[0]!.choice).toBe(1);
    expect(a.responses[5]!.timeMs).toBe(2000);
  });

  it('flags and lists unanswered and flagged questions for the review screen', () => {
    let a = toggleFlag(mock(), T0);
    a = choose(a, 0, T0);
    a = goTo(a, 3, T0);
    a = toggleFlag(a, T0);
    expect(progressOf(a)).toEqual({ answered: 1, unanswered: Array.from({ length: 149 }, (_, i) => i + 1), flagged: [0, 3] });
  });

  it('runs its clock on the wall clock, so a reload does not give time back', () => {
    const a = mock();
    expect(remainingMs(a, T0)).toBe(240 * 60_000);
    const later = resumed(a, T0 + 60 * 60_000);
    expect(remainingMs(later, T0 + 60 * 60_000)).toBe(180 * 60_000);
    expect(later.responses[0]!.timeMs).toBe(0); // time away is not time on the question
    expect(isTimeUp(a, T0 + 240 * 60_000)).toBe(true);
  });

  it('a time-out dated at the deadline is still the newest copy, so storage keeps it over the last step', () => {
    const a = mock();
    // A step taken just after the deadline, before the clock's check ran.
    const late = choose(a, 1, a.deadline! + 15);
    const done = finish(late, a.deadline!, 'time');
    expect(done).toMatchObject({ status: 'finished', finishedAt: a.deadline, endReason: 'time' });
    expect(done.updatedAt).toBeGreaterThanOrEqual(late.updatedAt);
  });

  it('locks a quiz answer with feedback after each question, then moves on', () => {
    const plan = planQuiz(bank, { certification: 'cissp', scope: ['cissp-2024/3'], length: 10, source: 'all', feedback: 'each', title: 'q' }, { history: new Map(), cards: new Map() }, { id: 'q', seed: 'q' });
    let a = startAttempt(plan, T0);
    expect(a.questions).toHaveLength(10);
    expect(a.questions.every((q) => q.domain === 'cissp-2024/3')).toBe(true);
    expect(confirm(a, T0)).toBe(a); // nothing chosen yet
    a = confirm(choose(a, 1, T0), T0 + 1);
    expect(a.responses[0]!.locked).toBe(true);
    expect(a.current).toBe(0);
    expect(choose(a, 2, T0 + 2).responses[0]!.choice).toBe(1);
    a = confirm(a, T0 + 3);
    expect(a.current).toBe(1);
  });

  it('never goes back in the adaptive mock, and ends between 100 and 150 questions', () => {
    let a = mock('cissp-adaptive');
    a = confirm(choose(a, 0, T0), T0 + 1);
    expect(a.current).toBe(1);
    expect(canGoTo(a, 0)).toBe(false);
    expect(goTo(a, 0, T0 + 2).current).toBe(1);
    // Always right: clearly above the line once the minimum is reached.
    const strong = answerAll(mock('cissp-adaptive'), (i) => mock('cissp-adaptive').questions[i]!.answer);
    expect(strong.status).toBe('finished');
    expect(strong.endReason).toBe('confident-pass');
    expect(strong.questions).toHaveLength(100);
    // Right 70 % of the time: never clear, so it runs to the maximum.
    const base = mock('cissp-adaptive');
    const middling = answerAll(base, (i) => (i % 10 < 7 ? base.questions[i]!.answer : (base.questions[i]!.answer + 1) % 4));
    expect(middling.questions).toHaveLength(150);
    expect(middling.endReason).toBe('last-question');
  });

  it('is finished once, keeping its answers, and is then read-only', () => {
    const base = mock();
    const done = finish(answerAll(base, (i) => base.questions[i]!.answer), T0 + 10_000_000, 'submitted');
    expect(done).toMatchObject({ status: 'finished', endReason: 'submitted', finishedAt: T0 + 10_000_000 });
    expect(finish(done, T0 + 20_000_000, 'time')).toBe(done);
    expect(choose(done, 0, T0)).toBe(done);
    expect(conceptHistory([done]).get(done.questions[0]!.conceptKey)).toMatchObject({ lastRight: true, total: 1 });
  });

  it('resumes from a stored copy with the same questions, answers and clock', () => {
    let a = mock();
    a = choose(a, 3, T0 + 1000);
    a = goTo(a, 7, T0 + 2000);
    const stored = JSON.parse(JSON.stringify(a)) as Attempt;
    const back = resumed(stored, T0 + 30 * 60_000);
    expect(back.questions).toEqual(a.questions);
    expect(back.current).toBe(7);
    expect(back.responses[0]!.choice).toBe(3);
    expect(remainingMs(back, T0 + 30 * 60_000)).toBe(210 * 60_000);
  });

  it('moves updatedAt forward on every change, even twice in one millisecond or with the clock set back', () => {
    const a = mock();
    const b = choose(a, 1, T0);
    const c = toggleFlag(b, T0);
    const d = choose(c, 2, T0 - 60_000);
    expect(b.updatedAt).toBeGreaterThan(a.updatedAt);
    expect(c.updatedAt).toBeGreaterThan(b.updatedAt);
    expect(d.updatedAt).toBeGreaterThan(c.updatedAt);
  });
});
