/** Templates about each certification and its exam: names, awarding body, exam facts. */
import type { DeckSources } from '../sources';
import type { Certification } from '../source-schema';
import { type CardDraft, certTag, sentence } from './common';

function formatHours(h: number): string {
  return `${h} hour${h === 1 ? '' : 's'}`;
}

export function certificationCards(c: Certification): CardDraft[] {
  const acr = c.acronym;
  const body = c.awardingBody;
  const base = { certification: c.key, tags: [certTag(c.key)] };
  const fact = (key: string, front: string, back: string): CardDraft => ({
    template: 'cert-fact',
    factKey: `${c.key}/${key}`,
    front,
    back,
    ...base,
  });
  // The note goes on the back only, so adding or updating it keeps every card's id.
  const versionNote = c.exam.versionNote ? `\n\n*${sentence(c.exam.versionNote)}*` : '';
  const exam = (key: string, front: string, back: string, note = versionNote): CardDraft => ({
    template: 'exam-fact',
    factKey: `${c.key}/${key}`,
    front,
    back: `${back}${note}`,
    ...base,
  });
  const others = body.otherNames?.length ? ` (also written ${body.otherNames.join(', ')})` : '';
  const q = c.exam.questions;
  const count = q.min === q.max ? `${q.min}` : `${q.min} to ${q.max}`;
  return [
    fact('expansion', `What does the acronym **${acr}** stand for?`, `**${c.expansion}**.`),
    fact('awarding-body', `Which organization awards the ${acr}?`, `**${body.name}**${others}.`),
    fact(
      'awarding-body-name',
      `The ${acr} is awarded by ${body.name}. What is the long name behind ${body.name}?`,
      `**${body.longName}**.${body.note ? ` ${sentence(body.note)}` : ''}`,
    ),
    fact('focus', `Where is the ${acr}'s centre of gravity: management or technical practice?`, sentence(c.focus)),
    fact(
      'managerial-share',
      `Roughly how much of the ${acr} is explicitly managerial?`,
      `**About ${c.managerial.percent} %**: ${sentence(c.managerial.summary)}`,
    ),
    fact(
      'domain-count',
      `How many domains does the ${acr} have?`,
      `**${c.domainCount}**.${c.domainCountNote ? ` ${sentence(c.domainCountNote)}` : ''}`,
    ),
    exam(
      'exam-questions',
      `How many questions does the ${acr} exam have, and in what format?`,
      `**${count}** questions. Format: ${sentence(c.exam.format)}`,
    ),
    exam('exam-duration', `How long is the ${acr} exam?`, `**${formatHours(c.exam.durationHours)}**.`),
    exam(
      'exam-pass-mark',
      `What score passes the ${acr} exam?`,
      `**${c.exam.passingScore}** on a scale that goes up to ${c.exam.scoreScaleMax}.${
        c.exam.scoreNote ? ` ${sentence(c.exam.scoreNote)}` : ''
      }`,
    ),
    exam(
      'experience',
      `How much work experience does the ${acr} require?`,
      `**${c.experience.years} years**. ${sentence(c.experience.summary)}`,
      // The experience rule belongs to the certification, not to an exam outline.
      '',
    ),
  ];
}

/** "Where does incident response sit in CISM compared with CISSP?" */
export function topicCompareCards(s: DeckSources): CardDraft[] {
  const outlines = new Map(s.outlines.map((o) => [o.key, o]));
  return s.topicLocations.map((t) => {
    const places = t.places.flatMap((p) => {
      const o = outlines.get(p.outline);
      const d = o?.domains.find((x) => x.key === p.domain);
      return o && d ? [{ o, d, how: p.how }] : [];
    });
    const certs = [...new Set(places.map((p) => p.o.certification))].sort();
    return {
      template: 'topic-location-compare' as const,
      factKey: t.key,
      front: `Where does *${t.topic}* sit in the CISM outlines compared with the CISSP outline?`,
      back:
        `${sentence(t.summary)}\n\n` +
        places.map((p) => `- ${p.o.title}: **Domain ${p.d.number}, ${p.d.name}**`).join('\n'),
      certification: certs.length === 1 ? certs[0] : undefined,
      tags: [
        ...certs.map(certTag),
        ...[...new Set(places.map((p) => `outline:${p.o.key}`))],
        ...places.map((p) => `about:${p.o.key}/${p.d.number}`),
        `topic:${t.key}`,
      ],
    };
  });
}
