import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersSchema } from './answers-schema.js';
import { CSAT_SCALE, NPS_SCALE } from './scale.js';
import { tally } from './tally.js';

const accepts = (run: () => unknown) => {
  try {
    run();
    return true;
  } catch {
    return false;
  }
};

const value = fc.oneof(
  fc.integer({ min: -3, max: 13 }),
  fc.double({ min: -3, max: 13 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0.5, 99),
  fc.constantFrom(null, undefined, '9', '', true, false, 9n, {}, [] as unknown),
);

describe('answersSchema', () => {
  it('accepts and rejects exactly what the fast path of tally does', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(value, { maxLength: 30 }), fc.sparseArray(value, { maxLength: 30 })),
        fc.constantFrom(NPS_SCALE, CSAT_SCALE, { min: -2, max: 2 }),
        fc.constantFrom<number[] | undefined>(undefined, [99], [-3, 0.5]),
        (answers, scale, notApplicable) => {
          const codes = notApplicable?.filter((code) => !(Number.isInteger(code) && code >= scale.min && code <= scale.max));
          const options = codes === undefined ? {} : { notApplicable: codes };
          const fast = accepts(() => tally(answers as number[], { scale, ...options }));
          expect(answersSchema(scale, options).safeParse(answers).success).toBe(fast);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the failing index like tally does', () => {
    const result = answersSchema(NPS_SCALE).safeParse([10, 3.5]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([1]);
  });
});
