import * as z from 'zod/mini';
import { answerRules } from './options.js';
import { checkScale, type Scale } from './scale.js';

/**
 * A zod/mini schema that accepts exactly the answer arrays `tally` accepts on a scale without
 * throwing: integer points of the scale, `null`, `undefined`, and the `notApplicable` codes;
 * no holes in sparse arrays. For validating a payload at an API boundary with the same rules;
 * the library itself never parses answers one by one with zod (its own loop is about 15×
 * faster, see bench/). A property test checks both agree on every input.
 *
 * @throws {CxValidationError} for a bad scale or `notApplicable` codes that are scale points.
 * @example
 * ```ts
 * const schema = answersSchema(NPS_SCALE, { notApplicable: [-1] });
 * schema.safeParse([10, 0, null, -1]).success; // true
 * schema.safeParse([10, 11]).success; // false
 * ```
 */
export function answersSchema(scale: Scale, options: { readonly notApplicable?: readonly number[] | undefined } = {}) {
  const checked = checkScale(scale);
  const rules = answerRules(checked, options);
  const codes = [...(rules.notApplicable ?? [])];
  const point = z.int().check(z.gte(checked.min), z.lte(checked.max));
  const answer = codes.length > 0 ? z.union([point, z.null(), z.undefined(), z.literal(codes)]) : z.union([point, z.null(), z.undefined()]);
  // Holes are looked for in the input: the array zod outputs has them filled with undefined.
  const noHoles = z.unknown().check((ctx) => {
    if (!Array.isArray(ctx.value)) return;
    for (let i = 0; i < ctx.value.length; i++) {
      if (!(i in ctx.value)) ctx.issues.push({ code: 'custom', input: ctx.value, path: [i], message: 'empty slot in a sparse array' });
    }
  });
  return z.pipe(noHoles, z.array(answer));
}
