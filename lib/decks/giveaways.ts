/**
 * The no-giveaway rule for multiple-choice cards: a question must not share a distinctive word
 * with its right option unless at least one wrong option has that word too. Otherwise a learner
 * can pick the answer by spotting the word, without knowing the fact (the old decks had this on
 * 41 % of their four-choice cards).
 */

/** Words too common to give an answer away. */
const COMMON = new Set(
  (
    'a an the and or nor but of to in on at by for from with without into onto over under about as is are was were be been ' +
    'being this that these those it its it’s their there they them which what who whom whose when where why how than then ' +
    'not no yes all any each every some such other another more most less least very can could may might must shall should ' +
    'will would does did done doing have has had having one two three four five six seven eight nine ten first next after ' +
    'before also only just even both either neither same used uses using use make makes made also into upon within your you ' +
    'our ours his her we i me my mine best term name called describes describe description type kind example e.g i.e etc'
  ).split(/\s+/),
);

/**
 * Lower-cased word stems of a text, common words left out: words of four or more letters, and
 * shorter ones only when written as an acronym or a number ("MAC", "AH", "802").
 */
export function distinctiveWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const token of text.replace(/[`*_]/g, ' ').split(/[^\p{L}\p{N}]+/u)) {
    const word = token.toLowerCase();
    if (!word || COMMON.has(word)) continue;
    const acronym = token.length >= 2 && token === token.toUpperCase() && /\p{Lu}|[0-9]/u.test(token);
    if (word.length < 4 && !acronym) continue;
    out.add(stem(word));
  }
  return out;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * The words that give a card away: in the question and in the right option, in no wrong option.
 * @example giveawayWords('Which model protects integrity?', ['Biba integrity model', 'Bell-LaPadula model'], 0) // ['integrity']
 */
export function giveawayWords(question: string, choices: readonly string[], answerIndex: number): string[] {
  const asked = distinctiveWords(question);
  const right = distinctiveWords(choices[answerIndex] ?? '');
  const wrong = new Set(choices.flatMap((c, i) => (i === answerIndex ? [] : [...distinctiveWords(c)])));
  return [...right].filter((w) => asked.has(w) && !wrong.has(w)).sort();
}
