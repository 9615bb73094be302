/**
 * Role-contrast templates: "who does this: CISM or CISSP?", the other side of each contrast,
 * and a summary per contrast pair. Cards of one pair are emitted together, so a deck
 * introduces both sides of a contrast one after the other.
 */
import type { DeckSources } from '../sources';
import type { Contrast, Who } from '../schema';
import type { CertificationId } from '../types';
import { ACRONYM, type CardDraft, certTag, lowerFirst, sentence } from './common';

const WHO_LABEL: Record<Who, string> = { cism: 'CISM', cissp: 'CISSP', both: 'Both' };
const TWO_CHOICES = ['CISM', 'CISSP'];
const THREE_CHOICES = ['CISM', 'CISSP', 'Both'];

function certsOf(who: Who): CertificationId[] {
  return who === 'both' ? ['cism', 'cissp'] : [who];
}

export function contrastCards(s: DeckSources): CardDraft[] {
  const cards: CardDraft[] = [];
  for (const pair of s.pairs) {
    const rows = s.contrasts.filter((c) => c.pair === pair.key);
    if (rows.length === 0) continue;
    const pairTag = `pair:${pair.key}`;

    for (const c of rows) {
      const choices = c.who === 'both' ? THREE_CHOICES : TWO_CHOICES;
      cards.push({
        template: 'who-does-this',
        factKey: `contrast/${c.key}`,
        front:
          c.who === 'both'
            ? `Who does this: the CISM, the CISSP, or both?\n\n*${c.activity}*`
            : `Who does this: CISM or CISSP?\n\n*${c.activity}*`,
        back: `**${WHO_LABEL[c.who]}**. ${sentence(c.why)}`,
        choices,
        answerIndex: choices.indexOf(WHO_LABEL[c.who]),
        certification: c.who === 'both' ? undefined : c.who,
        tags: [...certsOf(c.who).map(certTag), pairTag],
      });
    }

    for (const c of rows) {
      if (c.who === 'both') continue;
      const other: CertificationId = c.who === 'cism' ? 'cissp' : 'cism';
      const counterparts = rows.filter((r) => r.who === other);
      if (counterparts.length === 0) continue;
      cards.push({
        template: 'contrast-other-side',
        factKey: `contrast/${c.key}`,
        front: `Contrast: ${pair.topic}. The ${ACRONYM[c.who]} *${lowerFirst(c.activity)}*. What does the ${ACRONYM[other]} do here?`,
        back: `The **${ACRONYM[other]}**:\n${counterparts.map((r) => `- ${r.activity}: ${lowerFirst(sentence(r.why))}`).join('\n')}`,
        certification: undefined,
        tags: [certTag('cism'), certTag('cissp'), pairTag],
      });
    }

    const section = (who: Who, list: Contrast[]) =>
      list.length ? `**${who === 'both' ? 'Both' : ACRONYM[who]}**\n${list.map((r) => `- ${r.activity}`).join('\n')}` : '';
    cards.push({
      template: 'contrast-pair',
      factKey: `pair/${pair.key}`,
      front: `Contrast: ${pair.topic}. Who does what, the CISM or the CISSP?`,
      back: (['cism', 'cissp', 'both'] as const)
        .map((w) => section(w, rows.filter((r) => r.who === w)))
        .filter(Boolean)
        .join('\n\n'),
      certification: undefined,
      tags: [certTag('cism'), certTag('cissp'), pairTag],
    });
  }
  return cards;
}
