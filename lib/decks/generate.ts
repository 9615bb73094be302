/**
 * Deck sources → GeneratedDecks. Pure and deterministic: the same sources always give the
 * same output, byte for byte once serialized.
 */
import type { GeneratedCard, GeneratedDeck, GeneratedDecks, GeneratedDomain } from './types';
import { cardId } from './ids';
import { type DeckSources, type SourceText, DeckSourceError, checkSources, parseSources } from './sources';
import { type CardDraft, KNOWLEDGE_TEMPLATES, TEMPLATE_NAMES } from './templates/common';
import { outlineDomainCards, weightCards } from './templates/domains';
import { knowledgeCards } from './templates/knowledge';
import { giveawayWords } from './giveaways';
import { subtopicCards } from './templates/subtopics';
import { certificationCards, topicCompareCards } from './templates/exam';
import { contrastCards } from './templates/contrasts';

/** All card drafts, in the order decks should introduce them. */
export function draftCards(s: DeckSources): CardDraft[] {
  return [
    ...knowledgeCards(s),
    ...s.outlines.flatMap((o) => outlineDomainCards(s, o)),
    ...s.certifications.flatMap(certificationCards),
    ...s.outlines.flatMap(weightCards),
    ...topicCompareCards(s),
    ...s.outlines.flatMap(subtopicCards),
    ...contrastCards(s),
  ];
}

function questionKey(card: { front: string; choices?: string[] }): string {
  return [card.front, ...(card.choices ?? [])].join('\u001f');
}

/** Validates the sources (again, in case they were built in code) and generates every deck. */
export function generateDecks(s: DeckSources): GeneratedDecks {
  checkSources(s);
  const problems: string[] = [];
  const known = new Set<string>(TEMPLATE_NAMES);
  for (const d of s.decks)
    for (const t of d.templates)
      if (!known.has(t))
        problems.push(`${d.file}: deck "${d.key}": unknown template "${t}" (known: ${TEMPLATE_NAMES.join(', ')})`);
  if (problems.length > 0) throw new DeckSourceError(problems);

  const drafts = draftCards(s);
  const askedOf = new Map<string, string>();
  const perDeck = new Map<string, GeneratedCard[]>(s.decks.map((d) => [d.key, []]));
  /** Cards without exactly one deck, per template: certifications involved and the decks hit. */
  const misplaced = new Map<string, { certs: Set<string>; decks: Set<string>; none: boolean }>();
  for (const draft of drafts) {
    const targets = s.decks.filter(
      (d) =>
        d.templates.includes(draft.template) &&
        (d.certification === undefined || d.certification === draft.certification) &&
        (d.domain === undefined || d.domain === draft.domain),
    );
    if (targets.length !== 1) {
      const m = misplaced.get(draft.template) ?? { certs: new Set<string>(), decks: new Set<string>(), none: false };
      m.certs.add(draft.certification ? draft.certification.toUpperCase() : 'both certifications');
      for (const t of targets) m.decks.add(`deck "${t.key}"`);
      if (targets.length === 0) m.none = true;
      misplaced.set(draft.template, m);
      continue;
    }
    const deck = targets[0]!;
    const list = perDeck.get(deck.key)!;
    // A knowledge card's wrong options are drawn from its neighbours, so adding a fact may change
    // them; what the card asks is its front, so only the front goes into its id.
    const id = cardId(draft.template, draft.factKey, draft.front, KNOWLEDGE_TEMPLATES.includes(draft.template) ? undefined : draft.choices);
    if (draft.asked !== undefined) askedOf.set(id, draft.asked);
    list.push({
      id,
      deckId: deck.key,
      template: draft.template,
      factKey: draft.factKey,
      front: draft.front,
      back: draft.back,
      ...(draft.choices ? { choices: [...draft.choices], answerIndex: draft.answerIndex } : {}),
      tags: [...new Set([...draft.tags, `template:${draft.template}`])],
      order: list.length,
    });
  }

  const decksFile = [...new Set(s.decks.map((d) => d.file))].join(' and ');
  for (const [template, m] of misplaced) {
    const about = [...m.certs].sort().join(', ');
    problems.push(
      m.none
        ? `${decksFile}: no deck takes the "${template}" cards about ${about} (add "${template}" to the templates of a deck for them)`
        : `${decksFile}: the "${template}" cards about ${about} would go into ${[...m.decks].join(' and ')}; each card belongs to exactly one deck`,
    );
  }

  const ids = new Map<string, GeneratedCard>();
  // One question, one card, across every deck: "Study all" must never ask the same thing twice.
  const questions = new Map<string, GeneratedCard>();
  for (const d of s.decks) {
    const cards = perDeck.get(d.key)!;
    if (cards.length === 0) problems.push(`${d.file}: deck "${d.key}": no card lands in this deck`);
    for (const c of cards) {
      const q = questionKey(c);
      const first = questions.get(q);
      if (first)
        problems.push(
          `${d.file}: deck "${d.key}": two cards ask the same question "${c.front}" (facts "${first.factKey}" and "${c.factKey}"${
            first.deckId === c.deckId ? '' : `, in deck "${first.deckId}"`
          })`,
        );
      else questions.set(q, c);
      const other = ids.get(c.id);
      if (other) problems.push(`${d.file}: deck "${d.key}": card id ${c.id} of "${c.factKey}" collides with "${other.factKey}"`);
      else ids.set(c.id, c);
      if (c.choices && (c.answerIndex === undefined || c.answerIndex < 0 || c.answerIndex >= c.choices.length))
        problems.push(`${d.file}: deck "${d.key}": card for "${c.factKey}" has no valid answer among its choices`);
      else if (c.choices) {
        const words = giveawayWords(askedOf.get(c.id) ?? c.front, c.choices, c.answerIndex!);
        if (words.length > 0)
          problems.push(
            `${factFile(s, c.factKey) ?? d.file}: ${c.factKey} (${c.template}): the question shares ${words
              .map((w) => `"${w}"`)
              .join(', ')} with the right option "${c.choices[c.answerIndex!]}" and with no wrong option; reword it so the word does not give the answer away`,
          );
        for (const [i, choice] of c.choices.entries())
          if (c.choices.findIndex((x) => x.trim().toLowerCase() === choice.trim().toLowerCase()) !== i)
            problems.push(`${factFile(s, c.factKey) ?? d.file}: ${c.factKey} (${c.template}): the option "${choice}" is offered twice`);
      }
    }
  }
  if (problems.length > 0) throw new DeckSourceError(problems);

  const decks: GeneratedDeck[] = s.decks.map((d) => ({
    id: d.key,
    name: d.name,
    description: d.description,
    ...(d.certification ? { certification: d.certification } : {}),
  }));
  const domains: GeneratedDomain[] = s.outlines.flatMap((o) =>
    [...o.domains]
      .sort((a, b) => a.number - b.number)
      .map((d) => ({
        key: `${o.key}/${d.number}`,
        certification: o.certification,
        outline: o.key,
        number: d.number,
        name: d.name,
        ...(d.weight !== undefined ? { weight: d.weight } : {}),
      })),
  );
  return {
    formatVersion: 1,
    decks,
    cards: s.decks.flatMap((d) => perDeck.get(d.key)!),
    domains,
  };
}

/** The source file of a card's fact, for messages ("concept/x" → the file that defines concept x). */
function factFile(s: DeckSources, factKey: string): string | undefined {
  const [kind, key] = factKey.split('/');
  const lists: Record<string, readonly { key: string; file: string }[]> = {
    concept: s.concepts,
    sequence: s.sequences,
    confusable: s.confusables,
    formula: s.formulas,
    contrast: s.contrasts,
  };
  return lists[kind ?? '']?.find((f) => f.key === key)?.file;
}

/** YAML texts → GeneratedDecks, or a DeckSourceError naming the file and the item. */
export function buildDecks(files: readonly SourceText[]): GeneratedDecks {
  return generateDecks(parseSources(files));
}

/** As buildDecks, keeping the parsed sources (for the coverage report and the manifest). */
export function buildDecksWithSources(files: readonly SourceText[]): { generated: GeneratedDecks; sources: DeckSources } {
  const sources = parseSources(files);
  return { generated: generateDecks(sources), sources };
}

/** Counts for the build summary. */
export function summarize(out: GeneratedDecks): { decks: [string, number][]; templates: [string, number][]; total: number } {
  const count = (key: (c: GeneratedCard) => string) => {
    const m = new Map<string, number>();
    for (const c of out.cards) m.set(key(c), (m.get(key(c)) ?? 0) + 1);
    return m;
  };
  const byDeck = count((c) => c.deckId);
  const byTemplate = count((c) => c.template);
  return {
    decks: out.decks.map((d) => [`${d.id} (${d.name})`, byDeck.get(d.id) ?? 0]),
    templates: TEMPLATE_NAMES.filter((t) => byTemplate.has(t)).map((t) => [t, byTemplate.get(t)!]),
    total: out.cards.length,
  };
}

export { DeckSourceError, parseSources, checkSources };
export type { DeckSources, SourceText };
