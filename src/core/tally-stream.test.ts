import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { NPS_SCALE } from './scale.js';
import { tally } from './tally.js';
import { tallyStream } from './tally-stream.js';

async function* from<T>(chunks: readonly T[]) {
  for (const chunk of chunks) yield chunk;
}

describe('tallyStream', () => {
  it('equals one tally of all the answers, chunks of any kind', async () => {
    const streamed = await tallyStream(from([[10, 9, null], new Uint8Array([3, 7]), new Float64Array([6])]), NPS_SCALE);
    expect(streamed).toEqual(tally([10, 9, null, 3, 7, 6], { scale: NPS_SCALE }));
  });

  it('weighted chunks and plain iterables', async () => {
    const streamed = await tallyStream([{ answers: [10, 0], weights: [2, 0.5] }, [9]], NPS_SCALE);
    expect(streamed.sumWeights[10]).toBe(2);
    expect(streamed.sumWeights[0]).toBe(0.5);
    expect(streamed.n).toBe(3);
  });

  it('indices count across chunks, in errors and in rejected answers', async () => {
    await expect(tallyStream(from([[10, 9], [8, 11]]), NPS_SCALE)).rejects.toMatchObject({ issues: [{ code: 'out_of_range', path: [3] }] });
    const skipped = await tallyStream(from([[10, 'x' as never], [8, 11]]), NPS_SCALE, { invalid: 'skip' });
    expect(skipped.rejected.map((rejection) => rejection.index)).toEqual([1, 3]);
  });

  it('a chunk that is not answers is refused with its position', async () => {
    const error = await tallyStream(from([[10], 'nine' as never]), NPS_SCALE).catch((caught: unknown) => caught);
    expect(issuesOf(() => {
      throw error;
    })).toEqual([{ code: 'invalid_type', path: ['chunks', 1] }]);
  });

  it('property: any chunking of the same answers gives the same tally', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null)), { maxLength: 20 }), { maxLength: 10 }), async (chunks) => {
        expect(await tallyStream(from(chunks), NPS_SCALE)).toEqual(tally(chunks.flat(), { scale: NPS_SCALE }));
      }),
    );
  });
});
