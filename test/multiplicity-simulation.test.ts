import { describe, expect, it } from 'vitest';
import { defineJourney, journeyReport, type PValueAdjustment } from '../src/index.js';

/**
 * A seeded simulation of the problem the adjustment solves: journeys in which every
 * touchpoint has the same true NPS distribution, so anything flagged "significantly below the
 * rest" is a false alarm. Five stages of four touchpoints, 60 answers each (1,200 per report),
 * 400 reports per setting, the same random answers for both settings.
 */

/** mulberry32: a small seeded generator, so the simulation is the same on every run. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STAGES = 5;
const TOUCHPOINTS = 4;
const ANSWERS = 60;
const REPORTS = 400;

const journey = defineJourney({
  stages: Array.from({ length: STAGES }, (_, s) => ({ id: `stage-${s}`, touchpoints: Array.from({ length: TOUCHPOINTS }, (_, t) => ({ id: `touchpoint-${t}` })) })),
});

/** One answer of the shared distribution: 25 % detractors (0–6), 30 % passives, 45 % promoters. */
function answer(random: () => number): number {
  const u = random();
  if (u < 0.25) return Math.floor(random() * 7);
  if (u < 0.55) return 7 + Math.floor(random() * 2);
  return 9 + Math.floor(random() * 2);
}

function flagRates(): Record<PValueAdjustment, number> & { touchpointFlags: Record<PValueAdjustment, number> } {
  const random = generator(20261129);
  const methods: PValueAdjustment[] = ['holm', 'benjamini-hochberg', 'none'];
  const reportsWithFlags = Object.fromEntries(methods.map((method) => [method, 0])) as Record<PValueAdjustment, number>;
  const touchpointFlags = Object.fromEntries(methods.map((method) => [method, 0])) as Record<PValueAdjustment, number>;
  for (let report = 0; report < REPORTS; report++) {
    const rows = [];
    for (let s = 0; s < STAGES; s++) {
      for (let t = 0; t < TOUCHPOINTS; t++) for (let a = 0; a < ANSWERS; a++) rows.push({ stage: `stage-${s}`, touchpoint: `touchpoint-${t}`, q: answer(random) });
    }
    for (const method of methods) {
      const { significantlyBelow } = journeyReport(rows, journey, { stage: 'stage', touchpoint: 'touchpoint', nps: 'q', adjust: method });
      if (significantlyBelow.stages.length + significantlyBelow.touchpoints.length > 0) reportsWithFlags[method]++;
      touchpointFlags[method] += significantlyBelow.touchpoints.length;
    }
  }
  return { ...(Object.fromEntries(methods.map((method) => [method, reportsWithFlags[method] / REPORTS])) as Record<PValueAdjustment, number>), touchpointFlags };
}

describe('false alarms in journeys with no real difference (seeded simulation)', () => {
  const rates = flagRates();

  it("with the default (Holm) about 5 % of reports or fewer flag anything; with adjust: 'none' far more", () => {
    // Holm keeps the chance of any false "below the rest" in a family at most 5 % two-sided,
    // so at most about 2.5 % one-sided per family and 5 % for the two families together.
    // Unadjusted, each of 25 tests flags 2.5 % of the time: 1 − 0.975²⁵ ≈ 47 % of reports.
    // Seed 20261129 gives: Holm 4.5 %, Benjamini–Hochberg 5.5 %, none 49.25 % of 400 reports.
    expect(rates.holm).toBeLessThanOrEqual(0.06);
    expect(rates.none).toBeGreaterThan(0.3);
    expect(rates.none).toBeGreaterThan(5 * rates.holm);
  });

  it('Benjamini–Hochberg: when every finding is false, its false discovery rate is the same ~5 % chance of any', () => {
    expect(rates['benjamini-hochberg']).toBeGreaterThanOrEqual(rates.holm);
    expect(rates['benjamini-hochberg']).toBeLessThanOrEqual(0.07);
    expect(rates.touchpointFlags.none / REPORTS).toBeGreaterThan(0.3); // about 20 × 2.5 % = 0.5 per report
  });
});
