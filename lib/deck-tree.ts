/**
 * Decks in a tree, as Anki keeps them: an imported "CISSP::Domain 1" sits under "CISSP", and
 * studying "CISSP" takes the cards of its subdecks too. The tree comes from the path an import
 * stored (Deck.path); decks without one (built-in decks, the learner's own) stand alone.
 */
import type { Deck } from './model';

/** Between the levels of an imported deck's name: "CISSP › Domain 1". */
export const DECK_PATH_SEPARATOR = ' › ';

const isUnder = (child: readonly string[], parent: readonly string[]) =>
  child.length > parent.length && parent.every((part, i) => child[i] === part);

/** The deck and every deck under it, the deck first. */
export function deckFamily(decks: readonly Deck[], deckId: string): string[] {
  const deck = decks.find((d) => d.id === deckId);
  if (!deck?.path?.length) return [deckId];
  return [deckId, ...decks.filter((d) => d.id !== deckId && d.path && isUnder(d.path, deck.path!)).map((d) => d.id)];
}

export interface DeckNode<T> {
  item: T;
  /** What to show: the name without its parent's name in front ("Domain 1" under "CISSP"). */
  label: string;
  children: DeckNode<T>[];
}

/**
 * The items (one per deck) as a tree: each deck under its nearest ancestor present, children in
 * path order, top-level decks in the order given.
 */
export function deckTree<T extends { deck: Deck }>(items: readonly T[]): DeckNode<T>[] {
  const nodes = items.map((item) => ({ item, label: item.deck.name, children: [] as DeckNode<T>[] }));
  const roots: DeckNode<T>[] = [];
  for (const node of nodes) {
    const path = node.item.deck.path;
    let parent: DeckNode<T> | undefined;
    if (path?.length) {
      for (const other of nodes) {
        const p = other.item.deck.path;
        if (other !== node && p && isUnder(path, p) && (!parent || p.length > parent.item.deck.path!.length)) parent = other;
      }
    }
    if (!parent) {
      roots.push(node);
      continue;
    }
    parent.children.push(node);
    const prefix = `${parent.item.deck.name}${DECK_PATH_SEPARATOR}`;
    if (node.label.startsWith(prefix) && node.label.length > prefix.length) node.label = node.label.slice(prefix.length);
  }
  const byPath = (a: DeckNode<T>, b: DeckNode<T>) => a.item.deck.path!.join('\u0000').localeCompare(b.item.deck.path!.join('\u0000'));
  for (const node of nodes) node.children.sort(byPath);
  return roots;
}
