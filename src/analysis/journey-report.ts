import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { readFailure } from '../core/internal/read-failure.js';
import { groupText } from '../core/internal/group-keys.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { checkFieldExists, rowWeight, type RowProblem } from '../core/internal/row-answers.js';
import { mergeTallies } from '../core/merge-tallies.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import type { Comparison } from '../metrics/internal/comparison.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import type { PValueAdjustment } from '../stats/adjust-p-values.js';
import { adjustFamily, adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import { defineJourney, type JourneyDefinition } from './define-journey.js';
import { headlineResult, higherIsBetter, scoreRange, weightedIndex, type WeightedIndex } from './internal/headline.js';
import { countRow, groupLayout, groupTallies, mergeGroups, newRowGroup, rejectRow, type RowGroup } from '../core/internal/row-tallies.js';
import { startRowPass } from '../common/row-pass.js';
import { compareMetric, fieldSchema, METRIC_NAMES, metricResult, type MetricName, type MetricResults, type MetricSpecs, type ResolvedMetric, resolveMetrics } from '../common/metric-specs.js';
import { groupSuppression, hiddenCells, hiddenResult, suppressionRule, suppressionShape, type Suppression, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';

export type { WeightedIndex } from './internal/headline.js';

/** Options of {@link journeyReport}. */
export interface JourneyReportOptions<Row> extends MetricSpecs<Row>, SuppressionOptions {
  /** The stage id of each row. */
  readonly stage: Field<Row>;
  /** The touchpoint id of each row, within its stage. */
  readonly touchpoint?: Field<Row> | undefined;
  /** The metric the index, `weakest` and the tests use (default: the only metric asked for). */
  readonly headline?: MetricName | undefined;
  readonly weight?: Field<Row> | undefined;
  readonly invalid?: InvalidPolicy | undefined;
  /** Level of the index interval and of the tests against the rest of the journey (default 0.95). */
  readonly level?: number | undefined;
  /**
   * How the tests against the rest of the journey are adjusted for their number: the stages'
   * tests are one family, the touchpoints' another (default `'holm'`; `'none'` tests each
   * alone, the behaviour before this option). See {@link adjustPValues}.
   */
  readonly adjust?: PValueAdjustment | undefined;
}

/** The headline of a stage or touchpoint tested against the rest of the journey. */
export interface AgainstRest {
  /**
   * Headline comparison, this − rest of the journey; null without a headline score. Its
   * `adjustedPValue` accounts for the other stages' (or touchpoints') tests.
   */
  readonly comparison: Comparison | null;
  /** Worse than the rest of the journey, significantly at the report's level after adjustment. */
  readonly significantlyBelow: boolean;
}

export interface TouchpointReport extends MetricResults, AgainstRest {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  /** Rows of the touchpoint (0 when it is hidden, unless `showCounts`). */
  readonly rows: number;
  /** Set when every result of the touchpoint is hidden (see `minN`). */
  readonly suppressed?: Suppression;
}

export interface StageReport extends MetricResults, AgainstRest {
  readonly id: string;
  readonly label: string;
  readonly weight: number;
  /** Rows of the stage (0 when it is hidden, unless `showCounts`). */
  readonly rows: number;
  /** Set when every result of the stage is hidden (see `minN`). */
  readonly suppressed?: Suppression;
  readonly touchpoints: readonly TouchpointReport[];
  /** Weighted index of the touchpoints' headline scores; null for a stage without touchpoints. */
  readonly touchpointIndex: WeightedIndex | null;
}

/** Rows that did not fit the journey: counted, never dropped. */
export interface Unmapped {
  /** Rows whose stage is not a stage of the journey (or missing). */
  readonly rows: number;
  /** The stage values not in the journey, with their row counts (first 100 distinct). */
  readonly stages: readonly { readonly value: unknown; readonly rows: number }[];
  /** Rows of a known stage whose touchpoint is not one of that stage's: they count for the stage only. */
  readonly touchpoints: readonly { readonly stage: string; readonly value: unknown; readonly rows: number }[];
}

/** The result of {@link journeyReport}. */
export interface JourneyReport {
  readonly headline: MetricName;
  /** How the stages' tests and the touchpoints' tests were each adjusted as a family. */
  readonly adjust: PValueAdjustment;
  /** Stages in journey order. */
  readonly stages: readonly StageReport[];
  /** All rows mapped to a stage. */
  readonly total: MetricResults & { readonly rows: number };
  readonly unmapped: Unmapped;
  /** The stage-weighted index of the headline over stages with data. */
  readonly index: WeightedIndex;
  /** The stage and the touchpoint with the worst headline score (null without data). */
  readonly weakest: { readonly stage: string | null; readonly touchpoint: { readonly stage: string; readonly touchpoint: string } | null };
  /** Stages and touchpoints significantly worse than the rest of the journey (adjusted p-values). */
  readonly significantlyBelow: { readonly stages: readonly string[]; readonly touchpoints: readonly { readonly stage: string; readonly touchpoint: string }[] };
  /** The rule small stages and touchpoints were hidden by, when `minN` was given. */
  readonly suppression?: SuppressionRule;
}

const journeyOptionsSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  stage: fieldSchema,
  touchpoint: z.optional(fieldSchema),
  headline: z.optional(z.enum(METRIC_NAMES as ['nps', 'csat', 'ces'])),
  weight: z.optional(fieldSchema),
  invalid: answerOptionsShape.invalid,
  level: z.optional(levelSchema),
  adjust: adjustSchema,
  ...suppressionShape,
});

const MAX_LISTED = 100;

interface StagePlaces {
  /** Rows of the stage in none of its touchpoints. */
  readonly outside: RowGroup;
  readonly touchpoints: readonly RowGroup[];
  readonly touchpointIndex: Map<unknown, number>;
}

/** The index of a stage or touchpoint id in a row; a text found by its normalised form is remembered as given. */
function idIndex(index: Map<unknown, number>, value: unknown): number | undefined {
  const found = index.get(value);
  if (found !== undefined || typeof value !== 'string') return found;
  const normalised = index.get(groupText(value));
  if (normalised !== undefined) index.set(value, normalised);
  return normalised;
}

/**
 * Metrics per journey stage and touchpoint from the user's rows, in one pass: every stage in
 * journey order with its touchpoints, rows that fit no stage counted in `unmapped`, the
 * stage-weighted journey `index` of the headline metric (with a standard error: stages are
 * independent samples), the `weakest` stage and touchpoint, and those significantly worse
 * than the rest of the journey (the metric's two-sample test: z for NPS, pooled z for CSAT,
 * Welch t for the CES mean). The stages' tests are one family and the touchpoints' another:
 * each family's p-values are adjusted by Holm's method (option `adjust`), so a journey of
 * twenty touchpoints with no real difference rarely flags one by chance. Stage and touchpoint values match ids exactly (`'1'` is not 1).
 *
 * @throws {CxValidationError} for invalid answers (unless `invalid: 'skip'`), a field no row
 * has, a bad journey or options.
 * @example
 * ```ts
 * const journey = defineJourney({ stages: [{ id: 'buy' }, { id: 'use', weight: 3 }] });
 * const rows = [
 *   { stage: 'buy', q: 10 }, { stage: 'buy', q: 9 },
 *   { stage: 'use', q: 3 }, { stage: 'use', q: 10 },
 *   { stage: 'returns', q: 5 },
 * ];
 * const report = journeyReport(rows, journey, { stage: 'stage', nps: 'q' });
 * report.stages[1]?.nps?.score; // 0
 * report.index.score; // 25 ((1 × 100 + 3 × 0) / 4)
 * report.unmapped.rows; // 1
 * report.weakest.stage; // 'use'
 * ```
 */
export function journeyReport<Row extends object>(rows: readonly Row[], journey: JourneyDefinition, options: JourneyReportOptions<Row>): JourneyReport {
  const checked = defineJourney(journey);
  const parsed = parseWith(journeyOptionsSchema, options);
  const metrics = resolveMetrics(options, parsed.invalid);
  const headline = pickHeadline(metrics, parsed.headline);
  const level = parsed.level ?? DEFAULT_LEVEL;
  const stageReader = fieldReader(options.stage, 'stage');
  const touchpointReader = options.touchpoint === undefined ? undefined : fieldReader(options.touchpoint, 'touchpoint');
  const rule = suppressionRule(parsed);
  const pass = startRowPass(rows, metrics, options.weight, parsed.invalid);
  checkFieldExists(rows, stageReader, ['stage']);
  checkFieldExists(rows, touchpointReader, ['touchpoint']);
  const layout = groupLayout(metrics, pass.weight !== undefined);
  // Ids compared as group text (NFC, trimmed): a stage "purchase " in the data is "purchase".
  const stageIndex = new Map(checked.stages.map((stage, s) => [groupText(stage.id) as unknown, s]));
  // Each row is counted in one place — a touchpoint, or its stage outside any touchpoint —
  // and stages and the total are unions of those places.
  const places: StagePlaces[] = checked.stages.map((stage) => ({
    outside: newRowGroup(layout),
    touchpoints: stage.touchpoints.map(() => newRowGroup(layout)),
    touchpointIndex: new Map(stage.touchpoints.map((touchpoint, t) => [groupText(touchpoint.id) as unknown, t])),
  }));
  const nowhere = newRowGroup(layout);
  const unmappedStages = new Map<unknown, number>();
  const unmappedTouchpoints = new Map<unknown, Map<unknown, number>>();
  let unmappedRows = 0;

  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row: unknown = rows[r];
      const weight = rowWeight(row, r, pass.weight, metrics);
      if (typeof row !== 'object' || row === null) {
        // No stage to read: an error, or under 'skip' an unmapped row.
        if (pass.skip) unmappedRows++;
        else rejectRow(nowhere, r, row, weight as RowProblem, pass);
        continue;
      }
      const stageValue = stageReader.read(row, r);
      const s = idIndex(stageIndex, stageValue);
      if (s === undefined) {
        unmappedRows++;
        count(unmappedStages, typeof stageValue === 'string' ? groupText(stageValue) : stageValue);
        continue;
      }
      const stagePlaces = places[s]!;
      let place = stagePlaces.outside;
      if (touchpointReader !== undefined && stagePlaces.touchpoints.length > 0) {
        const value = touchpointReader.read(row, r);
        const t = idIndex(stagePlaces.touchpointIndex, value);
        if (t !== undefined) place = stagePlaces.touchpoints[t]!;
        else if (value !== null && value !== undefined) {
          const perStage = unmappedTouchpoints.get(s) ?? new Map<unknown, number>();
          count(perStage, typeof value === 'string' ? groupText(value) : value);
          unmappedTouchpoints.set(s, perStage);
        }
      }
      if (typeof weight !== 'number') {
        rejectRow(place, r, row, weight, pass);
        continue;
      }
      countRow(layout, place, row, r, weight, pass);
    }
  } catch (error) {
    // A getter or accessor of the caller's threw: name the row and the field.
    throw readFailure(error, rows[r], r, [...metrics.map((metric) => metric.reader), pass.weight, stageReader, touchpointReader]);
  }
  throwIfIssues(pass.log);
  const stageGroups = places.map((stagePlaces) => mergeGroups(layout, [stagePlaces.outside, ...stagePlaces.touchpoints]));
  const total = mergeGroups(layout, stageGroups);
  // Stages sum to the total, a stage's touchpoints and its rows outside them to the stage:
  // small ones are hidden per metric, the rows outside counting as already hidden.
  const nOf = (group: RowGroup, m: number) => groupTallies(layout, group)[m]!.n;
  const none = (count: number) => Array.from({ length: count }, () => null);
  const hiddenStages = metrics.map((_, m) => (rule === null ? none(places.length) : hiddenCells(stageGroups.map((group) => nOf(group, m)), rule)));
  const hiddenTouchpoints = places.map((stagePlaces) =>
    metrics.map((_, m) => (rule === null ? none(stagePlaces.touchpoints.length) : hiddenCells(stagePlaces.touchpoints.map((group) => nOf(group, m)), rule, nOf(stagePlaces.outside, m)))),
  );
  /** A place's results, each hidden where its dimension says, and the place's own mark. */
  const resultsOf = (group: RowGroup, hidden: readonly (Suppression | null)[]) => {
    const results = groupTallies(layout, group).map((tally, m) => {
      const result = metricResult(metrics[m]!, tally);
      return hidden[m] === null || rule === null ? result : hiddenResult(metrics[m]!, result, hidden[m]!, rule);
    });
    const why = rule === null ? undefined : groupSuppression(results);
    return {
      rows: why !== undefined && !rule!.showCounts ? 0 : group.rows,
      ...Object.fromEntries(metrics.map((metric, m) => [metric.name, results[m]])),
      ...(why === undefined ? {} : { suppressed: why }),
    } as MetricResults & { rows: number; suppressed?: Suppression };
  };

  const h = metrics.indexOf(headline);
  const better = higherIsBetter(headline);
  const range = scoreRange(headline);
  const headlineTally = (group: RowGroup) => groupTallies(layout, group)[h]!;
  const tallies = places.map((stagePlaces, s) => ({
    stage: headlineTally(stageGroups[s]!),
    outside: headlineTally(stagePlaces.outside),
    touchpoints: stagePlaces.touchpoints.map(headlineTally),
  }));
  const againstRest = (subject: Tally, rest: Tally[]): Comparison | null => {
    const merged = rest.length > 0 ? mergeTallies(rest[0]!, ...rest.slice(1)) : emptyTally(headline.rules.scale);
    return subject.n === 0 ? null : compareMetric(headline, subject, merged, level);
  };
  // The tests, then each family adjusted: the stages' together, all touchpoints' together.
  // With small groups hidden, tests are among the shown ones only: a hidden subject is not
  // tested, and the rest is the shown stages and touchpoints.
  const adjust = parsed.adjust ?? DEFAULT_ADJUSTMENT;
  const stageShown = (s: number) => hiddenStages[h]![s] === null;
  const touchpointShown = (s: number, t: number) => hiddenTouchpoints[s]![h]![t] === null;
  const stageTests = adjustFamily(
    tallies.map((entry, s) => (stageShown(s) ? againstRest(entry.stage, tallies.filter((_, other) => other !== s && stageShown(other)).map((other) => other.stage)) : null)),
    adjust,
  );
  const touchpointTests = tallies.map((entry, s) =>
    entry.touchpoints.map((subject, t) => {
      if (!touchpointShown(s, t)) return null;
      const otherStages = tallies.filter((_, other) => other !== s && stageShown(other)).map((other) => other.stage);
      const outside = rule === null ? [entry.outside] : [];
      return againstRest(subject, [...otherStages, ...outside, ...entry.touchpoints.filter((_, other) => other !== t && touchpointShown(s, other))]);
    }),
  );
  const adjustedTouchpoints = adjustFamily(touchpointTests.flat(), adjust);
  let next = 0;
  const touchpointAdjusted = touchpointTests.map((list) => list.map(() => adjustedTouchpoints[next++]!));
  const verdict = (comparison: Comparison | null): AgainstRest => {
    const difference = comparison?.difference ?? null;
    const worse = difference !== null && (better ? difference < 0 : difference > 0);
    return { comparison, significantlyBelow: worse && comparison?.significant === true };
  };

  const stages = checked.stages.map((stage, s): StageReport => {
    const stagePlaces = places[s]!;
    const touchpoints = stage.touchpoints.map((touchpoint, t): TouchpointReport => {
      const group = stagePlaces.touchpoints[t]!;
      const hidden = metrics.map((_, m) => hiddenTouchpoints[s]![m]![t]!);
      return { id: touchpoint.id, label: touchpoint.label, weight: touchpoint.weight, ...resultsOf(group, hidden), ...verdict(touchpointAdjusted[s]![t]!) };
    });
    const touchpointIndex = touchpoints.length === 0 ? null : weightedIndex(touchpoints.map((touchpoint) => ({ weight: touchpoint.weight, result: headlineResult(touchpoint, headline) })), level, range);
    return {
      id: stage.id,
      label: stage.label,
      weight: stage.weight,
      ...resultsOf(stageGroups[s]!, metrics.map((_, m) => hiddenStages[m]![s]!)),
      ...verdict(stageTests[s]!),
      touchpoints,
      touchpointIndex,
    };
  });

  const worst = <T>(candidates: readonly { item: T; score: number | null }[]): T | null => {
    let found: { item: T; score: number } | null = null;
    for (const { item, score } of candidates) {
      if (score === null) continue;
      if (found === null || (better ? score < found.score : score > found.score)) found = { item, score };
    }
    return found?.item ?? null;
  };
  const touchpointList = stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => ({ stage: stage.id, touchpoint: touchpoint.id, report: touchpoint })));
  return {
    headline: headline.name,
    adjust,
    stages,
    total: resultsOf(
      total,
      metrics.map((_, m) => (rule !== null && nOf(total, m) > 0 && nOf(total, m) < rule.minN ? 'insufficient' : null)),
    ),
    unmapped: {
      rows: unmappedRows,
      stages: [...unmappedStages].slice(0, MAX_LISTED).map(([value, rowCount]) => ({ value, rows: rowCount })),
      touchpoints: [...unmappedTouchpoints].flatMap(([s, values]) => [...values].map(([value, rowCount]) => ({ stage: checked.stages[s as number]!.id, value, rows: rowCount }))).slice(0, MAX_LISTED),
    },
    index: weightedIndex(stages.map((stage) => ({ weight: stage.weight, result: headlineResult(stage, headline) })), level, range),
    weakest: {
      stage: worst(stages.map((stage) => ({ item: stage.id, score: headlineResult(stage, headline).score }))),
      touchpoint: worst(touchpointList.map(({ stage, touchpoint, report }) => ({ item: { stage, touchpoint }, score: headlineResult(report, headline).score }))),
    },
    significantlyBelow: {
      stages: stages.filter((stage) => stage.significantlyBelow).map((stage) => stage.id),
      touchpoints: touchpointList.filter(({ report }) => report.significantlyBelow).map(({ stage, touchpoint }) => ({ stage, touchpoint })),
    },
    ...(rule === null ? {} : { suppression: rule }),
  };
}

function pickHeadline(metrics: readonly ResolvedMetric[], headline: MetricName | undefined): ResolvedMetric {
  if (metrics.length === 0) fail('invalid_option', [], 'ask for at least one of nps, csat and ces');
  if (headline === undefined) {
    if (metrics.length > 1) fail('invalid_option', ['headline'], `say which of ${metrics.map((metric) => metric.name).join(', ')} is the headline`);
    return metrics[0]!;
  }
  const found = metrics.find((metric) => metric.name === headline);
  if (found === undefined) fail('invalid_option', ['headline'], `the headline ${headline} is not among the metrics asked for`);
  return found;
}

function count(counts: Map<unknown, number>, value: unknown): void {
  if (counts.has(value) || counts.size < MAX_LISTED) counts.set(value, (counts.get(value) ?? 0) + 1);
}
