/**
 * The closed loop against R survival (3.4, R 4.2.2) and by hand. R:
 *   library(survival); f <- survfit(Surv(c(1,2,2,3,4,4), c(1,1,1,0,1,1)) ~ 1)
 *   summary(f)  # times 1, 2, 4: survival 0.8333, 0.5, 0; lower 0.58265, 0.22463; upper 1, 1
 *   quantile(f, c(.25, .5, .75))  # 2, 3, 4; lower 1, 2, 2; upper NA, NA, NA
 */
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { closedLoop } from './closed-loop.js';

const at = (hours: number) => new Date(Date.UTC(2026, 2, 2, 9) + hours * 3_600_000).toISOString();

// Contacted after 1, 2, 2, 4 and 4 hours; one case opened an hour later and not contacted by the latest time (4 h): censored at 3 h.
const cases = [
  { id: 'a', opened: at(0), contacted: at(1), store: 'Kamppi' },
  { id: 'b', opened: at(0), contacted: at(2), store: 'Kamppi' },
  { id: 'c', opened: at(0), contacted: at(2), store: 'Itis' },
  { id: 'd', opened: at(1), contacted: null, store: 'Itis' },
  { id: 'e', opened: at(0), contacted: at(4), store: 'Itis' },
  { id: 'f', opened: at(0), contacted: at(4), store: 'Kamppi' },
];

describe('closedLoop', () => {
  it('time to contact: the Kaplan–Meier curve, median and quartiles with their intervals as R survfit', () => {
    const loop = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: '2h' });
    expect(loop.asOf).toBe(at(4));
    const curve = loop.contact!.curve;
    expect(curve.map((step) => [step.time, step.atRisk, step.events])).toEqual([[1, 6, 1], [2, 5, 2], [4, 2, 2]]);
    expect(curve[0]!.survival).toBeCloseTo(5 / 6, 12);
    expect(curve[0]!.lower).toBeCloseTo(0.5826547955, 9);
    expect(curve[1]!.lower).toBeCloseTo(0.2246303478, 9);
    expect([curve[2]!.survival, curve[2]!.lower, curve[2]!.upper]).toEqual([0, null, null]);
    // The median: the curve is exactly 0.5 from 2 h to 4 h, so the midpoint, 3 h.
    expect(loop.contact!.median).toEqual({ estimate: 3, lower: 2, upper: null });
    expect(loop.contact!.quartiles).toEqual({ first: { estimate: 2, lower: 1, upper: null }, third: { estimate: 4, lower: 2, upper: null } });
  });

  it('the SLA: within (3 by 2 h), missed (2 at 4 h, and the open case past 2 h): 50 %, Wilson interval; per group', () => {
    const loop = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: 2, by: 'store' });
    expect([loop.withinSla.within, loop.withinSla.missed, loop.withinSla.pending, loop.withinSla.share]).toEqual([3, 3, 0, 50]);
    // Wilson for 3 of 6 at 95 %: (0.5 ± 1.96·√(0.25/6 + 1.96²/144))/(1 + 1.96²/6) = 0.1876, 0.8124.
    expect(loop.withinSla.interval!.lower).toBeCloseTo(18.76, 2);
    expect(loop.withinSla.interval!.upper).toBeCloseTo(81.24, 2);
    expect(loop.groups!.map((group) => [group.key, group.withinSla.within, group.withinSla.missed])).toEqual([['Kamppi', 2, 1], ['Itis', 1, 2]]);
    // With asOf at 3 h the open case has been open 2 h: not past the SLA, pending; the two
    // contacted at 4 h were not contacted yet then, open 3 h: missed.
    const earlier = closedLoop(cases, { id: 'id', opened: 'opened', contacted: 'contacted', sla: '2h', asOf: at(3) });
    expect([earlier.withinSla.within, earlier.withinSla.missed, earlier.withinSla.pending]).toEqual([3, 2, 1]);
  });

  it('bad cases name the row: a duplicate id, contact before opening, times with and without a zone, a bad SLA', () => {
    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(CxValidationError);
        return [(error as CxValidationError).issues[0]!.code, (error as CxValidationError).issues[0]!.path];
      }
      return null;
    };
    const options = { id: 'id', opened: 'opened', contacted: 'contacted', sla: '48h' } as const;
    expect(code(() => closedLoop([...cases, { ...cases[0]!, id: 'a' }], options))).toEqual(['duplicate_id', [6, 'id']]);
    expect(code(() => closedLoop([{ id: 1, opened: at(2), contacted: at(1) }], options))).toEqual(['invalid_date', [0, 'contacted']]);
    expect(code(() => closedLoop([{ id: 1, opened: '2026-03-02T09:00', contacted: at(1) }], options))).toEqual(['invalid_date', [0, 'contacted']]);
    expect(code(() => closedLoop(cases, { ...options, sla: 'two days' }))).toEqual(['invalid_option', ['sla']]);
  });
});
