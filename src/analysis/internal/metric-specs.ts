import * as z from 'zod/mini';
import { withPathPrefix } from '../../core/errors.js';
import type { AnswerRules } from '../../core/internal/answer-rules.js';
import { fieldReader, type Field, type FieldReader } from '../../core/internal/field-reader.js';
import { emptyTally } from '../../core/internal/mutable-tally.js';
import { parseWith } from '../../core/internal/parse-options.js';
import { answerRules } from '../../core/options.js';
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, type Scale } from '../../core/scale.js';
import type { InvalidPolicy, Tally } from '../../core/tally-types.js';
import { cesFromTally, cesOptionsSchema, type CesOptions, type CesResult } from '../../metrics/ces.js';
import { compareCes } from '../../metrics/compare-ces.js';
import { compareCsat } from '../../metrics/compare-csat.js';
import { compareNps } from '../../metrics/compare-nps.js';
import { csatFromTally, csatOptionsSchema, type CsatOptions, type CsatResult } from '../../metrics/csat.js';
import type { Comparison } from '../../metrics/internal/comparison.js';
import { npsFromTally, npsOptionsSchema, type NpsOptions, type NpsResult } from '../../metrics/nps.js';

/** The metrics the analysis functions compute over rows. */
export type MetricName = 'nps' | 'csat' | 'ces';
export const METRIC_NAMES: readonly MetricName[] = ['nps', 'csat', 'ces'];

/** A metric over rows: the field (or accessor) holding the answer, optionally with the metric's options. */
export type MetricSpec<Row, Options> = Field<Row> | ({ readonly field: Field<Row> } & Omit<Options, 'weights' | 'invalid'>);

/** Which metrics to compute, and from which fields. */
export interface MetricSpecs<Row> {
  readonly nps?: MetricSpec<Row, NpsOptions> | undefined;
  readonly csat?: MetricSpec<Row, CsatOptions> | undefined;
  readonly ces?: MetricSpec<Row, CesOptions> | undefined;
}

/** The results of the requested metrics for one group of rows. */
export interface MetricResults {
  readonly nps?: NpsResult;
  readonly csat?: CsatResult;
  readonly ces?: CesResult;
}

/** The metrics an options object sets (a key that is present and not optional). */
type AskedMetrics<Options> = {
  [K in MetricName]-?: K extends keyof Options ? ({} extends Pick<Options, K> ? never : undefined extends Options[K] ? never : K) : never;
}[MetricName];

/**
 * {@link MetricResults} with the metrics that `Options` asks for present rather than
 * optional: `summarize(rows, { nps: 'q' }).total.nps` is an `NpsResult`, no `?.` needed.
 */
export type MetricResultsFor<Options> = MetricResults & { readonly [K in AskedMetrics<Options>]-?: NonNullable<MetricResults[K]> };

/** A metric ready to read rows: its reader, rules and options for results and comparisons. */
export interface ResolvedMetric {
  readonly name: MetricName;
  readonly reader: FieldReader;
  readonly rules: AnswerRules;
  /** Options for the result (bands, satisfied, method, interval, level…). */
  readonly resultOptions: Readonly<Record<string, unknown>>;
  /** The subset a two-sample comparison takes. */
  readonly compareOptions: Readonly<Record<string, unknown>>;
}

export const fieldSchema = z.union([z.string(), z.custom<(row: never, index: number) => unknown>((value) => typeof value === 'function')]);

function specSchema<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  const { weights: _weights, invalid: _invalid, ...rest } = shape;
  return z.strictObject({ field: fieldSchema, ...rest });
}

const KINDS = {
  nps: { scale: NPS_SCALE, schema: specSchema(npsOptionsSchema.shape), compareKeys: ['bands'] },
  csat: { scale: CSAT_SCALE, schema: specSchema(csatOptionsSchema.shape), compareKeys: ['satisfied'] },
  ces: { scale: CES_SCALE, schema: specSchema(cesOptionsSchema.shape), compareKeys: ['orientation', 'easy', 'difficult'] },
} as const;

/** The result of a metric on a tally. */
export function metricResult(metric: ResolvedMetric, tally: Tally): NpsResult | CsatResult | CesResult {
  const options = metric.resultOptions;
  if (metric.name === 'nps') return npsFromTally(tally, options);
  if (metric.name === 'csat') return csatFromTally(tally, options);
  return cesFromTally(tally, options);
}

/** The results of every requested metric for a group: `{ nps?, csat?, ces? }`. */
export function groupResults(metrics: readonly ResolvedMetric[], tallies: readonly Tally[]): MetricResults {
  return Object.fromEntries(metrics.map((metric, m) => [metric.name, metricResult(metric, tallies[m]!)])) as MetricResults;
}

/** The two-sample comparison of a metric, a − b. */
export function compareMetric(metric: ResolvedMetric, a: Tally, b: Tally, level: number): Comparison {
  const options = { ...metric.compareOptions, level };
  if (metric.name === 'nps') return compareNps(a, b, options);
  if (metric.name === 'csat') return compareCsat(a, b, options);
  return compareCes(a, b, options);
}

/**
 * Checks the metric options of an analysis call (each under its own name in error paths)
 * and resolves them, before any row is read: a mistake in the bands should not cost a pass
 * over a million rows.
 */
export function resolveMetrics<Row>(specs: MetricSpecs<Row>, invalid: InvalidPolicy | undefined): ResolvedMetric[] {
  return METRIC_NAMES.flatMap((name) => {
    const spec = specs[name];
    if (spec === undefined) return [];
    const kind = KINDS[name];
    const schema: z.ZodMiniType<Record<string, unknown>> = kind.schema;
    const parsed = typeof spec === 'object' ? parseWith(schema, spec, [name]) : { field: parseWith(fieldSchema, spec, [name]) };
    const { field, scale: givenScale, notApplicable, ...options } = parsed as { field: Field<Row>; scale?: Scale; notApplicable?: number[] };
    const scale = givenScale ? Object.freeze({ ...givenScale }) : kind.scale;
    const rules = withPathPrefix([name], () => answerRules(scale, { notApplicable, invalid }));
    const compareOptions = Object.fromEntries(Object.entries(options).filter(([key]) => (kind.compareKeys as readonly string[]).includes(key)));
    const metric: ResolvedMetric = { name, reader: fieldReader(field, name), rules, resultOptions: options, compareOptions };
    // A dry run on an empty tally checks bands, satisfied and easy points against the scale.
    withPathPrefix([name], () => metricResult(metric, emptyTally(scale)));
    return [metric];
  });
}
