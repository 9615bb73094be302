/**
 * Templates that teach the content of the outlines, from the knowledge facts in
 * `decks/facts/*.yaml`: concepts (recall, definition → term, scenario → term), ordered
 * processes (first step, next step, the whole order), easily confused sets, and formulas.
 * Every card is tagged with its domain and sub-domain; readiness counts these cards.
 */
import type { Concept, Confusable, Formula, Sequence } from '../source-schema';
import { type DeckSources, type FromFile, type OutlineItem, outlineItems } from '../sources';
import { hashOrder } from '../ids';
import { type DistractorCandidate, pickDistractors } from '../distractors';
import { type CardDraft, certTag, sentence, upperFirst } from './common';

/** Tags of a card about one outline item; `domain:` and `subdomain:` are what readiness and "Study this …" select by. */
export function itemTags(item: OutlineItem): string[] {
  const { outline, domain, subtopic } = item;
  return [
    certTag(outline.certification),
    `outline:${outline.key}`,
    `domain:${outline.key}/${domain.number}`,
    `subdomain:${outline.key}/${subtopic.code}`,
  ];
}

/** "CISSP 2024 · 3.2 Security models", shown at the foot of a card's back. */
export function itemLabel(item: OutlineItem): string {
  const acronym = item.outline.certification.toUpperCase();
  const year = /\d{4}/.exec(item.outline.key)?.[0] ?? '';
  return `${acronym} ${year} · ${item.subtopic.code} ${upperFirst(item.subtopic.name)}`.replace(/\s+/g, ' ');
}

function base(item: OutlineItem): Pick<CardDraft, 'certification' | 'domain' | 'tags'> {
  return { certification: item.outline.certification, domain: `${item.outline.key}/${item.domain.number}`, tags: itemTags(item) };
}

/**
 * The outline item under a question. A term can be taught in two places (least privilege in
 * design and in operations, KPIs for CISSP and for CISM), from each one's angle: the item says
 * which angle is asked, and keeps the two questions apart.
 */
function context(item: OutlineItem): string {
  return `\n\n*${itemLabel(item)}*`;
}

/** The outline item, and the source of a fact from outside the outlines, at the foot of a back. */
function footer(item: OutlineItem, source?: string): string {
  return `${context(item)}${source ? ` · Source: ${source}` : ''}`;
}

/** Shuffles the right option among the others by a hash of the card, so its position tells nothing. */
function shuffled(right: string, wrong: readonly string[], seed: string): { choices: string[]; answerIndex: number } {
  const choices = hashOrder([right, ...wrong], seed, (x) => x);
  return { choices, answerIndex: choices.indexOf(right) };
}

/** A concept as a distractor candidate: its sub-domain and domain, from its outline item. */
export function candidateOf(c: FromFile<Concept>, items: Map<string, OutlineItem>): DistractorCandidate & { concept: FromFile<Concept> } {
  const it = items.get(c.ref);
  const [outline = '', code = ''] = c.ref.split(':');
  return {
    key: c.key,
    term: c.term,
    ...(c.group !== undefined ? { group: c.group } : {}),
    ...(c.contrastsWith ? { contrastsWith: c.contrastsWith } : {}),
    ...(c.overlapsWith ? { overlapsWith: c.overlapsWith } : {}),
    sub: `${outline}/${code}`,
    domain: it ? `${it.outline.key}/${it.domain.number}` : `${outline}/?`,
    concept: c,
  };
}

/** Three wrong options for a concept's cards (lib/decks/distractors.ts), in an order fixed by the concept's key. */
export function distractorsFor(
  concept: FromFile<Concept>,
  all: readonly FromFile<Concept>[],
  items: Map<string, OutlineItem>,
  count = 3,
): string[] {
  const candidates = all.map((c) => candidateOf(c, items));
  const target = candidateOf(concept, items);
  return pickDistractors(target, candidates, (xs) => hashOrder(xs, concept.key, (c) => c.key), count).map((c) => c.term);
}

function conceptCards(s: DeckSources, items: Map<string, OutlineItem>): CardDraft[] {
  const cards: CardDraft[] = [];
  for (const c of s.concepts) {
    const item = items.get(c.ref);
    if (!item) continue; // checkSources reports it
    const factKey = `concept/${c.key}`;
    const explain = [
      sentence(c.definition),
      c.tell ? sentence(c.tell) : '',
      c.example ? `*Example:* ${sentence(c.example)}` : '',
    ]
      .filter(Boolean)
      .join('\n\n');
    cards.push({
      template: 'concept-recall',
      factKey,
      front: `Explain: **${c.term}**${context(item)}`,
      back: `${explain}${footer(item, c.source)}`,
      ...base(item),
    });
    const wrong = distractorsFor(c, s.concepts, items);
    if (wrong.length < 3) continue; // generateDecks reports a concept without enough neighbours
    cards.push({
      template: 'concept-choice',
      factKey,
      front: `${sentence(c.definition)}\n\nWhich term is described?`,
      back: `**${c.term}**.${c.tell ? ` ${sentence(c.tell)}` : ''}${footer(item, c.source)}`,
      ...shuffled(c.term, wrong, `${factKey}/choice`),
      ...base(item),
    });
    if (c.scenario)
      cards.push({
        template: 'concept-scenario',
        factKey,
        front: c.scenario.trim(),
        back: `**${c.term}**: ${lowerFirstSentence(c.definition)}${c.tell ? ` ${sentence(c.tell)}` : ''}${footer(item, c.source)}`,
        ...shuffled(c.term, wrong, `${factKey}/scenario`),
        ...base(item),
      });
  }
  return cards;
}

function lowerFirstSentence(text: string): string {
  const t = sentence(text);
  return /^[A-Z](?![A-Z0-9])/.test(t) ? t.charAt(0).toLowerCase() + t.slice(1) : t;
}

/** A numbered list in the card Markdown. */
function numbered(steps: readonly string[], highlight?: number): string {
  return steps.map((st, i) => `${i + 1}. ${i === highlight ? `**${st}**` : st}`).join('\n');
}

function sequenceCards(q: FromFile<Sequence>, item: OutlineItem): CardDraft[] {
  const factKey = `sequence/${q.key}`;
  const note = q.note ? `\n\n${sentence(q.note)}` : '';
  const cards: CardDraft[] = [
    {
      template: 'sequence-order',
      factKey,
      front: `In ${q.name}, what are the ${q.steps.length} steps, in order?${context(item)}`,
      back: `${numbered(q.steps)}${note}${footer(item, q.source)}`,
      ...base(item),
    },
  ];
  // The wrong options are the steps nearest the right one (ties in a fixed pseudo-random order):
  // in a long process, the steps around the answer are the ones a learner mixes up, while a
  // random far step (the last one offered as the second) rules itself out.
  const pick = (exclude: readonly number[], right: number, seed: string) => {
    const others = hashOrder(
      q.steps.map((_, i) => i).filter((i) => i !== right && !exclude.includes(i)),
      seed,
      (i) => String(i),
    )
      .sort((a, b) => Math.abs(a - right) - Math.abs(b - right))
      .slice(0, 3);
    return shuffled(q.steps[right]!, others.map((i) => q.steps[i]!), seed);
  };
  cards.push({
    template: 'sequence-first',
    factKey,
    front: `In ${q.name}, which step comes first?${context(item)}`,
    asked: '',
    back: `**${q.steps[0]}**.\n\n${numbered(q.steps, 0)}${note}${footer(item, q.source)}`,
    ...pick([], 0, `${factKey}/first`),
    ...base(item),
  });
  for (let i = 1; i < q.steps.length; i += 1)
    cards.push({
      template: 'sequence-next',
      factKey: `${factKey}/${i}`,
      front: `In ${q.name}, which step comes right after *${q.steps[i - 1]}*?${context(item)}`,
      asked: q.steps[i - 1]!,
      back: `**${q.steps[i]}**.\n\n${numbered(q.steps, i)}${note}${footer(item, q.source)}`,
      ...pick([i - 1], i, `${factKey}/${i}`),
      ...base(item),
    });
  return cards;
}

function confusableCards(c: FromFile<Confusable>, item: OutlineItem): CardDraft[] {
  const factKey = `confusable/${c.key}`;
  const terms = c.members.map((m) => m.term);
  const summary = c.members.map((m) => `- **${m.term}**: ${m.tell.trim().replace(/\.$/, '')}`).join('\n');
  const note = c.note ? `\n\n${sentence(c.note)}` : '';
  const cards: CardDraft[] = c.members.map((m, i) => ({
    template: 'confusable-choice' as const,
    factKey: `${factKey}/${i}`,
    front: `Easily confused: ${c.topic}. Which one is ${m.tell.trim().replace(/\.$/, '')}?${context(item)}`,
    asked: m.tell,
    back: `**${m.term}**.\n\n${summary}${note}${footer(item, c.source)}`,
    ...shuffled(m.term, terms.filter((t) => t !== m.term), `${factKey}/${i}`),
    ...base(item),
  }));
  cards.push({
    template: 'confusable-summary',
    factKey,
    front: `Easily confused: ${c.topic}. How do ${listText(terms)} differ?${context(item)}`,
    back: `${summary}${note}${footer(item, c.source)}`,
    ...base(item),
  });
  return cards;
}

function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function formulaCards(f: FromFile<Formula>, item: OutlineItem): CardDraft[] {
  const factKey = `formula/${f.key}`;
  return [
    {
      template: 'formula-recall',
      factKey,
      front: `How is the ${f.name} computed?${context(item)}`,
      back: `\`${f.formula}\`\n\n${sentence(f.explanation)}${footer(item, f.source)}`,
      ...base(item),
    },
    {
      template: 'formula-problem',
      factKey,
      front: f.problem.trim(),
      back: `**${sentence(f.answer)}**\n\n\`${f.formula}\`${footer(item, f.source)}`,
      ...base(item),
    },
  ];
}

/** Every knowledge card, grouped by outline item in outline order, so a deck introduces one item at a time. */
export function knowledgeCards(s: DeckSources): CardDraft[] {
  const items = outlineItems(s);
  const byRef = new Map<string, CardDraft[]>();
  const add = (ref: string, cards: CardDraft[]) => byRef.set(ref, [...(byRef.get(ref) ?? []), ...cards]);
  for (const card of conceptCards(s, items)) add(refOfTags(card.tags), [card]);
  for (const q of s.sequences) {
    const item = items.get(q.ref);
    if (item) add(q.ref, sequenceCards(q, item));
  }
  for (const c of s.confusables) {
    const item = items.get(c.ref);
    if (item) add(c.ref, confusableCards(c, item));
  }
  for (const f of s.formulas) {
    const item = items.get(f.ref);
    if (item) add(f.ref, formulaCards(f, item));
  }
  // Within an item: first what to learn (recall, whole processes, how sets differ), then what
  // tests it (definitions, steps, members), then scenarios; so a concept's multiple-choice card
  // does not follow its own answer straight away.
  const phase = (c: CardDraft) => PHASE[c.template] ?? 1;
  return [...items.keys()].flatMap((ref) => (byRef.get(ref) ?? []).map((c, i) => ({ c, i })).sort((a, b) => phase(a.c) - phase(b.c) || a.i - b.i).map((x) => x.c));
}

const PHASE: Partial<Record<CardDraft['template'], number>> = {
  'concept-recall': 0,
  'sequence-order': 0,
  'confusable-summary': 0,
  'formula-recall': 0,
  'concept-scenario': 2,
};

function refOfTags(tags: readonly string[]): string {
  const sub = tags.find((t) => t.startsWith('subdomain:'))!.slice('subdomain:'.length);
  const slash = sub.indexOf('/');
  return `${sub.slice(0, slash)}:${sub.slice(slash + 1)}`;
}
