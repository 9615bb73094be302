/** Practice quizzes and mock exams (issue 12): keyboard, resume, time-out, results, history, axe, phone. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { PracticePage } from './pages/practice-page';
import { StudyPage } from './pages/study-page';
import { countRows, getCard, putRow } from './support/idb';

/** Moves keyboard focus onto a control with the Tab key alone. */
async function tabTo(page: Page, target: Locator, maxTabs = 60) {
  for (let i = 0; i < maxTabs; i += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error('Could not reach the control with the Tab key');
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

test('a 10-question CISSP Domain 3 quiz by keyboard alone ends with a score and explanations', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.openSetup();
  await expect(page.getByRole('radio', { name: 'CISSP', exact: true })).toBeChecked();

  // Domain 3, by Tab and Space.
  const domain3 = practice.domainCheckbox(3);
  await tabTo(page, domain3);
  await page.keyboard.press('Space');
  await expect(domain3).toBeChecked();

  // The length: Tab lands on the checked radio; the arrows move the choice (and back to 10).
  const ten = page.getByRole('radio', { name: '10 questions' });
  await tabTo(page, ten);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: '25 questions' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(ten).toBeChecked();
  await expect(ten).toBeFocused();

  // Feedback after each question, likewise.
  const each = page.getByRole('radio', { name: 'After each question' });
  await tabTo(page, each);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'At the end' })).toBeChecked();
  await page.keyboard.press('ArrowLeft');
  await expect(each).toBeChecked();

  await tabTo(page, practice.startQuizButton());
  await page.keyboard.press('Enter');
  await practice.waitForQuestion(1);
  await expect(practice.questionHeading()).toHaveText(/^Question 1 of 10\b/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('quiz');

  const stored = (await practice.stored())!;
  expect(stored.questions).toHaveLength(10);
  expect(new Set(stored.questions.map((q) => q.domain))).toEqual(new Set(['cissp-2024/3']));

  // Right on odd-numbered questions, wrong on even ones: 5 of 10. Number keys, then letters.
  for (let n = 1; n <= 10; n += 1) {
    await practice.waitForQuestion(n);
    const right = n % 2 === 1;
    const answer = stored.questions[n - 1]!.answer;
    const pick = right ? answer : (answer + 1) % 4;
    await expect(practice.primaryButton()).toHaveText('Check answer');
    await practice.chooseWithKey(pick, n <= 5 ? 'number' : 'letter');
    await expect(practice.primaryButton()).toBeFocused();

    await page.keyboard.press('Enter');
    const feedback = page.getByTestId('feedback');
    await expect(feedback).toBeVisible();
    await expect(feedback.locator('li')).toHaveCount(4);
    // Every option has its explanation; the right one and the choice are marked.
    for (const li of await feedback.locator('li').all()) {
      // The option's line, then its explanation (a Markdown block under it).
      const why = (await li.locator(':scope > div').innerText()).trim();
      expect(why.length, 'each option has its explanation').toBeGreaterThan(20);
    }
    await expect(feedback.locator('li').nth(answer)).toContainText('✓ Right answer');
    if (!right) await expect(feedback.locator('li').nth(pick)).toContainText('✗ Your choice, wrong');
    await expect(practice.announcement()).toHaveText(right ? /^Right: / : /^Wrong\. The answer is /);
    await expect(practice.primaryButton()).toHaveText(n < 10 ? 'Next question' : 'Finish and see results');
    await expect(practice.primaryButton()).toBeFocused();
    await page.keyboard.press('Enter');
  }

  const results = practice.results();
  await expect(results).toBeVisible();
  await expect(page.getByTestId('score')).toHaveText(/^5 of 10 right\b/);
  const byDomain = page.getByTestId('by-domain');
  await expect(byDomain.locator('tbody tr')).toHaveCount(1);
  await expect(byDomain.locator('tbody tr')).toContainText('5 / 10');
  await expect(page.getByRole('heading', { name: 'Questions missed (5)' })).toBeVisible();
  const missed = page.getByTestId('missed').locator('details');
  await expect(missed).toHaveCount(5);

  // Open the first missed question with the keyboard: its explanations show.
  const first = missed.first();
  await tabTo(page, first.locator('summary'));
  await page.keyboard.press('Enter');
  await expect(first.getByTestId('feedback')).toBeVisible();
  await expect(first.getByTestId('feedback')).toContainText('✗ Your choice, wrong');
  await expect(first.getByTestId('feedback')).toContainText('✓ Right answer');
  expect((await practice.stored())!.status).toBe('finished');
});

test('a key pressed the moment the first question appears chooses its option', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.openSetup();
  // When the question's heading enters the page, press "2" at once (a microtask after React's
  // commit, before the next paint): a keyboard listener attached only after the paint misses it.
  await page.evaluate(() => {
    new MutationObserver((_, observer) => {
      const heading = document.querySelector('[data-testid="question"] h2');
      if (!heading || !/^Question 1 of /.test(heading.textContent ?? '')) return;
      observer.disconnect();
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '2', bubbles: true }));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByRole('radio', { name: 'CISSP', exact: true }).check();
  await practice.domainCheckbox(3).check();
  await practice.startQuizButton().click();
  await practice.waitForQuestion(1);
  await expect(practice.option(1)).toHaveAttribute('aria-pressed', 'true');
});

test('a CISM mock resumes after a reload on the same question, with its answers, flag and less time', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startMock('CISM mock exam');
  await expect(practice.questionHeading()).toHaveText(/^Question 1 of 150\b/);
  const start = await practice.timeLeftMs();
  expect(start).toBeGreaterThan(4 * 3_600_000 - 60_000);
  expect(start).toBeLessThanOrEqual(4 * 3_600_000);

  const chosen = [2, 0, 3];
  await practice.answerAndNext(chosen[0]!);
  // From here on the storage is slow: the steps below are still waiting to be written at the reload.
  await practice.settled();
  await practice.holdAttemptWrites();
  // Question 2: flagged, then answered.
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: '⚑ Flagged' })).toHaveAttribute('aria-pressed', 'true');
  await expect(practice.announcement()).toHaveText('Question 2 flagged for review.');
  await practice.answerAndNext(chosen[1]!);
  await practice.answerAndNext(chosen[2]!);
  await practice.waitForQuestion(4);
  const id4 = await practice.questionId();
  const before = await practice.timeLeftMs();
  await expect(page.getByRole('button', { name: 'Flag', exact: true })).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  await practice.waitForQuestion(4);
  expect(await practice.questionId()).toBe(id4);
  const after = await practice.timeLeftMs();
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(3 * 3_600_000 + 59 * 60_000);

  // Back through the questions (ArrowLeft and P): the answers are still chosen, the flag kept.
  await page.keyboard.press('ArrowLeft');
  await practice.waitForQuestion(3);
  await expect(practice.option(chosen[2]!)).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('p');
  await practice.waitForQuestion(2);
  await expect(practice.option(chosen[1]!)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: '⚑ Flagged' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Previous' }).click();
  await practice.waitForQuestion(1);
  await expect(practice.option(chosen[0]!)).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Flag', exact: true })).toHaveAttribute('aria-pressed', 'false');
  for (const other of [0, 1, 2, 3].filter((o) => o !== chosen[0])) await expect(practice.option(other)).toHaveAttribute('aria-pressed', 'false');

  await practice.settled();
  const stored = (await practice.stored())!;
  expect(stored.responses.slice(0, 4).map((r) => r.choice)).toEqual([...chosen, null]);
  expect(stored.responses.slice(0, 4).map((r) => r.flagged)).toEqual([false, true, false, false]);
});

test('a CISM mock submitted early shows the domains and the estimate, and appears on the Progress page', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startMock('CISM mock exam');
  for (let n = 1; n <= 4; n += 1) await practice.answerAndNext(await practice.answerOf(n));
  await practice.answerAndNext(await practice.wrongOf(5));
  await practice.submitFromReview();

  await expect(page.getByTestId('score')).toHaveText(/^4 of 150 right\b/);
  await expect(practice.results()).toContainText('145 left unanswered (counted as wrong).');
  await expect(page.getByTestId('by-domain').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('estimate')).toContainText(/Estimated scaled score: \d+ \(estimate\) · pass line 450 on the 200–800 scale · ✗ Estimated fail/);

  await page.getByRole('link', { name: 'Practice history' }).click();
  await expect(page).toHaveURL(/\/stats\/#practice-history$/);
  const history = page.getByTestId('practice-history');
  await expect(history.getByRole('link', { name: 'CISM mock exam' })).toBeVisible();
  await expect(history).toContainText('4/150 (3 %)');
  const cells = page.getByTestId('readiness-cism').getByTestId('practice-right');
  await expect(cells).toHaveCount(4);
  for (const cell of await cells.all()) await expect(cell).toHaveText(/^\d+% of \d+$/);
  // CISSP has no practice: its cells say so.
  await expect(page.getByTestId('readiness-cissp').getByTestId('practice-right').first()).toContainText('no practice yet');
});

test('the adaptive CISSP mock allows no going back', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startMock('CISSP adaptive mock');
  await expect(practice.questionHeading()).toHaveText(/^Question 1 of 100–150\b/);
  await expect(page.getByRole('button', { name: 'Previous' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Review all' })).toHaveCount(0);

  await practice.answerAndNext(1);
  const id2 = await practice.questionId();
  await expect(page.getByRole('button', { name: 'Previous' })).toHaveCount(0);
  for (const key of ['ArrowLeft', 'p', 'P']) {
    await page.keyboard.press(key);
    await practice.waitForQuestion(2);
    expect(await practice.questionId()).toBe(id2);
  }
  // Nor after a reload, and the first answer stays locked.
  await practice.settled();
  await page.reload();
  await practice.waitForQuestion(2);
  await page.keyboard.press('ArrowLeft');
  await practice.waitForQuestion(2);
  const stored = (await practice.stored())!;
  expect(stored.current).toBe(1);
  expect(stored.responses[0]).toMatchObject({ choice: 1, locked: true });
});

test('"Study what I missed" opens the missed cards in study, answered as normal FSRS answers', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startQuiz({ cert: 'CISSP', domains: [3], feedback: 'end' });
  const stored = (await practice.stored())!;
  for (let n = 1; n <= 10; n += 1) {
    await practice.waitForQuestion(n);
    const q = stored.questions[n - 1]!;
    await practice.chooseWithKey(n <= 3 ? (q.answer + 1) % 4 : q.answer);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('score')).toHaveText(/^7 of 10 right\b/);
  const missedCards = new Set(stored.questions.slice(0, 3).flatMap((q) => q.cardIds));
  expect(missedCards.size).toBeGreaterThan(0);
  expect(await countRows(page, 'reviews')).toBe(0);

  await page.getByRole('link', { name: 'Study what I missed' }).click();
  await expect(page).toHaveURL(`/study/?missed=${encodeURIComponent(stored.id)}`);
  const study = new StudyPage(page);
  const cardId = await study.currentCardId();
  expect(missedCards.has(cardId)).toBe(true);
  await study.answerWithKeys('3');
  await expect.poll(() => countRows(page, 'reviews')).toBe(1);
  expect(await getCard(page, cardId)).toMatchObject({ reps: 1 });
});

test('a mock whose time ran out while the page was closed is submitted', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startMock('CISSP linear mock');
  await practice.answerAndNext(await practice.answerOf(1));
  await practice.settled();
  const stored = (await practice.stored())!;
  expect(stored.deadline).toBeGreaterThan(Date.now());
  // The deadline a minute ago: before the attempt's last stored change, as another clock could make it.
  await putRow(page, 'practiceAttempts', { ...stored, deadline: Date.now() - 60_000 } as unknown as Record<string, unknown>);

  await page.reload();
  await expect(practice.results()).toBeVisible();
  await expect(practice.results()).toContainText('The time ran out, and it was submitted as it stood.');
  await expect(page.getByTestId('score')).toHaveText(/^1 of 150 right\b/);
  await expect.poll(async () => (await practice.stored())?.status).toBe('finished');
  expect((await practice.stored())!.endReason).toBe('time');
});

test('a mock open on screen when its time runs out is submitted there and then', async ({ page }) => {
  const practice = new PracticePage(page);
  await practice.startMock('CISM mock exam');
  await practice.answerAndNext(await practice.wrongOf(1));
  await practice.settled();
  const stored = (await practice.stored())!;
  await putRow(page, 'practiceAttempts', { ...stored, deadline: Date.now() + 3_000 } as unknown as Record<string, unknown>);
  await page.reload();
  await practice.waitForQuestion(2);
  expect(await practice.timeLeftMs()).toBeLessThanOrEqual(3_000);
  await expect(practice.results()).toContainText('The time ran out, and it was submitted as it stood.', { timeout: 8_000 });
  await expect(page.getByTestId('score')).toHaveText(/^0 of 150 right\b/);
  await expect.poll(async () => (await practice.stored())?.endReason).toBe('time');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`practice set-up, quiz question and feedback, mock review and results pass axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const practice = new PracticePage(page);
    await practice.openSetup();
    expect(await seriousViolations(page)).toEqual([]);

    await practice.startQuiz({ cert: 'CISSP', domains: [3] });
    expect(await seriousViolations(page)).toEqual([]);
    await practice.chooseWithKey(0);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('feedback')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await practice.startMock('CISM mock exam');
    await practice.answerAndNext(0);
    await page.keyboard.press('f');
    await page.getByRole('button', { name: 'Review all' }).click();
    await expect(page.getByTestId('review')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await expect(page.getByRole('button', { name: 'Yes, submit' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await expect(practice.results()).toBeVisible();
    await page.getByTestId('missed').locator('summary').first().click();
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test.describe('on a phone', () => {
  const VIEWPORT = { width: 390, height: 844 };
  test.use({ viewport: VIEWPORT, hasTouch: true });

  test('the quiz primary button is in the lower third of the screen', async ({ page }) => {
    const practice = new PracticePage(page);
    await practice.startQuiz({ cert: 'CISSP', domains: [3] });
    const check = page.getByRole('button', { name: 'Check answer' });
    await expect(check).toBeDisabled();
    await practice.option(0).tap();
    await expect(check).toBeEnabled();
    const b = (await check.boundingBox())!;
    expect(b.y).toBeGreaterThanOrEqual((VIEWPORT.height * 2) / 3);
    expect(b.y + b.height).toBeLessThanOrEqual(VIEWPORT.height);
    // The options stay reachable above the bar, and the next state keeps the button in place.
    await check.tap();
    const next = page.getByRole('button', { name: 'Next question' });
    await expect(next).toBeVisible();
    expect(Math.abs((await next.boundingBox())!.y - b.y)).toBeLessThanOrEqual(2);
  });
});
