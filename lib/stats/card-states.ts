/** How many cards of a deck are new, learning, in review, relearning or suspended. */
import { CardState, type StudyCard } from '../model';

export type StateName = 'new' | 'learning' | 'review' | 'relearning' | 'suspended';
export const STATE_NAMES: readonly StateName[] = ['new', 'learning', 'review', 'relearning', 'suspended'];
export const STATE_LABELS: Record<StateName, string> = {
  new: 'New', learning: 'Learning', review: 'Review', relearning: 'Relearning', suspended: 'Suspended',
};

export type StateCounts = Record<StateName, number>;

export const emptyStateCounts = (): StateCounts => ({ new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 });

/** A suspended card counts as suspended whatever its state; a retired card is not counted. */
export function stateNameOf(card: Pick<StudyCard, 'state' | 'suspended' | 'retired'>): StateName | null {
  if (card.retired) return null;
  if (card.suspended) return 'suspended';
  switch (card.state) {
    case CardState.New: return 'new';
    case CardState.Learning: return 'learning';
    case CardState.Review: return 'review';
    default: return 'relearning';
  }
}

/** Adds the cards to `into` (a copy is returned). */
export function tallyStates(cards: Iterable<Pick<StudyCard, 'state' | 'suspended' | 'retired'>>, into: StateCounts = emptyStateCounts()): StateCounts {
  const counts = { ...into };
  for (const c of cards) {
    const name = stateNameOf(c);
    if (name) counts[name] += 1;
  }
  return counts;
}

export const totalOf = (c: StateCounts) => STATE_NAMES.reduce((s, n) => s + c[n], 0);
