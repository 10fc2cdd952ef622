import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { parseWith } from '../core/internal/parse-options.js';
import { scaleSchema, type Scale } from '../core/scale.js';

/** How a criterion is answered: yes/no, a point of a scale, or one of named options. */
export type CriterionAnswerType = 'yes-no' | { readonly scale: Scale } | { readonly options: Readonly<Record<string, number>> };

/** A criterion as written by the user; {@link defineScorecard} fills in the defaults. */
export interface CriterionDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  /** Full points (default 1; for options, the highest option's points). */
  readonly points?: number | undefined;
  readonly answer: CriterionAnswerType;
  /** Earning nothing here fails the visit. */
  readonly critical?: boolean | undefined;
  /** Adds to earned only, never to possible. */
  readonly bonus?: boolean | undefined;
  /** Leaving it unanswered is an error (or 0 points with `unanswered: 'zero'`). */
  readonly required?: boolean | undefined;
}

/** A section as written by the user: criteria that are scored together (and weighed together, with weights). */
export interface SectionDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  /** Relative weight of the section's score; give every section one, or none. */
  readonly weight?: number | undefined;
  readonly criteria: readonly CriterionDefinition[];
}

/** What {@link defineScorecard} accepts. */
export interface ScorecardDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  readonly sections: readonly SectionDefinition[];
  /** Lowest passing score in percent; without it a visit passes when no critical criterion fails. */
  readonly passThreshold?: number | undefined;
  /** `'flag'` (default): a failed critical criterion fails the visit; `'zero'`: and its score is 0. */
  readonly criticalPolicy?: 'zero' | 'flag' | undefined;
}

/** A checked criterion with every default filled in. */
export interface Criterion extends CriterionDefinition {
  readonly id: string;
  readonly label: string;
  readonly points: number;
  readonly answer: CriterionAnswerType;
  readonly critical: boolean;
  readonly bonus: boolean;
  readonly required: boolean;
}

/** A checked section with its defaults filled in. */
export interface Section extends SectionDefinition {
  readonly label: string;
  /** Absent when the card weighs sections by their points. */
  readonly weight?: number | undefined;
  readonly criteria: readonly Criterion[];
}

/**
 * A checked, frozen scorecard with its defaults filled in: the output of
 * {@link defineScorecard}, and itself a valid definition (defining it again changes nothing).
 */
export interface Scorecard extends ScorecardDefinition {
  readonly label: string;
  readonly sections: readonly Section[];
  readonly criticalPolicy: 'zero' | 'flag';
}

/** The answer that means "does not apply to this visit" for every kind of criterion. */
export const NOT_APPLICABLE = 'n/a';

const idSchema = z.string().check(z.minLength(1));
const pointsSchema = z.number().check(z.gte(0));

const answerTypeSchema = z.union([
  z.literal('yes-no'),
  z.strictObject({ scale: scaleSchema }),
  z.strictObject({ options: z.record(z.string(), pointsSchema) }),
]);

const criterionSchema = z.strictObject({
  id: idSchema,
  label: z.optional(z.string()),
  points: z.optional(pointsSchema),
  answer: answerTypeSchema,
  critical: z.optional(z.boolean()),
  bonus: z.optional(z.boolean()),
  required: z.optional(z.boolean()),
});

const scorecardSchema = z.strictObject({
  id: idSchema,
  label: z.optional(z.string()),
  sections: z.array(
    z.strictObject({
      id: idSchema,
      label: z.optional(z.string()),
      weight: z.optional(pointsSchema),
      criteria: z.array(criterionSchema).check(z.minLength(1)),
    }),
  ).check(z.minLength(1)),
  passThreshold: z.optional(z.number().check(z.gte(0), z.lte(100))),
  criticalPolicy: z.optional(z.enum(['zero', 'flag'])),
});

type CriterionInput = z.infer<typeof criterionSchema>;

/** Full points of a criterion: as given, else 1, else (for options) the best option. */
function checkCriterion(criterion: CriterionInput, path: (string | number)[]): Criterion {
  const { answer } = criterion;
  let points = criterion.points ?? 1;
  if (typeof answer === 'object' && 'options' in answer) {
    const labels = Object.keys(answer.options);
    if (labels.length === 0) fail('invalid_option', [...path, 'answer', 'options'], 'needs at least one option');
    if (labels.includes(NOT_APPLICABLE)) fail('invalid_option', [...path, 'answer', 'options', NOT_APPLICABLE], `"${NOT_APPLICABLE}" is reserved for "not applicable"`);
    const best = Math.max(...Object.values(answer.options));
    if (criterion.points === undefined) points = best;
    else if (best > points) {
      fail('invalid_option', [...path, 'points'], `an option is worth ${best} points, more than the criterion's ${points}`);
    }
  }
  if (criterion.bonus && criterion.critical) fail('invalid_option', [...path, 'critical'], 'a bonus criterion cannot also be critical');
  return Object.freeze({
    id: criterion.id,
    label: criterion.label ?? criterion.id,
    points,
    answer: Object.freeze(answer),
    critical: criterion.critical ?? false,
    bonus: criterion.bonus ?? false,
    required: criterion.required ?? false,
  });
}

/**
 * Checks a mystery-shopping scorecard and fills in its defaults: criterion points 1 (for
 * named options, the best option), flags false, critical policy `'flag'`. Section and
 * criterion ids must be unique (criterion ids across the whole card, since visits answer
 * by criterion id); points, weights and option points non-negative; section weights given
 * for every section or for none.
 *
 * @throws {CxValidationError} naming the exact place of each mistake.
 * @example
 * ```ts
 * const card = defineScorecard({
 *   id: 'store-visit',
 *   sections: [{ id: 'welcome', criteria: [{ id: 'greeted', answer: 'yes-no', points: 2 }] }],
 *   passThreshold: 80,
 * });
 * card.sections[0]?.criteria[0]?.required; // false
 * card.criticalPolicy; // 'flag'
 * ```
 */
export function defineScorecard(definition: ScorecardDefinition): Scorecard {
  const parsed = parseWith(scorecardSchema, definition);
  const sectionIds = new Set<string>();
  const criterionIds = new Set<string>();
  const weighted = parsed.sections.filter((section) => section.weight !== undefined).length;
  if (weighted > 0 && weighted < parsed.sections.length) {
    const unweighted = parsed.sections.findIndex((section) => section.weight === undefined);
    fail('invalid_option', ['sections', unweighted, 'weight'], 'give every section a weight, or none (then sections count by their points)');
  }
  const sections = parsed.sections.map((section, s) => {
    if (sectionIds.has(section.id)) fail('invalid_option', ['sections', s, 'id'], `the section id ${JSON.stringify(section.id)} is used twice`);
    sectionIds.add(section.id);
    const criteria = section.criteria.map((criterion, c) => {
      const path = ['sections', s, 'criteria', c];
      if (criterionIds.has(criterion.id)) fail('invalid_option', [...path, 'id'], `the criterion id ${JSON.stringify(criterion.id)} is used twice`);
      criterionIds.add(criterion.id);
      return checkCriterion(criterion, path);
    });
    const checked: Section = { id: section.id, label: section.label ?? section.id, criteria: Object.freeze(criteria) };
    return Object.freeze(section.weight === undefined ? checked : { ...checked, weight: section.weight });
  });
  const card: Scorecard = { id: parsed.id, label: parsed.label ?? parsed.id, sections: Object.freeze(sections), criticalPolicy: parsed.criticalPolicy ?? 'flag' };
  return Object.freeze(parsed.passThreshold === undefined ? card : { ...card, passThreshold: parsed.passThreshold });
}
