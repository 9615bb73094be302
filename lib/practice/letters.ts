/**
 * The letters options are shown and named by. Its own module: the attempt screen needs the letters,
 * not the question maker (distractors, giveaway rule) that questions.ts carries.
 */
export const OPTION_LETTERS = ['A', 'B', 'C', 'D'] as const;
