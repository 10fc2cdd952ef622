/**
 * Control charts against published and R references: Montgomery's p-chart example (Introduction
 * to Statistical Quality Control, Table 7.1: 30 samples of 50 orange-juice cans, 347
 * nonconforming), Laney's p′ on the same data (σz computed in R, below), Anhøj's limits for
 * n = 10…50 (R: round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5)), and small cases by hand.
 */
import { describe, expect, it } from 'vitest';
import { CxValidationError } from '../core/errors.js';
import { anhojLimits } from './anhoj.js';
import { controlChart } from './control-chart.js';

/** Rows of one answer each, week i (from Monday 2024-01-01) holding `answers[i]`. */
function weekly(answers: readonly (readonly number[])[]): { at: string; q: number }[] {
  return answers.flatMap((week, i) => week.map((q) => ({ at: new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10), q })));
}

// Montgomery Table 7.1: nonconforming cans per sample of 50 (here "satisfied" = 5, the rest 1).
const NONCONFORMING = [12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15, 9, 12, 7, 13, 9, 6];
const montgomery = weekly(NONCONFORMING.map((x) => [...Array<number>(x).fill(5), ...Array<number>(50 - x).fill(1)]));

describe('controlChart', () => {
  it("Montgomery's p chart: p̄ = 347/1500 = 0.2313, limits 0.0524 and 0.4102; samples 15 and 23 out of control", () => {
    const chart = controlChart(montgomery, { at: 'at', period: 'week', csat: 'q' });
    expect(chart.chart).toBe('p');
    expect(chart.centre).toBeCloseTo(23.13333333333, 9);
    // R: pb + 3 * sqrt(pb * (1 - pb) / 50)
    expect(chart.periods[0]!.upper).toBeCloseTo(41.02391185947, 9);
    expect(chart.periods[0]!.lower).toBeCloseTo(5.24275480719, 9);
    const out = chart.periods.flatMap((period, i) => (period.signals.includes('beyond-limits') ? [i + 1] : []));
    expect(out).toEqual([15, 23]);
    // Anhøj: 30 useful points, longest run 4 (limit 8), 15 crossings (limit 10): no run signal.
    expect(chart.runs).toEqual({ limits: { longestRun: 8, crossings: 10 }, longestRun: 4, crossings: 15 });
  });

  it("Laney's p′ on the same data: σz = 1.6609 (R: mean(abs(diff(z)))/1.128), limits widened to 0–52.85, nothing out", () => {
    const chart = controlChart(montgomery, { at: 'at', period: 'week', csat: 'q', chart: 'laney' });
    expect(chart.sigmaZ).toBeCloseTo(1.66086671974, 9);
    expect(chart.periods[0]!.upper).toBeCloseTo(52.84719980435, 8);
    expect(chart.periods[0]!.lower).toBe(0); // −6.58, clipped
    expect(chart.periods.filter((period) => period.signals.includes('beyond-limits'))).toEqual([]);
  });

  it("Anhøj's limits for n = 10…50 equal R's round(log2(n) + 3) and qbinom(0.05, n - 1, 0.5)", () => {
    // Rscript -e 'n <- 10:50; cat(paste(n, round(log2(n)+3), qbinom(0.05, n-1, 0.5)))'
    const R =
      '10 6 2;11 6 2;12 7 3;13 7 3;14 7 4;15 7 4;16 7 4;17 7 5;18 7 5;19 7 6;20 7 6;21 7 6;22 7 7;23 8 7;24 8 8;25 8 8;26 8 8;27 8 9;28 8 9;29 8 10;30 8 10;31 8 11;32 8 11;33 8 11;34 8 12;35 8 12;36 8 13;37 8 13;38 8 14;39 8 14;40 8 14;41 8 15;42 8 15;43 8 16;44 8 16;45 8 17;46 9 17;47 9 17;48 9 18;49 9 18;50 9 19';
    for (const entry of R.split(';')) {
      const [n, run, crossings] = entry.split(' ').map(Number);
      expect(anhojLimits(n!), `n = ${n}`).toEqual({ longestRun: run, crossings });
    }
  });

  it('a shift: a long run above the centre is a signal before any point crosses a limit', () => {
    // 10 weeks at 50 % satisfied, then 10 weeks at 62 % (100 answers each): the baseline is the
    // first 10, centre 50, limits 50 ± 3·√(0.25/100)·100 = 35–65: no point beyond, but week 10
    // (51) and the ten after it are a run of 11 above the centre, over Anhøj's limit round(log2(20) + 3) = 7.
    const weeks = [...Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? 49 : 51)), ...Array<number>(10).fill(62)];
    const chart = controlChart(weekly(weeks.map((x) => [...Array<number>(x).fill(5), ...Array<number>(100 - x).fill(1)])), { at: 'at', period: 'week', csat: 'q', baseline: 10 });
    expect([chart.centre, chart.periods[0]!.lower, chart.periods[0]!.upper]).toEqual([50, 35, 65]);
    expect(chart.periods.some((period) => period.signals.includes('beyond-limits'))).toBe(false);
    expect(chart.periods.slice(9).every((period) => period.signals.includes('long-run'))).toBe(true);
    expect(chart.periods.slice(0, 9).some((period) => period.signals.includes('long-run'))).toBe(false);
    expect(chart.runs?.longestRun).toBe(11);
  });

  it("NPS z chart on its trinomial spread; CES Xbar and I charts; Western Electric's rules", () => {
    // Two weeks, each [10, 10, 0, 8]: NPS 25, p̄ = 0.5, d̄ = 0.25; per answer √(0.75 − 0.0625) = 0.829;
    // for n = 4: 0.4146 → limits 25 ± 3 · 41.46 = −99.4 … 149.4, clipped to 100.
    const nps = controlChart(weekly([[10, 10, 0, 8], [10, 10, 0, 8]]), { at: 'at', period: 'week', nps: 'q' });
    expect(nps.centre).toBe(25);
    expect(nps.periods[0]!.lower).toBeCloseTo(25 - 3 * (Math.sqrt(0.6875) / 2) * 100, 9);
    expect(nps.periods[0]!.upper).toBe(100);
    // CES: weeks [2, 4] and [4, 6]: means 3 and 5, grand mean 4; pooled s = √((2 + 2)/2) = √2;
    // Xbar limits 4 ± 3·√2/√2 = 1…7. I chart: moving range 2, σ = 2/1.128, limits 4 ± 5.32, clipped to 1–7.
    const xbar = controlChart(weekly([[2, 4], [4, 6]]), { at: 'at', period: 'week', ces: 'q' });
    expect([xbar.chart, xbar.centre, xbar.periods[0]!.lower, xbar.periods[0]!.upper]).toEqual(['xbar', 4, 1, 7]);
    const individual = controlChart(weekly([[2, 4], [4, 6]]), { at: 'at', period: 'week', ces: 'q', chart: 'i' });
    expect([individual.periods[0]!.lower, individual.periods[0]!.upper]).toEqual([1, 7]);
    // Western Electric: 8 weeks just above the centre set by 8 weeks just below: eight in a row.
    const weeks = [...Array<number>(8).fill(45), ...Array<number>(8).fill(55)];
    const western = controlChart(weekly(weeks.map((x) => [...Array<number>(x).fill(5), ...Array<number>(100 - x).fill(1)])), { at: 'at', period: 'week', csat: 'q', rules: 'western-electric', baseline: 8 });
    expect(western.periods[15]!.signals).toContain('eight-in-a-row');
    expect(western.periods[14]!.signals).not.toContain('eight-in-a-row');
    expect(western.runs).toBeNull();
  });

  it('empty periods, a short baseline and bad options are said', () => {
    // Weeks 1 and 3 answered, week 2 empty.
    const chart = controlChart([{ at: '2024-01-01', q: 5 }, { at: '2024-01-15', q: 1 }], { at: 'at', period: 'week', csat: 'q' });
    expect(chart.periods.map((period) => [period.n, period.score, period.lower])).toEqual([[1, 100, 0], [0, null, null], [1, 0, 0]]);
    expect(chart.notes).toEqual(['the centre and limits rest on 2 periods; fewer than 8 make them unstable', '1 period without answers: no score, no limits, no signal']);
    expect(() => controlChart([], { at: 'at', period: 'week', csat: 'q', nps: 'q' })).toThrow(CxValidationError);
    expect(() => controlChart([], { at: 'at', period: 'week', csat: 'q', chart: 'xbar' })).toThrow('a CSAT chart is p or laney, not "xbar"');
    expect(() => controlChart([], { at: 'at', period: 'week', csat: 'q', baseline: 0 })).toThrow(CxValidationError);
    expect(() => anhojLimits(0)).toThrow(CxValidationError);
  });
});
