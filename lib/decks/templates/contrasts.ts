/**
 * Role-contrast templates: "who does this?" with the same four choices on every card (so the
 * set of choices never hints at the answer), the other side of each contrast (its named
 * counterpart, so both sides are real counterparts), and a summary per contrast area. Cards of
 * one area are emitted together, so a deck introduces both sides one after the other.
 */
import type { DeckSources } from '../sources';
import type { Contrast, Who } from '../source-schema';
import type { CertificationId } from '../types';
import { hashOrder } from '../ids';
import { ACRONYM, type CardDraft, certTag, lowerFirst, sentence, upperFirst } from './common';

const WHO_LABEL: Record<Who, string> = { cism: 'CISM', cissp: 'CISSP', both: 'Both', neither: 'Neither' };
/** Every who-does-this card offers exactly these, in this order. */
export const WHO_CHOICES: readonly string[] = ['CISM', 'CISSP', 'Both', 'Neither'];

const WHO_QUESTION =
  'Who typically does this: the CISM (the security manager), the CISSP (the hands-on practitioner), both, or neither (a business role does)?';

function certsOf(who: Who): CertificationId[] {
  return who === 'cism' || who === 'cissp' ? [who] : ['cism', 'cissp'];
}

function answerText(c: Contrast): string {
  const lead = c.who === 'neither' ? `**Neither**: ${upperFirst(sentence(c.owner ?? ''))}` : `**${WHO_LABEL[c.who]}**.`;
  const view = c.managerView ? `\n\n*The managerial answer on the CISSP exam:* ${sentence(c.managerView)}` : '';
  return `${lead} ${sentence(c.why)}${view}`;
}

function refTags(ref: string): string[] {
  const [outline, code] = ref.split(':');
  return [`outline:${outline}`, `about:${outline}/${code}`];
}

export function contrastCards(s: DeckSources): CardDraft[] {
  const cards: CardDraft[] = [];
  const byKey = new Map(s.contrasts.map((c) => [c.key, c]));
  for (const pair of s.pairs) {
    const rows = s.contrasts.filter((c) => c.pair === pair.key);
    if (rows.length === 0) continue;
    const pairTag = `pair:${pair.key}`;

    for (const c of rows)
      cards.push({
        template: 'who-does-this',
        factKey: `contrast/${c.key}`,
        front: `${WHO_QUESTION}\n\n*${c.activity}*`,
        asked: c.activity,
        back: answerText(c),
        choices: [...WHO_CHOICES],
        answerIndex: WHO_CHOICES.indexOf(WHO_LABEL[c.who]),
        certification: undefined,
        tags: [...certsOf(c.who).map(certTag), pairTag, ...refTags(c.ref)],
      });

    for (const c of rows) {
      const other = c.counterpart ? byKey.get(c.counterpart) : undefined;
      if (!other || (c.who !== 'cism' && c.who !== 'cissp') || (other.who !== 'cism' && other.who !== 'cissp')) continue;
      cards.push({
        template: 'contrast-other-side',
        factKey: `contrast/${c.key}`,
        front: `Contrast: ${pair.topic}. The ${ACRONYM[c.who]} *${lowerFirst(c.activity)}*. What does the ${ACRONYM[other.who]} do here?`,
        back: `The **${ACRONYM[other.who]}** ${lowerFirst(sentence(other.activity))} ${sentence(other.why)}`,
        certification: undefined,
        // The answer teaches the other side's item, often of the other outline: both are tagged.
        tags: [certTag('cism'), certTag('cissp'), pairTag, ...new Set([...refTags(c.ref), ...refTags(other.ref)])],
      });
    }

    const section = (who: Who, list: Contrast[]) =>
      list.length
        ? `**${who === 'neither' ? 'Neither (a business role)' : WHO_LABEL[who]}**\n${list
            .map((r) => `- ${r.activity}${r.who === 'neither' && r.owner ? ` (${r.owner})` : ''}`)
            .join('\n')}`
        : '';
    cards.push({
      template: 'contrast-pair',
      factKey: `pair/${pair.key}`,
      // The activities are listed (in an order that does not give away the grouping on the back),
      // so the card asks something checkable rather than "recall everything about this area".
      front: `Contrast: ${pair.topic}. Who does each of these: the CISM, the CISSP, both, or a business role?\n\n${hashOrder(rows, pair.key, (r) => r.key)
        .map((r) => `- ${r.activity}`)
        .join('\n')}`,
      back: (['cism', 'cissp', 'both', 'neither'] as const)
        .map((w) => section(w, rows.filter((r) => r.who === w)))
        .filter(Boolean)
        .join('\n\n'),
      certification: undefined,
      tags: [certTag('cism'), certTag('cissp'), pairTag],
    });
  }
  return cards;
}
