import { expect, type Locator, type Page } from '@playwright/test';
import { getRow } from '../support/idb';

/** What the e2e tests read of a stored practice attempt (lib/practice/attempt.ts). */
export interface StoredAttempt {
  id: string;
  mode: 'quiz' | 'mock' | 'adaptive';
  status: 'active' | 'finished';
  deadline: number | null;
  current: number;
  updatedAt: number;
  endReason: string | null;
  questions: { id: string; answer: number; domain: string; cardIds: string[] }[];
  responses: { choice: number | null; locked: boolean; flagged: boolean }[];
}

export type MockShape = 'CISM mock exam' | 'CISSP linear mock' | 'CISSP adaptive mock';

/** The practice set-up (/practice/) and an attempt (/practice/attempt/?id=…). */
export class PracticePage {
  constructor(readonly page: Page) {}

  async openSetup() {
    await this.page.goto('/practice/');
    await expect(this.page.getByRole('heading', { name: 'Practise for the exam' })).toBeVisible();
    await expect(this.startQuizButton()).toBeEnabled();
  }

  startQuizButton(): Locator {
    return this.page.getByRole('button', { name: 'Start the quiz' });
  }

  /** Starts one of the three mock exams from the set-up page; waits for its first question. */
  async startMock(shape: MockShape) {
    await this.openSetup();
    await this.page.getByRole('button', { name: `Start the ${shape}` }).click();
    await this.waitForQuestion(1);
  }

  /** Starts a quiz with the mouse: the certification, the domains ticked (by number), and when feedback is shown. */
  async startQuiz(opts: { cert: 'CISSP' | 'CISM'; domains: number[]; feedback?: 'each' | 'end' }) {
    await this.openSetup();
    await this.page.getByRole('radio', { name: opts.cert, exact: true }).check();
    for (const n of opts.domains) await this.domainCheckbox(n).check();
    await this.page.getByRole('radio', { name: opts.feedback === 'end' ? 'At the end' : 'After each question' }).check();
    await this.startQuizButton().click();
    await this.waitForQuestion(1);
  }

  domainCheckbox(n: number): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^Domain ${n}:`) });
  }

  question(): Locator {
    return this.page.getByTestId('question');
  }

  questionHeading(): Locator {
    return this.question().getByRole('heading', { level: 2 });
  }

  option(i: number): Locator {
    return this.page.getByTestId(`option-${i}`);
  }

  primaryButton(): Locator {
    return this.page.getByTestId('action-bar').locator('.btn-primary');
  }

  announcement(): Locator {
    return this.page.getByTestId('announcement');
  }

  results(): Locator {
    return this.page.getByTestId('results');
  }

  async waitForQuestion(n: number) {
    await expect(this.questionHeading()).toHaveText(new RegExp(`^Question ${n} of `));
  }

  async questionId(): Promise<string> {
    return (await this.question().getAttribute('data-question-id'))!;
  }

  async questionNumber(): Promise<number> {
    const m = /^Question (\d+) of/.exec((await this.questionHeading().textContent()) ?? '');
    if (!m) throw new Error('No question number on screen');
    return Number(m[1]);
  }

  /** The attempt's id, from the address (/practice/attempt/?id=…). */
  attemptId(): string {
    const id = new URL(this.page.url()).searchParams.get('id');
    if (!id) throw new Error(`Not on an attempt: ${this.page.url()}`);
    return id;
  }

  stored(): Promise<StoredAttempt | undefined> {
    return getRow<StoredAttempt>(this.page, 'practiceAttempts', this.attemptId());
  }

  /** The right option (0–3) of question `n` (1-based), read from the stored attempt. */
  async answerOf(n: number): Promise<number> {
    await expect.poll(async () => (await this.stored())?.questions.length ?? 0).toBeGreaterThanOrEqual(n);
    return (await this.stored())!.questions[n - 1]!.answer;
  }

  /** A wrong option of question `n`. */
  async wrongOf(n: number): Promise<number> {
    return ((await this.answerOf(n)) + 1) % 4;
  }

  /** Chooses an option with its number key (or letter), and checks it is the one pressed. */
  async chooseWithKey(option: number, by: 'number' | 'letter' = 'number') {
    await this.page.keyboard.press(by === 'number' ? String(option + 1) : 'ABCD'[option]!.toLowerCase());
    await expect(this.option(option)).toHaveAttribute('aria-pressed', 'true');
  }

  /** In a mock: chooses an option by key and confirms with Enter; waits for the next question. */
  async answerAndNext(option: number) {
    const n = await this.questionNumber();
    await this.chooseWithKey(option);
    await expect(this.primaryButton()).toBeFocused();
    await this.page.keyboard.press('Enter');
    await this.waitForQuestion(n + 1);
  }

  async timeLeftMs(): Promise<number> {
    return Number(await this.page.getByTestId('time-left').getAttribute('data-ms'));
  }

  /** Resolves once every step of the attempt on screen is stored (no write-ahead note left). */
  async settled() {
    await expect
      .poll(() => this.page.evaluate(() => JSON.parse(localStorage.getItem('cism-cissp-study:pending-practice') ?? '[]').length))
      .toBe(0);
  }

  /**
   * Keeps the practice store busy from now until the page unloads: another connection holds a
   * read-write transaction on it open (one request after another), so every write of the app
   * waits, as on a slow disk. What a reload then keeps is what the write-ahead notes hold.
   */
  async holdAttemptWrites() {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('cism-cissp-study');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const store = open.result.transaction('practiceAttempts', 'readwrite').objectStore('practiceAttempts');
            const spin = () => {
              store.count().onsuccess = spin;
            };
            spin();
            resolve();
          };
        }),
    );
  }

  /** A mock: Review all → Submit the exam → Yes, submit; waits for the results. */
  async submitFromReview() {
    await this.page.getByRole('button', { name: 'Review all' }).click();
    const review = this.page.getByTestId('review');
    await expect(review).toBeVisible();
    await review.getByRole('button', { name: 'Submit the exam' }).click();
    await review.getByRole('button', { name: 'Yes, submit' }).click();
    await expect(this.results()).toBeVisible();
  }
}
