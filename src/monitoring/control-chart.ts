import { fail } from '../core/errors.js';
import type { CesResult } from '../metrics/ces.js';
import type { CsatResult } from '../metrics/csat.js';
import type { NpsResult } from '../metrics/nps.js';
import { trend, type TrendOptions } from '../analysis/trend.js';
import { anhojLimits, type AnhojLimits } from './anhoj.js';

/** The kinds of chart: p and Laney p′ for CSAT (and Laney for NPS), z for NPS, Xbar and I for the CES mean. */
export type ControlChartKind = 'p' | 'laney' | 'z' | 'xbar' | 'i';

/** What a period can signal. */
export type ControlSignal = 'beyond-limits' | 'long-run' | 'few-crossings' | 'two-of-three' | 'four-of-five' | 'eight-in-a-row';

/** Options of {@link controlChart}: a trend's (one metric) and the chart's own. */
export type ControlChartOptions<Row> = Omit<TrendOptions<Row>, 'adjust' | 'level' | 'weight' | 'minN' | 'minNComments' | 'complementary' | 'showCounts'> & {
  /** Default: `'p'` for CSAT, `'z'` for NPS, `'xbar'` for CES. */
  readonly chart?: ControlChartKind | undefined;
  /** `'anhoj'` (default: points beyond the limits and Anhøj's run rules) or `'western-electric'` (its four rules). */
  readonly rules?: 'anhoj' | 'western-electric' | undefined;
  /** How many of the first periods with answers set the centre line and the limits (default: all). */
  readonly baseline?: number | undefined;
};

/** A period on the chart. */
export interface ControlChartPeriod {
  readonly period: string;
  readonly start: string;
  /** Answers in the period (unweighted: a control chart counts). */
  readonly n: number;
  /** The score in the metric's units (CSAT %, NPS points, the CES mean); null without answers. */
  readonly score: number | null;
  readonly centre: number | null;
  /** Control limits (three sigma), clipped to the metric's range; null without answers. */
  readonly lower: number | null;
  readonly upper: number | null;
  /** The standardised score (score − centre)/σ of the period, before the limits are clipped: what EWMA and CUSUM charts take. */
  readonly z: number | null;
  readonly signals: readonly ControlSignal[];
}

/** A control chart of one metric. */
export interface ControlChart {
  readonly metric: 'nps' | 'csat' | 'ces';
  readonly chart: ControlChartKind;
  readonly rules: 'anhoj' | 'western-electric';
  readonly centre: number | null;
  /** Laney's σz (the between-period variation as a multiple of the within); null for other charts. */
  readonly sigmaZ: number | null;
  /** Periods with answers that set the centre and limits. */
  readonly baselinePeriods: number;
  /** Anhøj's limits for the useful points, and what the chart has (for `'anhoj'`; else null). */
  readonly runs: { readonly limits: AnhojLimits; readonly longestRun: number; readonly crossings: number } | null;
  readonly periods: readonly ControlChartPeriod[];
  /** What to know: a short baseline, periods without answers. */
  readonly notes: readonly string[];
}

/** d2 for moving ranges of two: the mean range of two normal values is 1.128 σ. */
const D2 = 1.128;

/**
 * A statistical process control chart of a metric over time: each period's score against a
 * centre line and three-sigma limits computed from a baseline, with the signals that say
 * "this is not noise" — a point beyond the limits, and Anhøj's run rules (a run on one side
 * of the centre longer than round(log2(n) + 3), fewer crossings than Binomial(n − 1, ½)'s
 * lower 5 %), or on request the Western Electric rules. Unlike a threshold or a period-on-period
 * test, the limits widen for small periods: a store with 12 answers a week does not alarm on
 * noise.
 *
 * - CSAT: a **p chart** (limits p̄ ± 3√(p̄(1 − p̄)/nᵢ)), or **Laney's p′** (those limits times
 *   σz, the moving range of the standardised scores over 1.128) when periods are large and
 *   the p chart flags everything.
 * - NPS: a **z chart** on its own multinomial standard error √((p̄ + d̄ − NPS̄²)/nᵢ), or
 *   `'laney'` with σz.
 * - CES mean: an **Xbar chart** (limits x̄̄ ± 3 sₚ/√nᵢ, sₚ the pooled within-period standard
 *   deviation) or an **I chart** of the period means (moving range).
 *
 * @throws {CxValidationError} for bad trend options, more than one metric, a baseline that is not a whole number from 1, or a chart that does not fit the metric.
 *
 * @example
 * ```ts
 * const rows = ['2026-01-05', '2026-01-12', '2026-01-19'].flatMap((at) => [5, 5, 4, 2].map((csat) => ({ at, csat })));
 * const chart = controlChart(rows, { at: 'at', period: 'week', csat: 'csat' });
 * chart.centre; // 75 (9 of 12 satisfied)
 * chart.periods[0]?.upper; // 100 (75 + 3·√(0.75·0.25/4)·100 = 139.95, clipped)
 * chart.periods[0]?.signals; // []
 * ```
 */
export function controlChart<Row extends object>(rows: readonly Row[], options: ControlChartOptions<Row>): ControlChart {
  const { chart: asked, rules = 'anhoj', baseline, ...trendOptions } = options;
  const metrics = (['nps', 'csat', 'ces'] as const).filter((name) => options[name] !== undefined);
  if (metrics.length !== 1) fail('invalid_option', [], 'a control chart is of one metric: give one of nps, csat and ces');
  const metric = metrics[0]!;
  const chart = asked ?? (metric === 'csat' ? 'p' : metric === 'nps' ? 'z' : 'xbar');
  const fits: Record<typeof metric, readonly ControlChartKind[]> = { csat: ['p', 'laney'], nps: ['z', 'laney'], ces: ['xbar', 'i'] };
  if (!fits[metric].includes(chart)) fail('invalid_option', ['chart'], `a ${metric.toUpperCase()} chart is ${fits[metric].join(' or ')}, not ${JSON.stringify(chart)}`);
  if (rules !== 'anhoj' && rules !== 'western-electric') fail('invalid_option', ['rules'], `rules are 'anhoj' or 'western-electric', got ${JSON.stringify(rules)}`);
  if (baseline !== undefined && !(Number.isInteger(baseline) && baseline >= 1)) fail('invalid_option', ['baseline'], `baseline is a number of periods from 1, got ${String(baseline)}`);

  const result = trend(rows, trendOptions as TrendOptions<Row>);
  const results = result.periods.map((period) => (period[metric] as NpsResult | CsatResult | CesResult | undefined) ?? null);
  const points = results.map((entry) => (entry === null ? null : pointOf(entry)));
  const withData = points.map((point, i) => (point !== null && point.n > 0 ? i : -1)).filter((i) => i >= 0);
  const base = withData.slice(0, baseline ?? withData.length);
  const notes: string[] = [];
  if (base.length < 8) notes.push(`the centre and limits rest on ${base.length} period${base.length === 1 ? '' : 's'}; fewer than 8 make them unstable`);
  const empty = result.periods.length - withData.length;
  if (empty > 0) notes.push(`${empty} period${empty === 1 ? '' : 's'} without answers: no score, no limits, no signal`);

  const limits = limitModel(metric, chart, base.map((i) => points[i]!));
  const scale = results.find((entry) => entry !== null)?.scale;
  const range = metric === 'csat' ? [0, 100] : metric === 'nps' ? [-100, 100] : [scale?.min ?? 0, scale?.max ?? 0];
  const periods = result.periods.map((period, i): ControlChartPeriod => {
    const point = points[i];
    if (point === null || point === undefined || point.n === 0 || limits === null) return { period: period.period, start: period.start, n: point?.n ?? 0, score: null, centre: limits?.centre ?? null, lower: null, upper: null, z: null, signals: [] };
    const sigma = limits.sigma(point);
    const z = sigma > 0 ? (point.score - limits.centre) / sigma : null;
    return { period: period.period, start: period.start, n: point.n, score: point.score, centre: limits.centre, lower: Math.max(range[0]!, limits.centre - 3 * sigma), upper: Math.min(range[1]!, limits.centre + 3 * sigma), z, signals: [] };
  });
  const { signalled, runs } = signals(periods, points, limits, rules);
  return { metric, chart, rules, centre: limits?.centre ?? null, sigmaZ: limits?.sigmaZ ?? null, baselinePeriods: base.length, runs, periods: signalled, notes };
}

/** What a period contributes: its score, n, and the sums the limits need. */
interface Point {
  readonly n: number;
  readonly score: number;
  /** CSAT: satisfied; NPS: promoters. */
  readonly hits: number;
  /** NPS: detractors. */
  readonly misses: number;
  /** CES: Σ(y − ȳ)² within the period. */
  readonly squares: number;
}

/** A period's point from its trend result (unweighted: Σw are counts), so bands and satisfied points are the metric's own. */
function pointOf(result: NpsResult | CsatResult | CesResult): Point {
  const { n } = result;
  if (n === 0 || result.score === null) return { n: 0, score: 0, hits: 0, misses: 0, squares: 0 };
  if (result.metric === 'csat') return { n, score: result.score, hits: result.satisfied, misses: 0, squares: 0 };
  if (result.metric === 'nps') return { n, score: result.score, hits: result.promoters, misses: result.detractors, squares: 0 };
  // CES: the mean of the points and their squared deviations within the period.
  const { counts, scale } = result.tally;
  const mean = counts.reduce((sum, count, k) => sum + count * (scale.min + k), 0) / n;
  const squares = counts.reduce((sum, count, k) => sum + count * (scale.min + k - mean) ** 2, 0);
  return { n, score: mean, hits: 0, misses: 0, squares };
}

/** The centre line and each period's sigma, from the baseline's points. */
function limitModel(metric: 'nps' | 'csat' | 'ces', chart: ControlChartKind, base: readonly Point[]): { centre: number; sigma: (point: Point) => number; sigmaZ: number | null } | null {
  if (base.length === 0) return null;
  const n = base.reduce((sum, point) => sum + point.n, 0);
  if (chart === 'i') {
    const centre = base.reduce((sum, point) => sum + point.score, 0) / base.length;
    const sigma = movingRange(base.map((point) => point.score)) / D2;
    return { centre, sigma: () => sigma, sigmaZ: null };
  }
  if (chart === 'xbar') {
    const centre = base.reduce((sum, point) => sum + point.score * point.n, 0) / n;
    const freedom = base.reduce((sum, point) => sum + point.n - 1, 0);
    const pooled = freedom > 0 ? Math.sqrt(base.reduce((sum, point) => sum + point.squares, 0) / freedom) : 0;
    return { centre, sigma: (point) => pooled / Math.sqrt(point.n), sigmaZ: null };
  }
  // p, z and Laney: per answer the binomial (CSAT) or trinomial (NPS) spread, over √nᵢ.
  const hits = base.reduce((sum, point) => sum + point.hits, 0) / n;
  const misses = base.reduce((sum, point) => sum + point.misses, 0) / n;
  const net = hits - misses;
  const centre = (metric === 'csat' ? hits : net) * 100;
  const perAnswer = (metric === 'csat' ? Math.sqrt(hits * (1 - hits)) : Math.sqrt(Math.max(0, hits + misses - net * net))) * 100;
  const within = (point: Point) => perAnswer / Math.sqrt(point.n);
  if (chart !== 'laney') return { centre, sigma: within, sigmaZ: null };
  const z = base.map((point) => (within(point) > 0 ? (point.score - centre) / within(point) : 0));
  const sigmaZ = movingRange(z) / D2;
  return { centre, sigma: (point) => within(point) * sigmaZ, sigmaZ };
}

/** The mean absolute difference of consecutive values. */
function movingRange(values: readonly number[]): number {
  if (values.length < 2) return 0;
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += Math.abs(values[i]! - values[i - 1]!);
  return sum / (values.length - 1);
}

/** The periods with their signals, and Anhøj's counts. */
function signals(periods: ControlChartPeriod[], points: readonly (Point | null)[], limits: ReturnType<typeof limitModel>, rules: 'anhoj' | 'western-electric'): { signalled: ControlChartPeriod[]; runs: ControlChart['runs'] } {
  const found = periods.map((): ControlSignal[] => []);
  const scored = periods.map((period, i) => ({ period, i })).filter(({ period }) => period.score !== null && period.lower !== null && period.upper !== null);
  for (const { period, i } of scored) if (period.score! > period.upper! || period.score! < period.lower!) found[i]!.push('beyond-limits');
  let runs: ControlChart['runs'] = null;
  if (limits !== null && rules === 'anhoj') {
    // Useful points: not on the centre line.
    const useful = scored.filter(({ period }) => period.score !== limits.centre).map(({ period, i }) => ({ i, side: Math.sign(period.score! - limits.centre) }));
    const anhoj = anhojLimits(Math.max(1, useful.length));
    let longestRun = 0;
    let crossings = 0;
    let runStart = 0;
    for (let k = 0; k <= useful.length; k++) {
      if (k < useful.length && k > 0 && useful[k]!.side !== useful[k - 1]!.side) crossings++;
      if (k === useful.length || (k > 0 && useful[k]!.side !== useful[k - 1]!.side)) {
        const length = k - runStart;
        longestRun = Math.max(longestRun, length);
        if (length > anhoj.longestRun) for (let j = runStart; j < k; j++) found[useful[j]!.i]!.push('long-run');
        runStart = k;
      }
    }
    if (useful.length > 0 && crossings < anhoj.crossings) for (const { i } of useful) found[i]!.push('few-crossings');
    runs = { limits: anhoj, longestRun, crossings };
  } else if (limits !== null) {
    // Western Electric on the standardised score: 2 of 3 beyond 2σ, 4 of 5 beyond 1σ (same side), 8 in a row on one side.
    const z = scored.map(({ period, i }) => ({ i, z: (period.score! - limits.centre) / limits.sigma(points[i]!) }));
    const window = (size: number, needed: number, beyond: number, signal: ControlSignal) => {
      for (let end = size - 1; end < z.length; end++) {
        for (const side of [1, -1]) {
          const last = z.slice(end - size + 1, end + 1);
          if (last.filter((point) => point.z * side > beyond).length >= needed && last[last.length - 1]!.z * side > beyond) found[z[end]!.i]!.push(signal);
        }
      }
    };
    window(3, 2, 2, 'two-of-three');
    window(5, 4, 1, 'four-of-five');
    window(8, 8, 0, 'eight-in-a-row');
  }
  return { signalled: periods.map((period, i) => ({ ...period, signals: [...new Set(found[i])] })), runs };
}
