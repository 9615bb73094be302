/**
 * Zod schemas for the deck sources in `decks/*.yaml`, and the translation of zod issues into
 * messages that name the file and the item ("decks/x.yaml: outline "a" domain "d3": ...").
 *
 * Pure: no Node APIs, so it can run anywhere (it only runs at build time today).
 */
import { z } from 'zod';

const KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** Deck sources are rendered as Markdown; raw HTML is never allowed in them. */
const HTML_PATTERN = /<\/?[a-zA-Z!?]/;

export const keySchema = z
  .string()
  .regex(KEY_PATTERN, { message: 'must be lower-case letters, digits and dashes (e.g. "d3", "firewall-acls")' });

export const textSchema = z
  .string()
  .trim()
  .min(1)
  .refine((s) => !HTML_PATTERN.test(s), { message: 'must not contain HTML tags (use Markdown)' });

export const certificationIdSchema = z.enum(['cism', 'cissp']);

const percentSchema = z.number().min(0).max(100);
const positiveInt = z.number().int().min(1);

export const certificationSchema = z.strictObject({
  key: certificationIdSchema,
  acronym: textSchema,
  expansion: textSchema,
  awardingBody: z.strictObject({
    name: textSchema,
    longName: textSchema,
    otherNames: z.array(textSchema).optional(),
    note: textSchema.optional(),
  }),
  focus: textSchema,
  managerial: z.strictObject({ percent: percentSchema, summary: textSchema }),
  domainCount: positiveInt,
  domainCountNote: textSchema.optional(),
  exam: z.strictObject({
    format: textSchema,
    questions: z.strictObject({ min: positiveInt, max: positiveInt }),
    durationHours: z.number().positive(),
    passingScore: positiveInt,
    scoreScaleMax: positiveInt,
    scoreNote: textSchema.optional(),
    /** Which outline these exam facts belong to, and what may have changed since: on the back of the question, duration and pass-mark cards. */
    versionNote: textSchema.optional(),
  }),
  experience: z.strictObject({ years: positiveInt, summary: textSchema }),
});

export const subtopicSchema = z.strictObject({
  key: keySchema,
  name: textSchema,
  details: textSchema.optional(),
  /** The official number of the sub-domain or topic, e.g. "3.2" (CISSP) or "2B1" (CISM). Facts name it in `ref`. */
  code: z.string().regex(/^[0-9]+(\.[0-9]+|[A-Z][0-9]+)$/, { message: 'must be an outline number such as "3.2" or "2B1"' }),
  /** How many bullets the official outline lists under it (0 when none); facts name one in `item`. */
  items: z.number().int().min(0).optional(),
});

export const partSchema = z.strictObject({
  key: z.string().regex(/^[a-z]$/, { message: 'must be a single lower-case letter (a, b, ...)' }),
  name: textSchema,
  subtopics: z.array(subtopicSchema).min(1),
});

export const domainSchema = z.strictObject({
  key: keySchema,
  number: positiveInt,
  name: textSchema,
  weight: percentSchema.optional(),
  formerWeights: z.array(z.strictObject({ year: positiveInt, weight: percentSchema })).optional(),
  nameVersions: z
    .array(z.strictObject({ key: keySchema, name: textSchema, source: textSchema }))
    .optional(),
  subtopics: z.array(subtopicSchema).min(1).optional(),
  parts: z.array(partSchema).min(1).optional(),
});

export const outlineSchema = z.strictObject({
  key: keySchema,
  certification: certificationIdSchema,
  title: textSchema,
  /** Reads well after "In ...", e.g. "the CISSP 2024 exam outline". */
  label: textSchema,
  effective: textSchema.optional(),
  note: textSchema.optional(),
  domains: z.array(domainSchema).min(1),
});

export const whoSchema = z.enum(['cism', 'cissp', 'both', 'neither']);

export const pairSchema = z.strictObject({ key: keySchema, topic: textSchema });

/** "cissp-2024:3.2" or "cism-2022:2B1": an outline key and the code of one of its sub-domains or topics. */
export const refSchema = z
  .string()
  .regex(/^[a-z0-9-]+:[0-9]+(\.[0-9]+|[A-Z][0-9]+)$/, {
    message: 'must name an outline item such as "cissp-2024:3.2" or "cism-2022:2B1"',
  });

export const contrastSchema = z.strictObject({
  key: keySchema,
  pair: keySchema,
  ref: refSchema,
  who: whoSchema,
  activity: textSchema,
  why: textSchema,
  /** For cism/cissp: the contrast on the other side of the same area (mutual). */
  counterpart: keySchema.optional(),
  /** For neither: the business role that does own the task. */
  owner: textSchema.optional(),
  /** The managerial FIRST/BEST angle a CISSP question expects, where there is one. */
  managerView: textSchema.optional(),
});

const factBase = {
  key: keySchema,
  ref: refSchema,
  source: textSchema.optional(),
};

export const conceptSchema = z.strictObject({
  ...factBase,
  /** 1-based position of the outline bullet the concept teaches, within its sub-domain. */
  item: positiveInt.optional(),
  /** Concepts of one group are each other's distractors first. */
  group: keySchema.optional(),
  /** Concepts always among its wrong options: the ones a learner must tell it apart from. */
  contrastsWith: z.array(keySchema).min(1).optional(),
  /** Concepts never among its wrong options, nor it among theirs: so close that either answer could be defended. */
  overlapsWith: z.array(keySchema).min(1).optional(),
  term: textSchema,
  definition: textSchema,
  tell: textSchema.optional(),
  example: textSchema.optional(),
  scenario: textSchema.optional(),
});

export const sequenceSchema = z.strictObject({
  ...factBase,
  name: textSchema,
  steps: z.array(textSchema).min(3).max(9),
  note: textSchema.optional(),
});

export const confusableSchema = z.strictObject({
  ...factBase,
  topic: textSchema,
  members: z.array(z.strictObject({ term: textSchema, tell: textSchema })).min(2).max(6),
  note: textSchema.optional(),
});

export const formulaSchema = z.strictObject({
  ...factBase,
  name: textSchema,
  formula: textSchema,
  explanation: textSchema,
  problem: textSchema,
  answer: textSchema,
});

export const topicLocationSchema = z.strictObject({
  key: keySchema,
  topic: textSchema,
  summary: textSchema,
  places: z
    .array(z.strictObject({ outline: keySchema, domain: keySchema, how: textSchema }))
    .min(1),
});

export const deckSchema = z.strictObject({
  key: keySchema,
  name: textSchema,
  description: textSchema,
  certification: certificationIdSchema.optional(),
  /** Limits the deck to the knowledge cards of one domain, e.g. "cissp-2024/3". */
  domain: z.string().regex(/^[a-z0-9-]+\/[0-9]+$/, { message: 'must name a domain such as "cissp-2024/3"' }).optional(),
  templates: z.array(keySchema).min(1),
});

/** One YAML file: any combination of these sections; anything else is a typo. */
export const sourceFileSchema = z.strictObject({
  certifications: z.array(certificationSchema).min(1).optional(),
  outlines: z.array(outlineSchema).min(1).optional(),
  pairs: z.array(pairSchema).min(1).optional(),
  contrasts: z.array(contrastSchema).min(1).optional(),
  topicLocations: z.array(topicLocationSchema).min(1).optional(),
  decks: z.array(deckSchema).min(1).optional(),
  concepts: z.array(conceptSchema).min(1).optional(),
  sequences: z.array(sequenceSchema).min(1).optional(),
  confusables: z.array(confusableSchema).min(1).optional(),
  formulas: z.array(formulaSchema).min(1).optional(),
});

export type Certification = z.infer<typeof certificationSchema>;
export type Subtopic = z.infer<typeof subtopicSchema>;
export type Part = z.infer<typeof partSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Outline = z.infer<typeof outlineSchema>;
export type Who = z.infer<typeof whoSchema>;
export type ContrastPair = z.infer<typeof pairSchema>;
export type Contrast = z.infer<typeof contrastSchema>;
export type TopicLocation = z.infer<typeof topicLocationSchema>;
export type DeckDef = z.infer<typeof deckSchema>;
export type Concept = z.infer<typeof conceptSchema>;
export type Sequence = z.infer<typeof sequenceSchema>;
export type Confusable = z.infer<typeof confusableSchema>;
export type Formula = z.infer<typeof formulaSchema>;
export type SourceFile = z.infer<typeof sourceFileSchema>;

export const SECTION_NAMES = Object.keys(sourceFileSchema.shape) as (keyof SourceFile)[];

/** How an array field's elements are called in messages. */
const ITEM_NAMES: Record<string, string> = {
  certifications: 'certification',
  outlines: 'outline',
  domains: 'domain',
  parts: 'part',
  subtopics: 'sub-topic',
  nameVersions: 'name version',
  formerWeights: 'former weight',
  pairs: 'pair',
  contrasts: 'contrast',
  topicLocations: 'topic',
  places: 'place',
  decks: 'deck',
  templates: 'template',
  otherNames: 'other name',
  concepts: 'concept',
  sequences: 'sequence',
  confusables: 'confusable',
  formulas: 'formula',
  members: 'member',
  steps: 'step',
};

/** Describes an item by its key when it has one: `domain "d3"`, else by position: `domain #3`. */
export function itemLabel(arrayName: string, index: number, item: unknown): string {
  const name = ITEM_NAMES[arrayName] ?? arrayName;
  if (item && typeof item === 'object') {
    const rec = item as Record<string, unknown>;
    for (const field of ['key', 'outline']) {
      const v = rec[field];
      if (typeof v === 'string' && v.length > 0) return `${name} "${v}"`;
    }
  }
  return `${name} #${index + 1}`;
}

/** Splits a zod path into the item chain (`outline "x" domain "d3"`) and the field (`weight`). */
export function describePath(path: readonly PropertyKey[], data: unknown): { item: string; field: string } {
  const items: string[] = [];
  let field: string[] = [];
  let current: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const next = path[i + 1];
    if (typeof seg === 'string' && typeof next === 'number') {
      const arr = current && typeof current === 'object' ? (current as Record<string, unknown>)[seg] : undefined;
      const element = Array.isArray(arr) ? arr[next] : undefined;
      items.push(itemLabel(seg, next, element));
      field = [];
      current = element;
      i++;
      continue;
    }
    field.push(String(seg));
    current = current && typeof current === 'object' ? (current as Record<string, unknown>)[String(seg)] : undefined;
  }
  return { item: items.join(' '), field: field.join('.') };
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a text',
  array: 'a list',
  object: 'a mapping of fields',
  boolean: 'true or false',
};

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** The raw value at a zod path (zod does not report inputs by default). */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const seg of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[seg];
  }
  return current;
}

/** Turns one zod issue into "item: field problem" (without the file). */
export function issueMessage(issue: z.core.$ZodIssue, data: unknown): string {
  const { item, field } = describePath(issue.path, data);
  const input = valueAt(data, issue.path);
  const subject = field || 'value';
  let problem: string;
  switch (issue.code) {
    case 'invalid_type':
      problem =
        input === undefined
          ? `${subject} is missing`
          : `${subject} must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
      break;
    case 'unrecognized_keys':
      problem = `unknown field${issue.keys.length > 1 ? 's' : ''} ${quoteList(issue.keys)}${
        field ? ` in ${field}` : ''
      } (a typo?)`;
      break;
    case 'invalid_value':
      problem = `${subject} must be one of ${quoteList(issue.values)}${
        input !== undefined ? ` (got ${JSON.stringify(input)})` : ''
      }`;
      break;
    case 'too_small':
      if (issue.origin === 'string') problem = `${subject} must not be empty`;
      else if (issue.origin === 'array') problem = `${subject} must have at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      else problem = `${subject} must be ${issue.inclusive === false ? 'more than' : 'at least'} ${issue.minimum}`;
      break;
    case 'too_big':
      problem = `${subject} must be ${issue.inclusive === false ? 'less than' : 'at most'} ${issue.maximum}`;
      break;
    case 'invalid_format':
    case 'custom':
      problem = `${subject} ${issue.message}`;
      break;
    default:
      problem = `${subject}: ${issue.message}`;
  }
  return item ? `${item}: ${problem}` : problem;
}
