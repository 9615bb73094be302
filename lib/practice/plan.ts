/**
 * What an attempt asks, before it starts: the concepts (by blueprint or by the learner's choice of
 * domains and source), the way each is asked, and the options, all from the attempt's seed.
 */
import type { CertificationId, GeneratedDomain } from '../decks/types';
import type { PracticeBank, PracticeConcept } from './bank';
import { type AttemptMode, type Feedback, type NewAttempt } from './attempt';
import { drawByBlueprint, spreadOverSubdomains } from './blueprint';
import type { ConceptRecord } from './history';
import { kindsOf, makeQuestion, poolOf, type QuestionKind } from './questions';
import { randomFrom, shuffle } from './random';
import { MOCK_SHAPES, type QuizSource } from './options';

export { MOCK_SHAPES, QUIZ_LENGTHS, QUIZ_SOURCES, type QuizSource } from './options';

/** What the study side knows of a card, for the "new" and "weak" sources. */
export interface CardKnowledge {
  studied: boolean;
  weak: boolean;
}

export function sourceFilter(source: QuizSource, history: Map<string, ConceptRecord>, cards: Map<string, CardKnowledge>): (c: PracticeConcept) => boolean {
  switch (source) {
    case 'all':
      return () => true;
    case 'new':
      return (c) => !history.has(c.key) && c.cardIds.every((id) => !cards.get(id)?.studied);
    case 'weak':
      return (c) => c.cardIds.some((id) => cards.get(id)?.weak === true);
    case 'missed':
      return (c) => history.get(c.key)?.lastRight === false;
    case 'flagged':
      return (c) => history.get(c.key)?.flagged === true;
  }
}

function kindFor(c: PracticeConcept, mode: AttemptMode, seed: string): QuestionKind {
  const kinds = kindsOf(c);
  // The exams ask about situations: a mock prefers a concept's scenario when it has one.
  if (mode !== 'quiz' && kinds.includes('scenario')) return 'scenario';
  return kinds[Math.floor(randomFrom(`${seed}\u001f${c.key}\u001fkind`)() * kinds.length)]!;
}

function questionsOf(bank: PracticeBank, certification: CertificationId, concepts: readonly PracticeConcept[], mode: AttemptMode, seed: string) {
  const pool = poolOf(bank.concepts.filter((c) => c.certification === certification));
  return concepts.map((c) => makeQuestion(c, pool, kindFor(c, mode, seed), seed));
}

export function planMock(
  bank: PracticeBank,
  shape: keyof typeof MOCK_SHAPES,
  domains: readonly Pick<GeneratedDomain, 'key' | 'certification' | 'weight'>[],
  ids: { id: string; seed: string },
): NewAttempt {
  const s = MOCK_SHAPES[shape];
  const weights = domains.filter((d) => d.certification === s.certification).map((d) => ({ key: d.key, weight: d.weight ?? 0 }));
  const concepts = drawByBlueprint(bank.concepts.filter((c) => c.certification === s.certification), weights, s.questions, randomFrom(ids.seed));
  return {
    ...ids,
    mode: s.mode,
    certification: s.certification,
    title: s.title,
    bankVersion: bank.version,
    questions: questionsOf(bank, s.certification, concepts, s.mode, ids.seed),
    timeLimitMs: s.minutes * 60_000,
  };
}

export interface QuizChoice {
  certification: CertificationId;
  /** Domain keys ("cissp-2024/3") or sub-domain keys ("cissp-2024/3.2"); empty means all. */
  scope: string[];
  length: number;
  source: QuizSource;
  feedback: Feedback;
  title: string;
}

export function planQuiz(
  bank: PracticeBank,
  choice: QuizChoice,
  known: { history: Map<string, ConceptRecord>; cards: Map<string, CardKnowledge> },
  ids: { id: string; seed: string },
): NewAttempt {
  const inScope = (c: PracticeConcept) => choice.scope.length === 0 || choice.scope.includes(c.domain) || choice.scope.includes(c.sub);
  const keep = sourceFilter(choice.source, known.history, known.cards);
  const eligible = bank.concepts.filter((c) => c.certification === choice.certification && inScope(c) && keep(c));
  const random = randomFrom(ids.seed);
  const concepts = shuffle(spreadOverSubdomains(eligible, choice.length, random), random);
  return {
    ...ids,
    mode: 'quiz',
    certification: choice.certification,
    title: choice.title,
    bankVersion: bank.version,
    questions: questionsOf(bank, choice.certification, concepts, 'quiz', ids.seed),
    feedback: choice.feedback,
    timeLimitMs: null,
  };
}
