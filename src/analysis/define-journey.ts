import { groupText } from '../core/internal/group-keys.js';
import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { parseWith } from '../core/internal/parse-options.js';

/** A touchpoint as written by the user. */
export interface TouchpointDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  /** Relative weight in the stage's touchpoint index (default 1). */
  readonly weight?: number | undefined;
}

/** A journey stage as written by the user. */
export interface StageDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  /** Relative weight in the journey index (default 1). */
  readonly weight?: number | undefined;
  readonly touchpoints?: readonly TouchpointDefinition[] | undefined;
}

/** What {@link defineJourney} accepts: the stages in journey order. */
export interface JourneyDefinition {
  readonly stages: readonly StageDefinition[];
}

export interface Touchpoint extends TouchpointDefinition {
  readonly label: string;
  readonly weight: number;
}

export interface Stage extends StageDefinition {
  readonly label: string;
  readonly weight: number;
  readonly touchpoints: readonly Touchpoint[];
}

/** A checked journey with its defaults filled in; itself a valid definition. */
export interface Journey extends JourneyDefinition {
  readonly stages: readonly Stage[];
}

const weightSchema = z.number().check(z.gte(0));
const idSchema = z.string().check(z.minLength(1));

const journeySchema = z.strictObject({
  stages: z
    .array(
      z.strictObject({
        id: idSchema,
        label: z.optional(z.string()),
        weight: z.optional(weightSchema),
        touchpoints: z.optional(z.array(z.strictObject({ id: idSchema, label: z.optional(z.string()), weight: z.optional(weightSchema) }))),
      }),
    )
    .check(z.minLength(1)),
});

/**
 * Checks a customer journey: stages in order, each with optional touchpoints, labels and
 * non-negative weights (default 1). Stage ids are unique in the journey, touchpoint ids
 * within their stage, and at least one stage weighs more than 0.
 *
 * @throws {CxValidationError} naming the exact place of each mistake.
 * @example
 * ```ts
 * const journey = defineJourney({
 *   stages: [
 *     { id: 'purchase', weight: 2, touchpoints: [{ id: 'web' }, { id: 'store' }] },
 *     { id: 'aftercare' },
 *   ],
 * });
 * journey.stages[1]?.weight; // 1
 * journey.stages[0]?.touchpoints.length; // 2
 * ```
 */
export function defineJourney(definition: JourneyDefinition): Journey {
  const parsed = parseWith(journeySchema, definition);
  const stageIds = new Set<string>();
  const stages = parsed.stages.map((stage, s): Stage => {
    // Ids are matched as group text (NFC, trimmed): "purchase" and "purchase " are one id.
    if (stageIds.has(groupText(stage.id))) fail('invalid_option', ['stages', s, 'id'], `the stage id ${JSON.stringify(stage.id)} is used twice`);
    stageIds.add(groupText(stage.id));
    const touchpointIds = new Set<string>();
    const touchpoints = (stage.touchpoints ?? []).map((touchpoint, t): Touchpoint => {
      if (touchpointIds.has(groupText(touchpoint.id))) {
        fail('invalid_option', ['stages', s, 'touchpoints', t, 'id'], `the touchpoint id ${JSON.stringify(touchpoint.id)} is used twice in stage ${JSON.stringify(stage.id)}`);
      }
      touchpointIds.add(groupText(touchpoint.id));
      return Object.freeze({ id: touchpoint.id, label: touchpoint.label ?? touchpoint.id, weight: touchpoint.weight ?? 1 });
    });
    return Object.freeze({ id: stage.id, label: stage.label ?? stage.id, weight: stage.weight ?? 1, touchpoints: Object.freeze(touchpoints) });
  });
  if (!stages.some((stage) => stage.weight > 0)) fail('invalid_option', ['stages'], 'at least one stage needs a positive weight');
  return Object.freeze({ stages: Object.freeze(stages) });
}
