/**
 * The choices the practice set-up offers (sources, lengths, the three mocks): apart from plan.ts so
 * that the set-up page shows them without carrying the question maker, loaded when a start is pressed.
 */
import type { CertificationId } from '../decks/types';
import { ADAPTIVE } from './adaptive';
import type { AttemptMode } from './attempt';

/** Where a quiz draws from. */
export type QuizSource = 'all' | 'new' | 'weak' | 'missed' | 'flagged';

export const QUIZ_SOURCES: { value: QuizSource; label: string; hint: string }[] = [
  { value: 'all', label: 'All', hint: 'every concept of the chosen domains' },
  { value: 'new', label: 'New to me', hint: 'concepts you have neither studied nor practised' },
  { value: 'weak', label: 'Weak', hint: 'a card in relearning, or recalled with less than 85 % probability now' },
  { value: 'missed', label: 'Missed before', hint: 'answered wrong the last time they were asked' },
  { value: 'flagged', label: 'Flagged', hint: 'flagged the last time they were asked' },
];

export const QUIZ_LENGTHS = [10, 25, 50] as const;

export const MOCK_SHAPES: Record<'cism' | 'cissp' | 'cissp-adaptive', { mode: AttemptMode; certification: CertificationId; questions: number; minutes: number; title: string }> = {
  cism: { mode: 'mock', certification: 'cism', questions: 150, minutes: 240, title: 'CISM mock exam' },
  cissp: { mode: 'mock', certification: 'cissp', questions: 150, minutes: 180, title: 'CISSP mock exam (linear)' },
  'cissp-adaptive': { mode: 'adaptive', certification: 'cissp', questions: ADAPTIVE.maxQuestions, minutes: 180, title: 'CISSP adaptive mock exam' },
};
