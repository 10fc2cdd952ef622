/**
 * Funnel plots against FunnelPlotR's own functions (transformed_zscore, winsorisation, phi_func,
 * tau_func, OD_limits, sourced from its repository at 12ad19a) on two worked cases: ten stores'
 * CSAT and eight teams' NPS. Command and data: test/reference/funnel.R → funnel.json.
 * FunnelPlotR writes the normal quantiles as 1.959964 and 3.090232; the library uses them
 * exactly, so limits agree to 1e-6 (3.090232 is 3e-7 short).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { funnelPlot, type FunnelPlot } from './funnel-plot.js';

interface Limits { lower95: number[]; upper95: number[]; lower998: number[]; upper998: number[] }
interface Case { target: number; z: number[]; phi: number; tau2: number; plain: Limits; additive: Limits; multiplicative?: Limits }
const reference = JSON.parse(readFileSync(new URL('../../test/reference/funnel.json', import.meta.url), 'utf8')) as {
  csat: Case & { units: { group: string; numerator: number; denominator: number }[] };
  nps: Case & { units: { group: string; promoters: number; passives: number; detractors: number }[] };
};

const csatRows = reference.csat.units.flatMap(({ group, numerator, denominator }) => Array.from({ length: denominator }, (_, i) => ({ store: group, q: i < numerator ? 5 : 2 })));
const npsRows = reference.nps.units.flatMap(({ group, promoters, passives, detractors }) => [
  ...Array.from({ length: promoters }, () => ({ team: group, q: 10 })),
  ...Array.from({ length: passives }, () => ({ team: group, q: 8 })),
  ...Array.from({ length: detractors }, () => ({ team: group, q: 3 })),
]);

/** The funnel's limits at each unit, as fractions (R's scale). */
function limitsOf(funnel: FunnelPlot, key: 'lower95' | 'upper95' | 'lower998' | 'upper998'): number[] {
  return funnel.units.map((unit) => unit.limits[key] / 100);
}

/** R's limits clipped to the metric's range (team T6's NPS 99.8 % upper limit is 1.0088 in R). */
function expectLimits(funnel: FunnelPlot, expected: Limits): void {
  const low = funnel.metric === 'nps' ? -1 : 0;
  for (const key of ['lower95', 'upper95', 'lower998', 'upper998'] as const) {
    limitsOf(funnel, key).forEach((value, i) => expect(value, `${key}[${i}]`).toBeCloseTo(Math.min(1, Math.max(low, expected[key][i]!)), 6));
  }
}

describe('funnelPlot', () => {
  it('CSAT: target 0.7722, z-scores, φ = 2.5813 and τ² = 0.004282 as FunnelPlotR', () => {
    const funnel = funnelPlot(csatRows, { by: 'store', csat: 'q' });
    expect(funnel.target / 100).toBeCloseTo(reference.csat.target, 12);
    expect(funnel.n).toBe(1150);
    funnel.units.forEach((unit, i) => expect(unit.z).toBeCloseTo(reference.csat.z[i]!, 10));
    expect(funnel.overdispersion.phi).toBeCloseTo(reference.csat.phi, 10);
    expect(funnel.overdispersion.tau2).toBeCloseTo(reference.csat.tau2, 12);
    expect(funnel.overdispersion.applied).toBe(false);
    expectLimits(funnel, reference.csat.plain);
  });

  it('CSAT: the additive and multiplicative limits, and who is outside them', () => {
    const additive = funnelPlot(csatRows, { by: 'store', csat: 'q', overdispersion: 'additive' });
    expect(additive.overdispersion.applied).toBe(true);
    expectLimits(additive, reference.csat.additive);
    expectLimits(funnelPlot(csatRows, { by: 'store', csat: 'q', overdispersion: 'multiplicative' }), reference.csat.multiplicative!);
    // Store G (135/150 = 90 %) is beyond 99.8 % without adjustment (z = 4.31 > 3.09), inside it with τ².
    const plain = funnelPlot(csatRows, { by: 'store', csat: 'q' });
    const g = (funnel: FunnelPlot) => funnel.units.find((unit) => unit.key === 'G')!;
    expect(g(plain).score).toBeCloseTo(90, 12);
    expect(g(plain).outside998).toBe('above');
    expect(g(additive).outside998).toBeNull();
    expect(g(additive).outside95).toBe('above');
    // F (20/35, z = −2.56) is below 95 % without adjustment.
    expect(plain.units.find((unit) => unit.key === 'F')!.outside95).toBe('below');
  });

  it('NPS: a normal indicator around the overall NPS, with FunnelPlotR’s φ and τ² on its z-scores', () => {
    const plain = funnelPlot(npsRows, { by: 'team', nps: 'q' });
    expect(plain.target / 100).toBeCloseTo(reference.nps.target, 12);
    plain.units.forEach((unit, i) => expect(unit.z).toBeCloseTo(reference.nps.z[i]!, 10));
    expect(plain.overdispersion.phi).toBeCloseTo(reference.nps.phi, 10);
    expect(plain.overdispersion.tau2).toBeCloseTo(reference.nps.tau2, 12);
    expectLimits(plain, reference.nps.plain);
    expectLimits(funnelPlot(npsRows, { by: 'team', nps: 'q', overdispersion: 'additive' }), reference.nps.additive);
    // Team T1: 20 promoters, 10 detractors of 45 → NPS 22.2.
    expect(plain.units[0]!.score).toBeCloseTo((100 * (20 - 10)) / 45, 12);
  });

  it('the curve runs from half the smallest unit (35 → 17.5) to 1.1 × the largest (300 → 330), its limits the same formula', () => {
    const funnel = funnelPlot(csatRows, { by: 'store', csat: 'q' });
    expect(funnel.curve).toHaveLength(64);
    expect(funnel.curve[0]!.n).toBeCloseTo(17.5, 10);
    expect(funnel.curve.at(-1)!.n).toBeCloseTo(330, 10);
    // By hand at n = 17.5: sin²(asin(√p₀) + 1.959964/(2√17.5))
    const p0 = reference.csat.target;
    expect(funnel.curve[0]!.upper95 / 100).toBeCloseTo(Math.sin(Math.asin(Math.sqrt(p0)) + 1.959963984540054 / (2 * Math.sqrt(17.5))) ** 2, 12);
  });

  it('limits past 0 or 100 stay there instead of folding back as sin² would', () => {
    // Two units of 3: p₀ = 5/6, asin(√p₀) + 3.09/(2√3) = 2.04 rad > π/2.
    const rows = [5, 5, 5, 5, 5, 2].map((q, i) => ({ unit: i < 3 ? 'a' : 'b', q }));
    const funnel = funnelPlot(rows, { by: 'unit', csat: 'q' });
    expect(funnel.units[0]!.limits.upper998).toBe(100);
    expect(funnel.units[0]!.limits.upper95).toBe(100);
    expect(funnel.units[0]!.limits.lower998).toBeGreaterThan(0);
  });

  it('says what it left out: units without answers, a single unit without φ', () => {
    const rows = [{ unit: 'a', q: 5 }, { unit: 'a', q: 4 }, { unit: 'b', q: null }];
    const funnel = funnelPlot(rows, { by: 'unit', csat: 'q', overdispersion: 'additive' });
    expect(funnel.units.map((unit) => unit.key)).toEqual(['a']);
    expect(funnel.overdispersion).toMatchObject({ phi: null, tau2: null, applied: false });
    expect(funnel.notes).toEqual(['1 unit without answers left off the funnel', 'fewer than 2 units: no overdispersion estimate']);
    const none = funnelPlot([{ unit: 'a', q: null }], { by: 'unit', nps: 'q' });
    expect(none.units).toEqual([]);
    expect(none.curve).toEqual([]);
  });

  it('NPS where every answer is a promoter: no spread, z = 0, limits on the target', () => {
    const funnel = funnelPlot([{ t: 'a', q: 10 }, { t: 'b', q: 9 }], { by: 't', nps: 'q' });
    expect(funnel.units.map((unit) => [unit.z, unit.outside998, unit.limits.lower95, unit.limits.upper95])).toEqual([[0, null, 100, 100], [0, null, 100, 100]]);
  });

  it('refuses options that make no funnel', () => {
    const rows = [{ unit: 'a', q: 5 }];
    expect(() => funnelPlot(rows, { csat: 'q' } as never)).toThrow(CxValidationError);
    expect(() => funnelPlot(rows, { by: 'unit' })).toThrow(/one of nps and csat/);
    expect(() => funnelPlot(rows, { by: 'unit', csat: 'q', nps: 'q' })).toThrow(/one of nps and csat/);
    expect(() => funnelPlot(rows, { by: 'unit', csat: 'q', overdispersion: 'both' as never })).toThrow(/'none', 'multiplicative' or 'additive'/);
    expect(() => funnelPlot(rows, { by: 'unit', csat: 'q', trim: 0.5 })).toThrow(/trim/);
    expect(() => funnelPlot(rows, { by: 'unit', csat: 'q', trim: Number.NaN })).toThrow(/trim/);
  });
});
