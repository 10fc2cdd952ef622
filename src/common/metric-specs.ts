import * as z from 'zod/mini';
import { fail, withPathPrefix } from '../core/errors.js';
import type { AnswerRules } from '../core/internal/answer-rules.js';
import { fieldReader, type Field, type FieldReader } from '../core/internal/field-reader.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { answerRules } from '../core/options.js';
import { CES_SCALE, CSAT_SCALE, NPS_SCALE, type Scale } from '../core/scale.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import { cesFromTally, cesOptionsSchema, type CesOptions, type CesResult } from '../metrics/ces.js';
import { compareCes } from '../metrics/compare-ces.js';
import { compareCsat } from '../metrics/compare-csat.js';
import { compareNps } from '../metrics/compare-nps.js';
import { csatFromTally, csatOptionsSchema, type CsatOptions, type CsatResult } from '../metrics/csat.js';
import type { Comparison } from '../metrics/internal/comparison.js';
import { npsFromTally, npsOptionsSchema, type NpsOptions, type NpsResult } from '../metrics/nps.js';

/** The metrics the analysis functions compute over rows. */
export type MetricName = 'nps' | 'csat' | 'ces';
export const METRIC_NAMES: readonly MetricName[] = ['nps', 'csat', 'ces'];

/**
 * A metric over rows: the field (or accessor) holding the answer, optionally with the
 * metric's options and a `label` (what results and errors call an accessor's answers).
 */
export type MetricSpec<Row, Options> = Field<Row> | ({ readonly field: Field<Row>; readonly label?: string | undefined } & Omit<Options, 'weights' | 'invalid'>);

/** A metric for {@link summarize}: one field, or several (the items of a questionnaire), each a {@link MetricSpec}. */
export type SummaryMetricSpec<Row, Options> = MetricSpec<Row, Options> | readonly MetricSpec<Row, Options>[];

/** Which metrics {@link summarize} computes: each from one field or from several. */
export interface SummaryMetricSpecs<Row> {
  readonly nps?: SummaryMetricSpec<Row, NpsOptions> | undefined;
  readonly csat?: SummaryMetricSpec<Row, CsatOptions> | undefined;
  readonly ces?: SummaryMetricSpec<Row, CesOptions> | undefined;
}

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

/** The result for one of several fields of a metric, with the field (or its label) it came from. */
export type ItemResult<Result> = Result & { readonly field: string };

/** The results of a summary's metrics for one group: one result per metric, or one per field when several were given. */
export interface SummaryMetricResults {
  readonly nps?: NpsResult | readonly ItemResult<NpsResult>[];
  readonly csat?: CsatResult | readonly ItemResult<CsatResult>[];
  readonly ces?: CesResult | readonly ItemResult<CesResult>[];
}

/** The metrics an options object sets (a key that is present and not optional), e.g. `'nps' | 'csat'`. */
export type AskedMetrics<Options> = {
  [K in MetricName]-?: K extends keyof Options ? ({} extends Pick<Options, K> ? never : undefined extends Options[K] ? never : K) : never;
}[MetricName];

/**
 * {@link SummaryMetricResults} with the metrics that `Options` asks for present rather than
 * optional, one result or a list as asked: `summarize(rows, { nps: 'q' }).total.nps` is an
 * `NpsResult`, and with `csat: ['a', 'b']` `total.csat` is a list of two, no `?.` needed.
 */
export type MetricResultsFor<Options, Base extends SummaryMetricResults = SummaryMetricResults> = Omit<Base, AskedMetrics<Options>> & {
  readonly [K in AskedMetrics<Options>]-?: Options[K] extends readonly unknown[] ? readonly ItemResult<NonNullable<MetricResults[K]>>[] : NonNullable<MetricResults[K]>;
};

/** A metric ready to read rows: its reader, rules and options for results and comparisons. */
export interface ResolvedMetric {
  readonly name: MetricName;
  /** For one of several fields of a metric (summarize only): its field name or label; null otherwise. */
  readonly item: string | null;
  /** Where its options were given, for errors: `['nps']`, or `['csat', 1]` for the second of several. */
  readonly path: readonly (string | number)[];
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
  return z.strictObject({ field: fieldSchema, label: z.optional(z.string()), ...rest });
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

/**
 * The results of every requested metric for a group: `{ nps?, csat?, ces? }`, a list of
 * results with their `field` for a metric asked for on several fields.
 */
export function groupResults(metrics: readonly ResolvedMetric[], tallies: readonly Tally[]): MetricResults {
  const results: Record<string, unknown> = {};
  metrics.forEach((metric, m) => {
    const result = metricResult(metric, tallies[m]!);
    if (metric.item === null) results[metric.name] = result;
    else ((results[metric.name] ??= []) as unknown[]).push({ ...result, field: metric.item });
  });
  return results as MetricResults;
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
export function resolveMetrics<Row>(specs: SummaryMetricSpecs<Row>, invalid: InvalidPolicy | undefined, allowLists = false): ResolvedMetric[] {
  return METRIC_NAMES.flatMap((name) => {
    const spec = specs[name];
    if (spec === undefined) return [];
    if (!Array.isArray(spec)) return [resolveMetric(name, spec, [name], null, invalid)];
    if (!allowLists) fail('invalid_option', [name], `${name} takes one field here (a list of fields is for summarize)`);
    const list = spec as readonly unknown[];
    if (list.length === 0) fail('invalid_option', [name], `${name} needs at least one field`);
    const metrics = list.map((item, i) => resolveMetric(name, item, [name, i], `${name}[${i}]`, invalid));
    metrics.forEach((metric, i) => {
      if (metrics.findIndex((other) => other.item === metric.item) < i) fail('invalid_option', [name, i], `${JSON.stringify(metric.item)} is already one of the ${name} fields; give one a label`);
    });
    return metrics;
  });
}

/** One metric spec checked and resolved; `item` is the default label of one of several fields, or null for a lone spec. */
function resolveMetric(name: MetricName, spec: unknown, path: readonly (string | number)[], item: string | null, invalid: InvalidPolicy | undefined): ResolvedMetric {
  const kind = KINDS[name];
  const schema: z.ZodMiniType<Record<string, unknown>> = kind.schema;
  const parsed = typeof spec === 'object' && spec !== null ? parseWith(schema, spec, path) : { field: parseWith(fieldSchema, spec, path) };
  const { field, label, scale: givenScale, notApplicable, ...options } = parsed as { field: Field<unknown>; label?: string; scale?: Scale; notApplicable?: number[] };
  const scale = givenScale ? Object.freeze({ ...givenScale }) : kind.scale;
  const rules = withPathPrefix(path, () => answerRules(scale, { notApplicable, invalid }));
  const compareOptions = Object.fromEntries(Object.entries(options).filter(([key]) => (kind.compareKeys as readonly string[]).includes(key)));
  // Errors name the field, or for an accessor its label or the option it was given for.
  const readerLabel = label ?? (typeof field === 'string' ? field : (item ?? name));
  const metric: ResolvedMetric = {
    name,
    item: item === null ? null : readerLabel,
    path,
    reader: { ...fieldReader(field, name), label: readerLabel },
    rules,
    resultOptions: options,
    compareOptions,
  };
  // A dry run on an empty tally checks bands, satisfied and easy points against the scale.
  withPathPrefix(path, () => metricResult(metric, emptyTally(scale)));
  return metric;
}
