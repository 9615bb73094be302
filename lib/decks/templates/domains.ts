/** Templates about the domain lists: numbers, names, order, name versions, weights. */
import type { DeckSources } from '../sources';
import type { Outline } from '../source-schema';
import {
  ACRONYM,
  type CardDraft,
  byNumber,
  certTag,
  domainTags,
  domainTitle,
  inOutline,
  sentence,
} from './common';

/** Number ↔ name, the ordered list, other name versions and topic locations of one outline. */
export function outlineDomainCards(s: DeckSources, outline: Outline): CardDraft[] {
  const cards: CardDraft[] = [];
  const cert = outline.certification;
  const sorted = byNumber(outline.domains);
  const weightNote = (w: number | undefined) => (w === undefined ? '' : ` It makes up ${w} % of the exam.`);

  for (const d of sorted)
    cards.push({
      template: 'domain-number-to-name',
      factKey: `${outline.key}/${d.key}`,
      front: `${inOutline(outline)}, what is the name of Domain ${d.number}?`,
      back: `**${d.name}**.${weightNote(d.weight)}`,
      certification: cert,
      tags: [certTag(cert), ...domainTags(outline, d)],
    });

  for (const d of sorted)
    cards.push({
      template: 'domain-name-to-number',
      factKey: `${outline.key}/${d.key}`,
      front: `${inOutline(outline)}, which number does the domain *${d.name}* have?`,
      back: `**Domain ${d.number}** of ${sorted.length}.`,
      certification: cert,
      tags: [certTag(cert), ...domainTags(outline, d)],
    });

  for (const d of sorted)
    for (const v of d.nameVersions ?? [])
      cards.push({
        template: 'domain-name-version',
        factKey: `${outline.key}/${d.key}/${v.key}`,
        front: `In ${v.source}, ${ACRONYM[cert]} Domain ${d.number} is named *${v.name}*. What is its name in ${outline.label}?`,
        back: `**${d.name}**.`,
        certification: cert,
        tags: [certTag(cert), ...domainTags(outline, d)],
      });

  for (const t of s.topicLocations)
    for (const p of t.places) {
      if (p.outline !== outline.key) continue;
      const d = outline.domains.find((x) => x.key === p.domain);
      if (!d) continue; // checkSources reports it
      const factKey = `${t.key}/${outline.key}`;
      cards.push({
        template: 'topic-location',
        factKey,
        front: `${inOutline(outline)}, which domain covers *${t.topic}*?`,
        back: `**${domainTitle(d)}**: ${sentence(p.how)}`,
        certification: cert,
        tags: [certTag(cert), ...domainTags(outline, d), `topic:${t.key}`],
      });
    }
  return cards;
}

/** Exam weight per domain, and per-outline facts (effective date, heaviest domain). */
export function weightCards(outline: Outline): CardDraft[] {
  const cards: CardDraft[] = [];
  const cert = outline.certification;
  const sorted = byNumber(outline.domains);
  if (outline.effective)
    cards.push({
      template: 'outline-fact',
      factKey: `${outline.key}/effective`,
      front: `Since when has ${outline.label} been in force?`,
      back: `Since **${outline.effective}**.`,
      certification: cert,
      tags: [certTag(cert), `outline:${outline.key}`],
    });
  if (sorted.every((d) => d.weight !== undefined)) {
    for (const d of sorted) {
      const former = (d.formerWeights ?? []).map((f) => (f.weight === d.weight ? `the same in the ${f.year} outline` : `${f.weight} % in the ${f.year} outline`));
      cards.push({
        template: 'domain-weight',
        factKey: `${outline.key}/${d.key}`,
        front: `${inOutline(outline)}, how much of the exam does Domain ${d.number}, *${d.name}*, account for?`,
        back: `**${d.weight} %**.${former.length ? ` (It was ${former.join(', ')}.)` : ''}`,
        certification: cert,
        tags: [certTag(cert), ...domainTags(outline, d)],
      });
    }
    const max = Math.max(...sorted.map((d) => d.weight ?? 0));
    const heaviest = sorted.filter((d) => d.weight === max);
    cards.push({
      template: 'outline-fact',
      factKey: `${outline.key}/heaviest`,
      front: `${inOutline(outline)}, which domain carries the largest exam weight?`,
      back:
        `**${heaviest.map(domainTitle).join('** and **')}**, ${max} %.\n\nAll weights:\n` +
        sorted.map((d) => `- ${domainTitle(d)}: ${d.weight} %`).join('\n'),
      certification: cert,
      tags: [certTag(cert), `outline:${outline.key}`, ...heaviest.map((d) => `about:${outline.key}/${d.number}`)],
    });
  }
  return cards;
}
