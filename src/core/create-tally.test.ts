import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caught } from '../../test/validation.js';
import { CxValidationError } from './errors.js';
import { createTally } from './create-tally.js';
import { CSAT_SCALE, NPS_SCALE } from './scale.js';
import { tally } from './tally.js';

describe('createTally', () => {
  it('one at a time, in batches and by merging gives the one-pass tally', () => {
    const answer = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null), fc.constant(12));
    fc.assert(
      fc.property(fc.array(answer), fc.array(answer), fc.array(answer), (singles, batch, merged) => {
        const running = createTally(NPS_SCALE, { invalid: 'skip' });
        for (const a of singles) running.add(a);
        running.addAll(batch).merge(tally(merged, { scale: NPS_SCALE, invalid: 'skip' }));
        expect(running.result()).toEqual(tally([...singles, ...batch, ...merged], { scale: NPS_SCALE, invalid: 'skip' }));
      }),
    );
  });

  it('takes weights per answer and per batch', () => {
    const running = createTally(CSAT_SCALE).add(5, 2).add(4).addAll([5, 1], [0.5, 3]);
    // point 5: 2 + 0.5 = 2.5 (Σw² 4 + 0.25); point 4: 1; point 1: 3 (Σw² 9).
    expect(running.result()).toMatchObject({ n: 4, sumWeights: [3, 0, 0, 1, 2.5], sumSquaredWeights: [9, 0, 0, 1, 4.25] });
  });

  it('hands out snapshots that later additions do not change', () => {
    const running = createTally(CSAT_SCALE).add(5);
    const before = running.result();
    running.add(4);
    expect(before.n).toBe(1);
    expect(running.result().n).toBe(2);
  });

  it('throws at the position in the stream, and a refused batch adds nothing', () => {
    const running = createTally(CSAT_SCALE).addAll([1, 2, 3]);
    expect(() => running.add(9)).toThrow(CxValidationError);
    // The batch started at position 3 (9 was refused, so it took no position), 7 is its second answer.
    expect(caught(() => running.addAll([4, 7])).issues[0]!.path).toEqual([4]);
    expect(running.result().n).toBe(3);
    expect(() => running.add(1, -1)).toThrow(/weight must be 0 or a number from 1e-100 to 1e100, got -1/);
  });

  it('lists skipped answers at their stream positions', () => {
    const running = createTally(CSAT_SCALE, { invalid: 'skip', notApplicable: [0] });
    running.add(0).add(6).addAll([1, 'x' as never]);
    expect(running.result()).toMatchObject({ n: 1, missing: 1, invalid: 2 });
    expect(running.result().rejected.map((r) => r.index)).toEqual([1, 3]);
  });

  it('refuses tallies of another scale and unknown options', () => {
    expect(() => createTally(CSAT_SCALE).merge(tally([1], { scale: NPS_SCALE }))).toThrow(/cannot merge/);
    expect(() => createTally(CSAT_SCALE, { weights: [1] } as never)).toThrow(/unknown option "weights"/);
  });
});
