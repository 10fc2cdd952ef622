import { describe, expect, it } from 'vitest';
import { CSAT_SCALE, NPS_SCALE } from './scale.js';
import { tally } from './tally.js';
import { tallyFromCounts } from './tally-from-counts.js';

describe('tallyFromCounts', () => {
  it('equals the tally of the answers it counts, from an array or an object', () => {
    const answers = [5, 5, 4, 1];
    expect(tallyFromCounts(CSAT_SCALE, [1, 0, 0, 1, 2])).toEqual(tally(answers, { scale: CSAT_SCALE }));
    expect(tallyFromCounts(CSAT_SCALE, { 5: 2, 4: 1, 1: 1 })).toEqual(tally(answers, { scale: CSAT_SCALE }));
  });

  it('records missing answers', () => {
    expect(tallyFromCounts(NPS_SCALE, { 10: 1 }, { missing: 4 })).toMatchObject({ n: 1, missing: 4 });
  });

  it('refuses bad counts, points off the scale and wrong lengths', () => {
    expect(() => tallyFromCounts(CSAT_SCALE, [1, 2, 3])).toThrow(/one entry per point of 1–5 \(5\), got 3/);
    expect(() => tallyFromCounts(CSAT_SCALE, { 6: 1 })).toThrow(/"6" is not a point of the scale 1–5/);
    expect(() => tallyFromCounts(CSAT_SCALE, [1, 2, 3, 4, 1.5])).toThrow(/counts\[4\]: must be an integer, got 1.5/);
    expect(() => tallyFromCounts(CSAT_SCALE, [1, 2, 3, 4, -1])).toThrow(/at least 0/);
    expect(() => tallyFromCounts(CSAT_SCALE, [1, 0, 0, 0, 0], { missing: -1 })).toThrow(/missing/);
  });
});
