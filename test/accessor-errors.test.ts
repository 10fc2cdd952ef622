/**
 * Exceptions thrown by the caller's own getters and accessors come back as a
 * CxValidationError naming the row and the field, with the original error as `cause`
 * (under `invalid: 'skip'` too: an exception is not an answer to skip). Before, they
 * escaped bare, with no row and no field.
 */
import { describe, expect, it } from 'vitest';
import { defineJourney, defineScorecard, followUps, journeyReport, keyDrivers, satisfactionIndex, scorecardReport, scoreVisit, summarize, summarizeStream, trend } from '../src/index.js';
import { caught } from './validation.js';

const boom = new RangeError('no such answer');
const throws = () => {
  throw boom;
};
/** Rows 0 and 2 are plain; row 1 has a getter on `field` that throws. */
function rowsWithGetter(field: string): Record<string, unknown>[] {
  const plain = { stage: 'buy', at: '2026-01-05', q: 9, s: 4, w: 1, id: 'a', g: 'x' };
  const bad: Record<string, unknown> = { ...plain, id: 'b' };
  Object.defineProperty(bad, field, { get: throws, enumerable: true });
  return [plain, bad, { ...plain, id: 'c' }];
}

function expectReadFailure(work: () => unknown, path: readonly (string | number)[]) {
  const error = caught(work);
  expect(error.issues.map(({ code, path }) => ({ code, path }))).toEqual([{ code: 'read_failed', path }]);
  expect(error.issues[0]!.message).toBe(`${path.length > 1 ? `reading the field ${JSON.stringify(path[1])}` : 'reading the row'} threw RangeError: no such answer`);
  expect(error.cause).toBe(boom);
  expect(error.issues[0]!.cause).toBe(boom);
}

describe('a getter or accessor that throws', () => {
  it.each(['throw', 'skip'] as const)('summarize names row and field (invalid: %s)', (invalid) => {
    expectReadFailure(() => summarize(rowsWithGetter('q'), { nps: 'q', invalid }), [1, 'q']);
    expectReadFailure(() => summarize(rowsWithGetter('g'), { by: 'g', nps: 'q', invalid }), [1, 'g']);
    expectReadFailure(() => summarize(rowsWithGetter('w'), { nps: 'q', weight: 'w', invalid }), [1, 'w']);
    const accessor = (_row: object, index: number) => (index === 2 ? throws() : 5);
    expectReadFailure(() => summarize(rowsWithGetter('x'), { csat: accessor, invalid }), [2, 'csat']);
  });

  it('summarizeStream counts rows from the start of the stream', async () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({ q: 9, i }));
    Object.defineProperty(rows[1234], 'q', { get: throws });
    const error = await summarizeStream(rows, { nps: 'q' }).catch((e: unknown) => e);
    expect((error as { issues: unknown[] }).issues).toEqual([{ code: 'read_failed', path: [1234, 'q'], message: 'reading the field "q" threw RangeError: no such answer', cause: boom }]);
  });

  it('journeyReport, trend, keyDrivers, satisfactionIndex', () => {
    const journey = defineJourney({ stages: [{ id: 'buy' }] });
    expectReadFailure(() => journeyReport(rowsWithGetter('stage'), journey, { stage: 'stage', nps: 'q' }), [1, 'stage']);
    expectReadFailure(() => journeyReport(rowsWithGetter('q'), journey, { stage: 'stage', nps: 'q', invalid: 'skip' }), [1, 'q']);
    expectReadFailure(() => trend(rowsWithGetter('at'), { at: 'at', period: 'month', nps: 'q' }), [1, 'at']);
    expectReadFailure(() => keyDrivers(rowsWithGetter('s'), { outcome: 'q', drivers: ['s'] }), [1, 's']);
    const scale = { min: 1, max: 5 };
    expectReadFailure(() => satisfactionIndex(rowsWithGetter('s'), { items: [{ field: 's', scale }] }), [1, 's']);
  });

  it('followUps: the id, an answer, and a custom rule', () => {
    expectReadFailure(() => followUps(rowsWithGetter('id'), { id: 'id', nps: 'q' }), [1, 'id']);
    expectReadFailure(() => followUps(rowsWithGetter('q'), { id: 'id', nps: 'q', invalid: 'skip' }), [1, 'q']);
    const error = caught(() => followUps(rowsWithGetter('x'), { id: 'id', rules: { custom: [{ reason: 'vip', when: (_row, index) => (index === 1 ? throws() : false) }] } }));
    expect(error.issues).toEqual([{ code: 'read_failed', path: [1, 'rules', 'custom', 0], message: 'the rule "vip" threw RangeError: no such answer', cause: boom }]);
  });

  it('scorecards: a visit whose answers or group throw', () => {
    const card = defineScorecard({ id: 'desk', sections: [{ id: 'desk', criteria: [{ id: 'smile', answer: 'yes-no' }] }] });
    const visits: Record<string, unknown>[] = [{ location: 'n', answers: { smile: 'yes' } }, { location: 's', answers: { smile: 'no' } }];
    Object.defineProperty(visits[1], 'answers', { get: throws });
    expectReadFailure(() => scorecardReport(card, visits as never, { by: 'location' }), [1, 'answers']);
    const byAccessor = (_visit: unknown, index: number) => (index === 0 ? throws() : 'x');
    expectReadFailure(() => scorecardReport(card, [{ answers: { smile: 'yes' } }], { by: byAccessor }), [0, 'by']);
    const error = caught(() => scoreVisit(card, visits[1] as never));
    expect(error.issues).toEqual([{ code: 'read_failed', path: [], message: 'reading the visit threw RangeError: no such answer', cause: boom }]);
  });
});
