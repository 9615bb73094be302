/**
 * A card's content (what an edit changes) and its history: an edit stores the text it replaces
 * as a CardRevision, so the earlier wording is never lost, whether the edit is made here or
 * arrives with a backup (or, later, a sync) whose text is newer.
 */
import type { CardRevision, StudyCard } from './model';

export type CardContent = Pick<StudyCard, 'deckId' | 'front' | 'back' | 'choices' | 'answerIndex' | 'tags'>;

export function contentOf(c: CardContent): CardContent {
  const out: CardContent = { deckId: c.deckId, front: c.front, back: c.back, tags: c.tags };
  if (c.choices !== undefined) out.choices = c.choices;
  if (c.answerIndex !== undefined) out.answerIndex = c.answerIndex;
  return out;
}

/** The card's current text as a history entry, replaced at `replacedAt`. */
export function revisionOf(card: StudyCard, replacedAt: number): CardRevision {
  const rev = card.contentRev ?? 0;
  return { id: `${card.id}:${rev}`, cardId: card.id, contentRev: rev, replacedAt, ...contentOf(card) };
}

/** The card with new content: the next revision, dated `at`. */
export function withContent(card: StudyCard, content: CardContent, at: number): StudyCard {
  // Choices and the right option go with the text: an edit that drops them leaves none behind.
  const next: StudyCard = { ...card, ...contentOf(content), contentRev: (card.contentRev ?? 0) + 1, contentAt: at };
  if (content.choices === undefined) delete next.choices;
  if (content.answerIndex === undefined) delete next.answerIndex;
  return next;
}
