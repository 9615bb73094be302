/**
 * How much of each outline the knowledge cards teach: cards per sub-domain or topic, and which
 * official bullets have a concept of their own. `npm run decks` prints it and writes it into
 * docs/decks.md, so a gap in the decks is visible in review.
 */
import type { GeneratedCard } from './types';
import { type DeckSources, domainSubtopics } from './sources';

export interface ItemCoverage {
  ref: string;
  outline: string;
  code: string;
  name: string;
  /** Knowledge cards tagged with this sub-domain or topic. */
  cards: number;
  /** How many of them are concept cards (recall, definition or scenario → term). */
  conceptCards: number;
  /** Official bullets under the item (0 when it has none). */
  bullets: number;
  /** Bullets (1-based) that no concept names in its `item`. */
  uncoveredBullets: number[];
}

/** An item needs at least this many concept cards to count as covered. */
export const MIN_CONCEPT_CARDS = 3;

export function coverageOf(s: DeckSources, cards: readonly GeneratedCard[]): ItemCoverage[] {
  const cardCount = new Map<string, { all: number; concept: number }>();
  for (const c of cards) {
    const tag = c.tags.find((t) => t.startsWith('subdomain:'));
    if (!tag) continue;
    const entry = cardCount.get(tag) ?? { all: 0, concept: 0 };
    entry.all += 1;
    if (c.template.startsWith('concept-')) entry.concept += 1;
    cardCount.set(tag, entry);
  }
  const rows: ItemCoverage[] = [];
  for (const o of s.outlines)
    for (const d of [...o.domains].sort((a, b) => a.number - b.number))
      for (const st of domainSubtopics(d)) {
        const ref = `${o.key}:${st.code}`;
        const taught = new Set(s.concepts.filter((c) => c.ref === ref && c.item !== undefined).map((c) => c.item!));
        const bullets = st.items ?? 0;
        const count = cardCount.get(`subdomain:${o.key}/${st.code}`) ?? { all: 0, concept: 0 };
        rows.push({
          ref,
          outline: o.key,
          code: st.code,
          name: st.name,
          cards: count.all,
          conceptCards: count.concept,
          bullets,
          uncoveredBullets: Array.from({ length: bullets }, (_, i) => i + 1).filter((b) => !taught.has(b)),
        });
      }
  return rows;
}

/** The items that fall short: fewer than three concept cards, or a bullet without a concept. */
export function coverageGaps(rows: readonly ItemCoverage[]): ItemCoverage[] {
  return rows.filter((r) => r.conceptCards < MIN_CONCEPT_CARDS || r.uncoveredBullets.length > 0);
}

/** The coverage table in Markdown, with the gaps listed under it. */
export function coverageMarkdown(rows: readonly ItemCoverage[]): string {
  const lines = [
    '| Item | Name | Knowledge cards | Concept cards | Bullets taught |',
    '|---|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.ref} | ${r.name} | ${r.cards} | ${r.conceptCards} | ${
          r.bullets ? `${r.bullets - r.uncoveredBullets.length}/${r.bullets}` : '–'
        } |`,
    ),
  ];
  const gaps = coverageGaps(rows);
  lines.push(
    '',
    gaps.length === 0
      ? `Every sub-domain and topic has at least ${MIN_CONCEPT_CARDS} concept cards, and every official bullet has a concept.`
      : `Items that fall short (fewer than ${MIN_CONCEPT_CARDS} concept cards, or bullets without a concept):\n\n${gaps
          .map(
            (g) =>
              `- ${g.ref} ${g.name}: ${g.conceptCards} concept cards${
                g.uncoveredBullets.length ? `; bullets without a concept: ${g.uncoveredBullets.join(', ')}` : ''
              }`,
          )
          .join('\n')}`,
  );
  return lines.join('\n');
}
