/** Templates about sub-topics: which domain covers a sub-topic or a part, and a domain's parts. */
import type { Outline } from '../source-schema';
import { domainSubtopics } from '../sources';
import {
  type CardDraft,
  byNumber,
  certTag,
  domainTags,
  domainTitle,
  inOutline,
  numberWord,
  sentence,
  upperFirst,
} from './common';

export function subtopicCards(outline: Outline): CardDraft[] {
  const cards: CardDraft[] = [];
  const cert = outline.certification;
  for (const d of byNumber(outline.domains)) {
    const tags = [certTag(cert), ...domainTags(outline, d)];
    const parts = d.parts ?? [];
    if (parts.length > 0) {
      cards.push({
        template: 'domain-parts',
        factKey: `${outline.key}/${d.key}/parts`,
        front: `${inOutline(outline)}, what are the ${numberWord(parts.length)} parts of Domain ${d.number}, *${d.name}*?`,
        back: parts
          .map((p) => `- **${p.key.toUpperCase()}. ${p.name}**: ${p.subtopics.map((st) => st.name).join('; ')}`)
          .join('\n'),
        certification: cert,
        tags,
      });
      for (const p of parts) {
        const factKey = `${outline.key}/${d.key}/part-${p.key}`;
        // Most part names carry their domain's name ("Incident Management Operations"), so the
        // card asks for the part's letter too, which the name does not give away.
        cards.push({
          template: 'part-to-domain',
          factKey,
          front: `${inOutline(outline)}, which domain has the part *${p.name}*, and which letter is that part?`,
          back: `**${domainTitle(d)}**, **part ${p.key.toUpperCase()}**.\n\n${parts.map((q) => `- ${q.key.toUpperCase()}. ${q.name}`).join('\n')}`,
          certification: cert,
          tags,
        });
      }
    }
    for (const st of domainSubtopics(d)) {
      const factKey = `${outline.key}/${d.key}/${st.key}`;
      const part = st.part ? parts.find((p) => p.key === st.part) : undefined;
      const where = part ? `, part ${part.key.toUpperCase()} (${part.name})` : '';
      const details = st.details ? `\n\n${upperFirst(st.name)}: ${sentence(st.details)}` : '';
      cards.push({
        template: 'subtopic-to-domain',
        factKey,
        front: `${inOutline(outline)}, which domain covers *${st.name}*?`,
        back: `**${domainTitle(d)}**${where}.${details}`,
        certification: cert,
        tags,
      });
    }
  }
  return cards;
}
