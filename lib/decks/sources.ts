/**
 * Reading and checking the deck sources. Input is the text of each `decks/*.yaml` file
 * (the caller reads the files); output is one merged, validated `DeckSources` object.
 * Every problem is reported as one `DeckSourceError` whose message names the file and the item.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { CertificationId } from './types';
import {
  type Certification,
  type Concept,
  type Confusable,
  type Contrast,
  type ContrastPair,
  type DeckDef,
  type Domain,
  type Formula,
  type Outline,
  type Sequence,
  type Subtopic,
  type TopicLocation,
  issueMessage,
  SECTION_NAMES,
  sourceFileSchema,
} from './source-schema';

/** Every item remembers the file it came from, for error messages. */
export type FromFile<T> = T & { file: string };

export interface DeckSources {
  certifications: FromFile<Certification>[];
  outlines: FromFile<Outline>[];
  pairs: FromFile<ContrastPair>[];
  contrasts: FromFile<Contrast>[];
  topicLocations: FromFile<TopicLocation>[];
  decks: FromFile<DeckDef>[];
  concepts: FromFile<Concept>[];
  sequences: FromFile<Sequence>[];
  confusables: FromFile<Confusable>[];
  formulas: FromFile<Formula>[];
}

/** The outline item a `ref` ("cissp-2024:3.2") points at. */
export interface OutlineItem {
  outline: Outline;
  domain: Domain;
  subtopic: Subtopic;
  part?: string;
}

/** Every sub-domain or topic of every outline, by its ref ("cissp-2024:3.2", "cism-2022:2B1"). */
export function outlineItems(s: Pick<DeckSources, 'outlines'>): Map<string, OutlineItem> {
  const out = new Map<string, OutlineItem>();
  for (const outline of s.outlines)
    for (const domain of outline.domains)
      for (const st of domainSubtopics(domain))
        out.set(`${outline.key}:${st.code}`, { outline, domain, subtopic: st, ...(st.part ? { part: st.part } : {}) });
  return out;
}

export interface SourceText {
  /** Shown in messages, e.g. "decks/cissp-domains.yaml". */
  path: string;
  text: string;
}

export class DeckSourceError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DeckSourceError';
    this.problems = problems;
  }
}

/** Parses YAML texts, validates each against the schema and merges them. Throws DeckSourceError. */
export function parseSources(files: readonly SourceText[]): DeckSources {
  const problems: string[] = [];
  const merged: DeckSources = {
    certifications: [],
    outlines: [],
    pairs: [],
    contrasts: [],
    topicLocations: [],
    decks: [],
    concepts: [],
    sequences: [],
    confusables: [],
    formulas: [],
  };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, text } of sorted) {
    let data: unknown;
    try {
      data = parseYaml(text, { uniqueKeys: true, prettyErrors: true });
    } catch (err) {
      const msg = err instanceof YAMLParseError ? err.message : String(err);
      problems.push(`${path}: not valid YAML: ${msg.split('\n')[0]}`);
      continue;
    }
    if (data === null || data === undefined) {
      problems.push(`${path}: the file is empty`);
      continue;
    }
    const result = sourceFileSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${path}: ${issueMessage(issue, data)}`);
      continue;
    }
    const file = result.data;
    const sections = Object.keys(file).filter((k) => file[k as keyof typeof file] !== undefined);
    if (sections.length === 0) {
      problems.push(`${path}: the file has none of the sections ${SECTION_NAMES.join(', ')}`);
      continue;
    }
    for (const c of file.certifications ?? []) merged.certifications.push({ ...c, file: path });
    for (const o of file.outlines ?? []) merged.outlines.push({ ...o, file: path });
    for (const p of file.pairs ?? []) merged.pairs.push({ ...p, file: path });
    for (const c of file.contrasts ?? []) merged.contrasts.push({ ...c, file: path });
    for (const t of file.topicLocations ?? []) merged.topicLocations.push({ ...t, file: path });
    for (const d of file.decks ?? []) merged.decks.push({ ...d, file: path });
    for (const c of file.concepts ?? []) merged.concepts.push({ ...c, file: path });
    for (const q of file.sequences ?? []) merged.sequences.push({ ...q, file: path });
    for (const c of file.confusables ?? []) merged.confusables.push({ ...c, file: path });
    for (const f of file.formulas ?? []) merged.formulas.push({ ...f, file: path });
  }
  if (problems.length > 0) throw new DeckSourceError(problems);
  checkSources(merged);
  return merged;
}

function findDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const seen = new Map<string, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = seen.get(k);
    if (list) list.push(item);
    else seen.set(k, [item]);
  }
  return new Map([...seen].filter(([, list]) => list.length > 1));
}

/** Every subtopic of a domain, from `subtopics` and from its parts. */
export function domainSubtopics(domain: Domain): (Subtopic & { part?: string })[] {
  const direct = (domain.subtopics ?? []).map((s) => ({ ...s }));
  const fromParts = (domain.parts ?? []).flatMap((p) => p.subtopics.map((s) => ({ ...s, part: p.key })));
  return [...direct, ...fromParts];
}

/**
 * Checks what a schema cannot: unique keys, references between files, domain numbering,
 * weights adding up to 100. Throws one DeckSourceError listing every problem.
 */
export function checkSources(s: DeckSources): void {
  const problems: string[] = [];
  const dup = <T extends { file: string }>(items: readonly T[], keyOf: (i: T) => string, label: (i: T) => string) => {
    for (const [k, list] of findDuplicates(items, keyOf)) {
      const files = [...new Set(list.map((i) => i.file))].join(' and ');
      problems.push(`${files}: ${label(list[0]!)}: duplicate key "${k}" (used ${list.length} times)`);
    }
  };

  dup(s.certifications, (c) => c.key, () => 'certifications');
  dup(s.outlines, (o) => o.key, () => 'outlines');
  dup(s.pairs, (p) => p.key, () => 'pairs');
  dup(s.contrasts, (c) => c.key, () => 'contrasts');
  dup(s.topicLocations, (t) => t.key, () => 'topicLocations');
  dup(s.decks, (d) => d.key, () => 'decks');

  const certs = new Map<CertificationId, FromFile<Certification>>(s.certifications.map((c) => [c.key, c]));
  const certFile = s.certifications[0]?.file ?? 'decks';

  for (const c of s.certifications) {
    if (c.exam.questions.min > c.exam.questions.max)
      problems.push(`${c.file}: certification "${c.key}": exam.questions.min is larger than exam.questions.max`);
    if (c.exam.passingScore > c.exam.scoreScaleMax)
      problems.push(`${c.file}: certification "${c.key}": exam.passingScore is above exam.scoreScaleMax`);
  }

  const domainNamesByCert = new Map<string, Set<string>>();
  for (const o of s.outlines) {
    const where = `${o.file}: outline "${o.key}"`;
    const cert = certs.get(o.certification);
    if (!cert) problems.push(`${where}: certification "${o.certification}" is not defined in any certifications list`);
    const local = (list: { key: string }[], what: string, prefix: string) => {
      for (const [k, l] of findDuplicates(list, (x) => x.key))
        problems.push(`${prefix}: duplicate ${what} key "${k}" (used ${l.length} times)`);
    };
    local(o.domains, 'domain', where);
    for (const [n] of findDuplicates(o.domains, (d) => String(d.number)))
      problems.push(`${where}: two domains have number ${n}`);
    const numbers = o.domains.map((d) => d.number).sort((a, b) => a - b);
    numbers.forEach((n, i) => {
      if (n !== i + 1 && !problems.some((p) => p.startsWith(`${where}: domains must be numbered`)))
        problems.push(`${where}: domains must be numbered 1 to ${o.domains.length} without gaps (found ${numbers.join(', ')})`);
    });
    if (cert && cert.domainCount !== o.domains.length)
      problems.push(
        `${where}: has ${o.domains.length} domains but certification "${cert.key}" in ${cert.file} says domainCount ${cert.domainCount}`,
      );
    for (const [n, l] of findDuplicates(o.domains, (d) => d.name.toLowerCase()))
      problems.push(`${where}: ${l.length} domains are named "${n}"`);

    const weighted = o.domains.filter((d) => d.weight !== undefined);
    if (weighted.length > 0 && weighted.length < o.domains.length) {
      for (const d of o.domains.filter((x) => x.weight === undefined))
        problems.push(`${where} domain "${d.key}": weight is missing (the other domains of this outline have one)`);
    } else if (weighted.length > 0) {
      const sum = weighted.reduce((acc, d) => acc + (d.weight ?? 0), 0);
      if (Math.abs(sum - 100) > 1e-9) problems.push(`${where}: domain weights add up to ${sum}, not 100`);
    }

    const subtopicNames: { name: string; domain: string }[] = [];
    for (const d of o.domains) {
      const dw = `${where} domain "${d.key}"`;
      local(d.parts ?? [], 'part', dw);
      local(domainSubtopics(d), 'sub-topic', dw);
      local(d.nameVersions ?? [], 'name version', dw);
      for (const v of d.nameVersions ?? [])
        if (v.name.toLowerCase() === d.name.toLowerCase())
          problems.push(`${dw} name version "${v.key}": is the same as the domain's name`);
      for (const st of domainSubtopics(d)) subtopicNames.push({ name: st.name.toLowerCase(), domain: d.key });
      for (const p of d.parts ?? []) subtopicNames.push({ name: p.name.toLowerCase(), domain: d.key });
      const names = domainNamesByCert.get(d.name.toLowerCase()) ?? new Set<string>();
      names.add(o.certification);
      domainNamesByCert.set(d.name.toLowerCase(), names);
    }
    for (const [n, l] of findDuplicates(subtopicNames, (x) => x.name))
      problems.push(
        `${where}: sub-topic or part "${n}" appears in ${l.map((x) => `domain "${x.domain}"`).join(' and ')}; the question "which domain covers it?" would be ambiguous`,
      );
  }
  for (const [name, set] of domainNamesByCert)
    if (set.size > 1) problems.push(`${certFile}: the domain name "${name}" is used by both certifications`);

  const pairKeys = new Set(s.pairs.map((p) => p.key));
  for (const c of s.contrasts)
    if (!pairKeys.has(c.pair))
      problems.push(`${c.file}: contrast "${c.key}": pair "${c.pair}" is not defined under pairs`);
  for (const p of s.pairs)
    if (!s.contrasts.some((c) => c.pair === p.key))
      problems.push(`${p.file}: pair "${p.key}": no contrast belongs to it`);
  for (const [a, l] of findDuplicates(s.contrasts, (c) => c.activity.toLowerCase()))
    problems.push(`${l[0]!.file}: contrasts ${l.map((c) => `"${c.key}"`).join(' and ')}: same activity "${a}"`);

  const items = outlineItems(s);
  for (const o of s.outlines)
    for (const d of o.domains) {
      for (const [code, l] of findDuplicates(domainSubtopics(d), (st) => st.code))
        problems.push(`${o.file}: outline "${o.key}" domain "${d.key}": ${l.length} sub-topics have code "${code}"`);
      for (const st of domainSubtopics(d))
        if (!st.code.startsWith(String(d.number)) || /[0-9]/.test(st.code.charAt(String(d.number).length)))
          problems.push(`${o.file}: outline "${o.key}" domain "${d.key}" sub-topic "${st.key}": code "${st.code}" does not belong to Domain ${d.number}`);
    }
  const checkRef = (file: string, what: string, ref: string): OutlineItem | undefined => {
    const item = items.get(ref);
    if (!item) problems.push(`${file}: ${what}: ref "${ref}" names no sub-domain or topic of any outline`);
    return item;
  };
  const factKinds: [string, readonly FromFile<{ key: string }>[]][] = [
    ['concept', s.concepts],
    ['sequence', s.sequences],
    ['confusable', s.confusables],
    ['formula', s.formulas],
  ];
  for (const [k, list] of findDuplicates(
    factKinds.flatMap(([kind, l]) => l.map((f) => ({ kind, f }))),
    (x) => x.f.key,
  ))
    problems.push(
      `${[...new Set(list.map((x) => x.f.file))].join(' and ')}: duplicate fact key "${k}" (${list.map((x) => x.kind).join(', ')})`,
    );
  for (const c of s.concepts) {
    const item = checkRef(c.file, `concept "${c.key}"`, c.ref);
    if (item && c.item !== undefined && c.item > (item.subtopic.items ?? 0))
      problems.push(
        `${c.file}: concept "${c.key}": item ${c.item} does not exist (${c.ref} lists ${item.subtopic.items ?? 0} bullet${item.subtopic.items === 1 ? '' : 's'})`,
      );
  }
  const conceptKeys = new Set(s.concepts.map((c) => c.key));
  const outlineOfKey = new Map(s.concepts.map((c) => [c.key, items.get(c.ref)?.outline.key]));
  for (const c of s.concepts) {
    for (const [field, keys] of [['contrastsWith', c.contrastsWith], ['overlapsWith', c.overlapsWith]] as const) {
      for (const k of keys ?? []) {
        if (k === c.key) problems.push(`${c.file}: concept "${c.key}": ${field} names the concept itself`);
        else if (!conceptKeys.has(k)) problems.push(`${c.file}: concept "${c.key}": ${field} names "${k}", which is not a concept`);
        // A card's options all come from its own outline: a concept of the other one is never offered.
        else if (field === 'contrastsWith' && outlineOfKey.get(k) && outlineOfKey.get(c.key) && outlineOfKey.get(k) !== outlineOfKey.get(c.key))
          problems.push(`${c.file}: concept "${c.key}": contrastsWith names "${k}", which belongs to ${outlineOfKey.get(k)}, not ${outlineOfKey.get(c.key)}`);
      }
    }
    for (const k of c.contrastsWith ?? []) if (c.overlapsWith?.includes(k)) problems.push(`${c.file}: concept "${c.key}": "${k}" is in both contrastsWith and overlapsWith`);
  }
  for (const q of s.sequences) {
    checkRef(q.file, `sequence "${q.key}"`, q.ref);
    for (const [step] of findDuplicates(q.steps, (x) => x.toLowerCase()))
      problems.push(`${q.file}: sequence "${q.key}": step "${step}" appears twice`);
  }
  for (const c of s.confusables) {
    checkRef(c.file, `confusable "${c.key}"`, c.ref);
    for (const [term] of findDuplicates(c.members, (m) => m.term.toLowerCase()))
      problems.push(`${c.file}: confusable "${c.key}": member "${term}" appears twice`);
  }
  for (const f of s.formulas) checkRef(f.file, `formula "${f.key}"`, f.ref);

  // The first contrast of a key: a duplicate is reported above, not again through its counterpart.
  const contrastsByKey = new Map<string, FromFile<Contrast>>();
  for (const c of s.contrasts) if (!contrastsByKey.has(c.key)) contrastsByKey.set(c.key, c);
  for (const c of s.contrasts) {
    const where = `${c.file}: contrast "${c.key}"`;
    checkRef(c.file, `contrast "${c.key}"`, c.ref);
    if (c.who === 'cism' || c.who === 'cissp') {
      if (c.owner) problems.push(`${where}: owner is only for who: neither`);
      if (!c.counterpart) {
        problems.push(`${where}: counterpart is missing (a ${c.who} contrast names its other side)`);
        continue;
      }
      const other = contrastsByKey.get(c.counterpart);
      if (!other) problems.push(`${where}: counterpart "${c.counterpart}" is not a contrast`);
      else if (other.who === c.who || other.who === 'both' || other.who === 'neither')
        problems.push(`${where}: counterpart "${other.key}" must be on the other side (it is ${other.who})`);
      else if (other.counterpart !== c.key)
        problems.push(`${where}: counterpart "${other.key}" names "${other.counterpart ?? '(none)'}" back, not "${c.key}"`);
    } else {
      if (c.counterpart) problems.push(`${where}: a ${c.who} contrast has no counterpart`);
      if (c.who === 'neither' && !c.owner) problems.push(`${where}: owner is missing (who does own this task?)`);
      if (c.who === 'both' && c.owner) problems.push(`${where}: owner is only for who: neither`);
    }
  }

  const outlines = new Map(s.outlines.map((o) => [o.key, o]));
  for (const t of s.topicLocations) {
    const where = `${t.file}: topic "${t.key}"`;
    for (const [k] of findDuplicates(t.places, (p) => p.outline))
      problems.push(`${where}: outline "${k}" has more than one place`);
    for (const p of t.places) {
      const o = outlines.get(p.outline);
      if (!o) problems.push(`${where} place "${p.outline}": outline "${p.outline}" does not exist`);
      else if (!o.domains.some((d) => d.key === p.domain))
        problems.push(`${where} place "${p.outline}": outline "${p.outline}" has no domain "${p.domain}"`);
    }
  }

  for (const d of s.decks) {
    if (d.certification && !certs.has(d.certification))
      problems.push(`${d.file}: deck "${d.key}": certification "${d.certification}" is not defined in any certifications list`);
    for (const [t] of findDuplicates(d.templates, (x) => x))
      problems.push(`${d.file}: deck "${d.key}": template "${t}" is listed twice`);
  }
  if (s.decks.length === 0) problems.push('decks: no deck is defined (add a decks: list)');

  if (problems.length > 0) throw new DeckSourceError(problems);
}
