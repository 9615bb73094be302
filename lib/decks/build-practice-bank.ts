/** Build time: the practice bank (lib/practice/bank.ts) from the deck sources and the generated cards. */
import type { PracticeBank, PracticeConcept } from '../practice/bank';
import { fnv1a64 } from './ids';
import { outlineItems, type DeckSources } from './sources';
import { candidateOf, itemLabel } from './templates/knowledge';
import type { GeneratedCard } from './types';

export function practiceBankOf(s: DeckSources, cards: readonly GeneratedCard[]): PracticeBank {
  const items = outlineItems(s);
  const cardsByFact = new Map<string, string[]>();
  for (const c of cards) cardsByFact.set(c.factKey, [...(cardsByFact.get(c.factKey) ?? []), c.id]);
  const concepts: PracticeConcept[] = [];
  for (const c of s.concepts) {
    const item = items.get(c.ref);
    if (!item) continue;
    const { key, term, group, contrastsWith, overlapsWith, sub, domain } = candidateOf(c, items);
    concepts.push({
      key,
      term,
      ...(group !== undefined ? { group } : {}),
      ...(contrastsWith ? { contrastsWith } : {}),
      ...(overlapsWith ? { overlapsWith } : {}),
      sub,
      domain,
      certification: item.outline.certification,
      definition: c.definition.trim(),
      ...(c.tell ? { tell: c.tell.trim() } : {}),
      ...(c.example ? { example: c.example.trim() } : {}),
      ...(c.scenario ? { scenario: c.scenario.trim() } : {}),
      ...(c.source ? { source: c.source } : {}),
      label: itemLabel(item),
      cardIds: cardsByFact.get(`concept/${c.key}`) ?? [],
    });
  }
  return { formatVersion: 1, version: fnv1a64(JSON.stringify(concepts)), concepts };
}
