import { fail } from '../core/errors.js';
import type { Field } from '../core/internal/field-reader.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import type { SummaryMetricSpecs } from '../common/metric-specs.js';
import type { CsatResult } from '../metrics/csat.js';
import type { NpsResult } from '../metrics/nps.js';
import { summarize } from '../analysis/summarize.js';
import { normalQuantile } from '../stats/normal.js';
import { quantileSorted } from '../stats/internal/quantile.js';

/** How a funnel allows for units differing by more than chance: not at all, by a factor φ on the variance, or by a between-unit variance τ². */
export type FunnelOverdispersion = 'none' | 'multiplicative' | 'additive';

/** Options of {@link funnelPlot}: the units, one metric, and the adjustment. */
export interface FunnelPlotOptions<Row> extends Pick<SummaryMetricSpecs<Row>, 'nps' | 'csat'> {
  /** The units compared (stores, teams): a field, or several for a tuple key. */
  readonly by: Field<Row> | readonly Field<Row>[];
  /** Default `'none'`. */
  readonly overdispersion?: FunnelOverdispersion | undefined;
  /** The share of z-scores Winsorised at each end before φ is estimated (default 0.1, as FunnelPlotR). */
  readonly trim?: number | undefined;
  readonly invalid?: InvalidPolicy | undefined;
}

/** The 95 % and 99.8 % limits at one n, in the metric's units. */
export interface FunnelLimits {
  readonly lower95: number;
  readonly upper95: number;
  readonly lower998: number;
  readonly upper998: number;
}

/** Which side of a pair of limits a unit falls on, or null inside. */
export type FunnelSide = 'above' | 'below' | null;

/** A unit on the funnel. */
export interface FunnelUnit {
  readonly key: unknown;
  readonly n: number;
  /** CSAT % or NPS points. */
  readonly score: number;
  /** The unit's z-score on the funnel's scale, before any adjustment. */
  readonly z: number;
  /** The limits at the unit's n (adjusted when asked). */
  readonly limits: FunnelLimits;
  readonly outside95: FunnelSide;
  readonly outside998: FunnelSide;
}

/** A funnel plot of one metric over units. */
export interface FunnelPlot {
  readonly metric: 'nps' | 'csat';
  /** The overall score, the funnel's centre (CSAT %, NPS points). */
  readonly target: number;
  /** Answers over all units. */
  readonly n: number;
  readonly overdispersion: {
    readonly method: FunnelOverdispersion;
    readonly trim: number;
    /** The mean squared Winsorised z-score (1 when units differ by chance only); null with fewer than 2 units. */
    readonly phi: number | null;
    /** DerSimonian–Laird's between-unit variance on the funnel's scale (radians² of the arcsine for CSAT, NPS as a fraction for NPS); null with fewer than 2 units. */
    readonly tau2: number | null;
    /** Whether the limits were widened: φ > 1 (multiplicative), τ² > 0 (additive). */
    readonly applied: boolean;
  };
  /** Units with answers, in first-seen order. */
  readonly units: readonly FunnelUnit[];
  /** The limits along n, from half the smallest unit to past the largest, for drawing the funnel. */
  readonly curve: readonly (FunnelLimits & { readonly n: number })[];
  readonly notes: readonly string[];
}

const Z95 = normalQuantile(0.975);
const Z998 = normalQuantile(0.999);
const CURVE_POINTS = 64;

/** A unit's sums: answers, and hits (satisfied; promoters) and misses (detractors). */
interface Counts {
  readonly key: unknown;
  readonly n: number;
  readonly hits: number;
  readonly misses: number;
}

/**
 * The funnel's scale for a metric: where a unit sits on it, its within-unit standard error at
 * n, and the way back to the metric's units, clipped to its range.
 */
interface Scale {
  readonly target: number;
  readonly position: (unit: Counts) => number;
  readonly spread: (n: number) => number;
  readonly back: (position: number) => number;
}

/**
 * A funnel plot: each unit's score against its number of answers, with 95 % and 99.8 % limits
 * around the overall score that narrow as n grows — units of different size compared without a
 * league table, and a unit outside the 99.8 % limits differs by more than chance.
 *
 * - CSAT is a proportion, on FunnelPlotR's arcsine square-root scale: position asin(√p),
 *   standard error 1/(2√n), limits sin²(asin(√p₀) ± z·s) — clipped at 0 and 100 where
 *   FunnelPlotR's fold back.
 * - NPS is a normal indicator (Spiegelhalter 2005): limits NPS₀ ± z·√(v₀/n), v₀ = p₊ + p₋ − NPS₀²
 *   the overall per-answer variance.
 *
 * With many answers per unit, real differences between units (case mix, region) put most of
 * them outside the limits. `overdispersion` widens the limits by what the units show, as
 * FunnelPlotR does: the z-scores are Winsorised at `trim` each end (R's type-7 quantiles),
 * φ = mean(z²); `'multiplicative'` uses z·√φ·s (when φ > 1); `'additive'` uses z·√(s² + τ²),
 * τ² = (Iφ − (I − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/sᵢ² (DerSimonian–Laird; 0 when Iφ < I − 1).
 *
 * @throws {CxValidationError} without `by`, with other than one of nps and csat, an unknown adjustment, or a trim outside [0, 0.5).
 *
 * @example
 * ```ts
 * const rows = [
 *   ...Array.from({ length: 100 }, (_, i) => ({ store: 'A', csat: i < 80 ? 5 : 2 })),
 *   ...Array.from({ length: 100 }, (_, i) => ({ store: 'B', csat: i < 60 ? 5 : 2 })),
 * ];
 * const funnel = funnelPlot(rows, { by: 'store', csat: 'csat' });
 * funnel.target; // 70 (140 of 200 satisfied)
 * funnel.units.map((unit) => unit.outside95); // ['above', 'below']
 * ```
 */
export function funnelPlot<Row extends object>(rows: readonly Row[], options: FunnelPlotOptions<Row>): FunnelPlot {
  const { by, overdispersion = 'none', trim = 0.1, invalid } = options;
  if (by === undefined) fail('invalid_option', ['by'], 'a funnel plot compares units: give by');
  const metrics = (['nps', 'csat'] as const).filter((name) => options[name] !== undefined);
  if (metrics.length !== 1) fail('invalid_option', [], 'a funnel plot is of one metric: give one of nps and csat');
  const metric = metrics[0]!;
  if (!['none', 'multiplicative', 'additive'].includes(overdispersion)) fail('invalid_option', ['overdispersion'], `overdispersion is 'none', 'multiplicative' or 'additive', got ${JSON.stringify(overdispersion)}`);
  if (typeof trim !== 'number' || !(trim >= 0 && trim < 0.5)) fail('invalid_option', ['trim'], `trim is a share from 0 to below 0.5, got ${String(trim)}`);

  const summary = summarize(rows, { by, [metric]: options[metric], ...(invalid === undefined ? {} : { invalid }) });
  const notes: string[] = [];
  const all = summary.groups.map((group): Counts => {
    const result = (group as unknown as Record<string, NpsResult | CsatResult | undefined>)[metric];
    if (result === undefined || result.n === 0) return { key: group.key, n: 0, hits: 0, misses: 0 };
    return result.metric === 'csat' ? { key: group.key, n: result.n, hits: result.satisfied, misses: 0 } : { key: group.key, n: result.n, hits: result.promoters, misses: result.detractors };
  });
  const units = all.filter((unit) => unit.n > 0);
  const empty = all.length - units.length;
  if (empty > 0) notes.push(`${empty} unit${empty === 1 ? '' : 's'} without answers left off the funnel`);
  const n = units.reduce((sum, unit) => sum + unit.n, 0);
  const hits = units.reduce((sum, unit) => sum + unit.hits, 0) / n;
  const misses = units.reduce((sum, unit) => sum + unit.misses, 0) / n;
  const scale = metric === 'csat' ? proportionScale(hits) : netScale(hits, misses);
  if (units.length === 0) return { metric, target: n === 0 ? 0 : scale.back(scale.target), n, overdispersion: { method: overdispersion, trim, phi: null, tau2: null, applied: false }, units: [], curve: [], notes: [...notes, 'no answers: nothing to plot'] };

  const z = units.map((unit) => {
    const s = scale.spread(unit.n);
    return s > 0 ? (scale.position(unit) - scale.target) / s : 0;
  });
  const dispersion = units.length >= 2 ? estimateDispersion(z, units.map((unit) => scale.spread(unit.n)), trim) : null;
  if (dispersion === null) notes.push('fewer than 2 units: no overdispersion estimate');
  const widen = (s: number): number => {
    if (dispersion === null || overdispersion === 'none') return s;
    return overdispersion === 'multiplicative' ? s * Math.sqrt(Math.max(1, dispersion.phi)) : Math.sqrt(s * s + dispersion.tau2);
  };
  const applied = dispersion !== null && ((overdispersion === 'multiplicative' && dispersion.phi > 1) || (overdispersion === 'additive' && dispersion.tau2 > 0));
  const limitsAt = (size: number): FunnelLimits => {
    const s = widen(scale.spread(size));
    return { lower95: scale.back(scale.target - Z95 * s), upper95: scale.back(scale.target + Z95 * s), lower998: scale.back(scale.target - Z998 * s), upper998: scale.back(scale.target + Z998 * s) };
  };
  const placed = units.map((unit, i): FunnelUnit => {
    const score = scale.back(scale.position(unit));
    const limits = limitsAt(unit.n);
    return { key: unit.key, n: unit.n, score, z: z[i]!, limits, outside95: side(score, limits.lower95, limits.upper95), outside998: side(score, limits.lower998, limits.upper998) };
  });
  return {
    metric,
    target: scale.back(scale.target),
    n,
    overdispersion: { method: overdispersion, trim, phi: dispersion?.phi ?? null, tau2: dispersion?.tau2 ?? null, applied },
    units: placed,
    curve: curveSizes(units).map((size) => ({ n: size, ...limitsAt(size) })),
    notes,
  };
}

/** CSAT: the arcsine square-root scale, on which a proportion's variance is 1/(4n) whatever p. */
function proportionScale(p0: number): Scale {
  return {
    target: Math.asin(Math.sqrt(p0)),
    position: (unit) => Math.asin(Math.sqrt(unit.hits / unit.n)),
    spread: (n) => 1 / (2 * Math.sqrt(n)),
    back: (angle) => Math.sin(Math.min(Math.PI / 2, Math.max(0, angle))) ** 2 * 100,
  };
}

/** NPS: the net share itself, with the null (overall) per-answer variance. */
function netScale(promoters: number, detractors: number): Scale {
  const target = promoters - detractors;
  const variance = Math.max(0, promoters + detractors - target * target);
  return {
    target,
    position: (unit) => (unit.hits - unit.misses) / unit.n,
    spread: (n) => Math.sqrt(variance / n),
    back: (net) => Math.min(1, Math.max(-1, net)) * 100,
  };
}

/** φ from the Winsorised z-scores, and τ² by DerSimonian–Laird from φ and the standard errors, as FunnelPlotR's phi_func and tau_func. */
function estimateDispersion(z: readonly number[], spreads: readonly number[], trim: number): { phi: number; tau2: number } {
  const sorted = [...z].sort((a, b) => a - b);
  const low = quantileSorted(sorted, trim);
  const high = quantileSorted(sorted, 1 - trim);
  const units = z.length;
  const phi = z.reduce((sum, value) => sum + Math.min(high, Math.max(low, value)) ** 2, 0) / units;
  if (units * phi < units - 1) return { phi, tau2: 0 };
  let weights = 0;
  let squares = 0;
  for (const s of spreads) {
    if (s <= 0) continue;
    weights += 1 / (s * s);
    squares += 1 / s ** 4;
  }
  const denominator = weights - squares / weights;
  return { phi, tau2: denominator > 0 ? Math.max(0, (units * phi - (units - 1)) / denominator) : 0 };
}

function side(score: number, lower: number, upper: number): FunnelSide {
  return score > upper ? 'above' : score < lower ? 'below' : null;
}

/** Sizes spaced evenly on a log scale from half the smallest unit to a tenth past the largest. */
function curveSizes(units: readonly Counts[]): number[] {
  const sizes = units.map((unit) => unit.n);
  const smallest = Math.max(1, sizes.reduce((a, b) => Math.min(a, b)) / 2);
  const largest = sizes.reduce((a, b) => Math.max(a, b)) * 1.1;
  const step = Math.log(largest / smallest) / (CURVE_POINTS - 1);
  return Array.from({ length: CURVE_POINTS }, (_, i) => smallest * Math.exp(step * i));
}
