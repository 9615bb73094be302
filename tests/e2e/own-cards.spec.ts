import { expect, test } from '@playwright/test';
import { BrowsePage } from './pages/browse-page';
import { StudyPage } from './pages/study-page';
import { getCard, getRow } from './support/idb';

test('a deck and a card of my own: created, studied, edited mid-session with the earlier text kept', async ({ page }) => {
  const browse = new BrowsePage(page);
  await browse.open();
  await browse.createDeck('My CISSP notes');
  await browse.addCard('What does **ALE** stand for?', 'Annualised loss expectancy: SLE × ARO', 'risk formula');
  await browse.search('deck:"my cissp" ALE');
  await expect(browse.rows()).toHaveCount(1);
  const cardId = (await browse.rows().first().getAttribute('data-card-id'))!;

  // Study the deck: the home page lists it; its one new card comes up.
  await page.goto('/');
  const deckId = (await getCard<{ deckId: string }>(page, cardId))!.deckId;
  await page.goto(`/study/?deck=${encodeURIComponent(deckId)}`);
  const study = new StudyPage(page);
  await expect(study.card()).toContainText('What does ALE stand for?');
  // E edits it in the middle of the session; saving brings the new text back on screen.
  await page.keyboard.press('e');
  const editor = page.getByTestId('card-editor');
  await expect(editor.getByLabel('Front')).toHaveValue('What does **ALE** stand for?');
  await editor.getByLabel('Front').fill('What is **ALE**, and how is it computed?');
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(study.card()).toContainText('What is ALE, and how is it computed?');
  await study.answerWithKeys('3');
  await expect.poll(async () => (await getCard<{ reps: number; contentRev: number }>(page, cardId))?.reps).toBe(1);
  expect(await getCard(page, cardId)).toMatchObject({ contentRev: 1, front: 'What is **ALE**, and how is it computed?' });
  expect(await getRow(page, 'cardRevisions', `${cardId}:0`)).toMatchObject({ front: 'What does **ALE** stand for?' });

  // Card info shows the answer and the earlier text.
  await browse.open('is:mine ALE');
  await browse.rows().first().getByRole('button').click();
  const info = page.getByTestId('card-info');
  await expect(info).toContainText('Every answer (1)');
  await expect(info).toContainText('Good');
  await info.getByText('Earlier texts (1)').click();
  await expect(info).toContainText('What does ALE stand for?');
});

test('suspend and flag from the browser; a suspended card leaves study, a flag shows by name', async ({ page }) => {
  const browse = new BrowsePage(page);
  await browse.open();
  await browse.search('"due care"');
  const count = await browse.found();
  expect(count).toBeGreaterThan(0);
  await browse.selectAll();
  await page.getByRole('button', { name: 'Suspend', exact: true }).click();
  await expect(browse.message()).toHaveText(`Suspended: ${count} ${count === 1 ? 'card' : 'cards'} changed.`);
  await browse.search('"due care" is:suspended');
  await expect.poll(() => browse.found()).toBe(count); // the list re-reads the cards after the write
  const first = (await browse.rows().first().getAttribute('data-card-id'))!;
  expect(await getCard(page, first)).toMatchObject({ suspended: true, queue: 'off' });

  await page.getByLabel('Flag the selected cards').selectOption({ label: 'Blue' });
  await expect(browse.message()).toHaveText(`Flagged Blue: ${count} ${count === 1 ? 'card' : 'cards'} changed.`);
  await expect(browse.rows().first()).toContainText('Blue');
  await browse.search('flag:blue');
  await expect.poll(() => browse.found()).toBe(count); // the list re-reads the cards after the write
  // A built-in card cannot be deleted: the button stays off.
  await browse.selectAll();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
});

test('keys in study: B buries the card on screen until tomorrow, S suspends the next one, Shift+3 flags green', async ({ page }) => {
  await page.goto('/study/');
  const study = new StudyPage(page);
  const first = await study.currentCardId();
  await page.keyboard.press('b');
  await expect(page.getByTestId('leech-notice')).toHaveText(/Card buried until tomorrow/);
  await expect.poll(async () => (await getCard<{ buriedUntil: number | null }>(page, first))?.buriedUntil ?? null).not.toBeNull();
  const second = await study.currentCardId();
  expect(second).not.toBe(first);
  await page.keyboard.press('Shift+Digit3');
  await expect.poll(async () => (await getCard<{ flag: number }>(page, second))?.flag).toBe(3);
  await expect(study.card()).toHaveAttribute('data-card-id', second);
  await page.keyboard.press('s');
  await expect.poll(async () => (await getCard<{ suspended: boolean }>(page, second))?.suspended).toBe(true);
  await expect(study.card()).not.toHaveAttribute('data-card-id', second);
});
