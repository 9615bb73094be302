/** Counting in words, the same everywhere in the app. */

/** "1 card", "2,000 cards"; `many` for irregular plurals. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
