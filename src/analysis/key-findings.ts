import * as z from 'zod/mini';
import { subtractTally } from '../core/internal/subtract-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import type { Tally } from '../core/tally-types.js';
import type { CesResult } from '../metrics/ces.js';
import { compareCes } from '../metrics/compare-ces.js';
import { compareCsat } from '../metrics/compare-csat.js';
import { compareNps } from '../metrics/compare-nps.js';
import type { CsatResult } from '../metrics/csat.js';
import type { Comparison } from '../metrics/internal/comparison.js';
import type { NpsResult } from '../metrics/nps.js';
import { adjustPValues, type PValueAdjustment } from '../stats/adjust-p-values.js';
import { adjustFamily, adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import type { MetricName } from '../common/metric-specs.js';
import { summaryItems } from '../common/summary-items.js';
import type { JourneyReport } from './journey-report.js';
import type { KeyDriverResult } from './key-drivers.js';
import type { Summary } from './summarize.js';
import type { Trend } from './trend.js';

/** What a finding is about. */
export type KeyFindingKind = 'group' | 'change' | 'stage' | 'touchpoint' | 'theme' | 'driver';

/** A family of tests whose p-values were adjusted together, named so that a reader can tell what "significant" means. */
export interface KeyFindingFamily {
  readonly kind: KeyFindingKind;
  /** The metric tested; null for drivers (a correlation with the outcome). */
  readonly metric: MetricName | null;
  /** The metric's field when the summary asked for it on several fields, or a trend's given `field`; else null. */
  readonly field: string | null;
  /** Tests in the family (those with a p-value). */
  readonly tests: number;
  /** How their p-values were adjusted together. */
  readonly adjust: PValueAdjustment;
  readonly level: number;
  /** How many of them are significant after adjustment (the findings list at most `perFamily`). */
  readonly significant: number;
}

/**
 * One thing worth saying: a group above or below the rest of the respondents, a change from
 * the period before, a stage or touchpoint against the rest of the journey, a theme's impact,
 * a driver's correlation — significant after its family's adjustment. A family where nothing
 * is significant gives one finding with `subject` null: "no group differs from the rest".
 */
export interface KeyFinding {
  readonly kind: KeyFindingKind;
  readonly family: KeyFindingFamily;
  /** A group's key (a tuple for several `by` fields), a period label, a stage, touchpoint or theme id, a driver's field; null when nothing in the family is significant. */
  readonly subject: unknown;
  /** The stage's, touchpoint's or theme's label; a touchpoint's is "stage / touchpoint"; null for groups, periods and drivers (their subject is what to print). */
  readonly label: string | null;
  /** Whether the subject's score is above or below what it is compared with (a driver: a positive or negative correlation); null for nothing found. */
  readonly direction: 'above' | 'below' | null;
  /** Whether the direction is the good one (CES with `orientation: 'lower-is-easier'` turns it round; a theme lifting the score); null for drivers and nothing found. */
  readonly better: boolean | null;
  /** The subject's score (a driver: its correlation; a theme: the score of those who mention it). */
  readonly score: number | null;
  /** What it is compared with: the rest of the respondents, the period before, the rest of the journey, those who do not mention the theme; null for drivers. */
  readonly reference: number | null;
  /** Score − reference (a theme: its impact on the whole; a driver: null). */
  readonly difference: number | null;
  /** Respondents behind the subject's score. */
  readonly n: number | null;
  readonly pValue: number | null;
  readonly adjustedPValue: number | null;
}

/** The result of {@link keyFindings}. */
export interface KeyFindings {
  readonly level: number;
  /** Per family in the order of `families`, the significant findings by adjusted p-value (changes latest first), or the one "nothing found". */
  readonly findings: readonly KeyFinding[];
  readonly families: readonly KeyFindingFamily[];
}

/** The parts of a theme report that findings read (`cx-metrics/text`'s `ThemeReport` is one). */
export interface ThemeFindingsInput {
  readonly adjust: PValueAdjustment;
  readonly level: number;
  readonly themes: readonly {
    readonly id: string;
    readonly label: string;
    readonly mentions: number;
    readonly nps?: ThemeImpactInput<NpsResult>;
    readonly csat?: ThemeImpactInput<CsatResult>;
    readonly ces?: ThemeImpactInput<CesResult>;
  }[];
}

/** The parts of a theme's impact on a metric that findings read. */
export interface ThemeImpactInput<Result> {
  readonly mentioned: Result;
  readonly rest: Result;
  readonly impact: number | null;
  readonly pValue: number | null;
  readonly adjustedPValue: number | null;
  readonly significant: boolean | null;
}

/** The results a report holds; give those you have. */
export interface KeyFindingsInput {
  /** A summary with `by`: each group against the rest of the respondents (total − group), per metric field. */
  readonly summary?: Summary | undefined;
  /** A trend, or several (`{ field, trend }` names the field of each): its significant changes, as its own family adjusted them. */
  readonly trend?: Trend | readonly (Trend | FieldTrend)[] | undefined;
  /** A journey report: stages and touchpoints against the rest of the journey, as adjusted there. */
  readonly journey?: JourneyReport | undefined;
  /** A theme report: themes whose impact on the score is significant, as adjusted there. */
  readonly themes?: ThemeFindingsInput | undefined;
  /** Key drivers: their correlations with the outcome, adjusted here across the drivers. */
  readonly drivers?: KeyDriverResult | undefined;
}

/** A trend of one field, named for the findings (`trend` takes one column per metric). */
export interface FieldTrend {
  readonly field: string;
  readonly trend: Trend;
}

/** Options of {@link keyFindings}. */
export interface KeyFindingsOptions {
  /** Level of the groups' and drivers' tests (default 0.95); trends, journeys and themes keep their own. */
  readonly level?: number | undefined;
  /** How the groups' tests (per metric field) and the drivers' are adjusted (default `'holm'`). */
  readonly adjust?: PValueAdjustment | undefined;
  /** Findings listed per family at most (default 3); `family.significant` counts them all. */
  readonly perFamily?: number | undefined;
}

const optionsSchema = z.strictObject({
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
  adjust: adjustSchema,
  perFamily: z.optional(z.int().check(z.gte(1))),
});

const inputSchema = z.strictObject({
  summary: z.optional(z.object({ groups: z.array(z.unknown()), total: z.object({}) })),
  trend: z.optional(z.unknown()),
  journey: z.optional(z.object({ stages: z.array(z.unknown()) })),
  themes: z.optional(z.object({ themes: z.array(z.unknown()) })),
  drivers: z.optional(z.object({ drivers: z.array(z.unknown()) })),
});

type Scored = NpsResult | CsatResult | CesResult;

/**
 * The findings of a report as data, so that an app can show them as a report does: which
 * groups are significantly above or below the rest of the respondents (each compared with
 * everyone else, not with the total it is part of, by the metric's two-sample test: NPS z,
 * pooled z for CSAT, Welch's t for the CES mean), what changed in the trend, where the
 * journey is below the rest, which themes move the score, which drivers go with the outcome.
 * Nothing is said that is not significant after its family's adjustment; a family with
 * nothing significant says so. Groups hidden by `minN` are neither tested nor counted in
 * the family; their respondents stay in the rest.
 *
 * @throws {CxValidationError} for options out of range or inputs that are not results.
 * @example
 * ```ts
 * const rows = [
 *   ...Array.from({ length: 40 }, () => ({ store: 'Kamppi', q: 10 })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ store: 'Itis', q: i < 20 ? 10 : 3 })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ store: 'Sello', q: i < 20 ? 10 : 3 })),
 * ];
 * const { findings } = keyFindings({ summary: summarize(rows, { nps: 'q', by: 'store' }) });
 * findings[0]!.subject; // 'Kamppi'
 * findings[0]!.direction; // 'above'
 * findings[0]!.difference; // 100
 * ```
 */
export function keyFindings(input: KeyFindingsInput, options: KeyFindingsOptions = {}): KeyFindings {
  parseWith(inputSchema, input);
  const parsed = parseWith(optionsSchema, options);
  const level = parsed.level ?? 0.95;
  const adjust = parsed.adjust ?? DEFAULT_ADJUSTMENT;
  const perFamily = parsed.perFamily ?? 3;
  const found: { family: KeyFindingFamily; findings: KeyFinding[] }[] = [];
  if (input.summary !== undefined) found.push(...groupFindings(input.summary, level, adjust));
  const trends = input.trend === undefined ? [] : Array.isArray(input.trend) ? (input.trend as readonly (Trend | FieldTrend)[]) : [input.trend as Trend];
  for (const entry of trends) found.push(...('trend' in entry ? changeFindings(entry.trend, entry.field) : changeFindings(entry, null)));
  if (input.journey !== undefined) found.push(...journeyFindings(input.journey));
  if (input.themes !== undefined) found.push(...themeFindings(input.themes));
  if (input.drivers !== undefined) found.push(...driverFindings(input.drivers, level, adjust));
  const families = found.filter(({ family }) => family.tests > 0);
  return {
    level,
    families: families.map(({ family }) => family),
    findings: families.flatMap(({ family, findings }) => (findings.length === 0 ? [nothingFound(family)] : findings.slice(0, perFamily))),
  };
}

function nothingFound(family: KeyFindingFamily): KeyFinding {
  return { kind: family.kind, family, subject: null, label: null, direction: null, better: null, score: null, reference: null, difference: null, n: null, pValue: null, adjustedPValue: null };
}

/** Whether a higher score is the better one: all but CES read as lower-is-easier. */
function higherIsBetter(result: Scored): boolean {
  return result.metric !== 'ces' || result.orientation !== 'lower-is-easier';
}

/** The metric's two-sample test of a group against the rest, with the group's own metric options. */
function compareToRest(result: Scored, group: Tally, rest: Tally, level: number): Comparison {
  if (result.metric === 'nps') return compareNps(group, rest, { bands: result.bands, level });
  if (result.metric === 'csat') return compareCsat(group, rest, { satisfied: result.satisfiedPoints, level });
  return compareCes(group, rest, { orientation: result.orientation, easy: result.easyPoints, difficult: result.difficultPoints, level });
}

function directionOf(difference: number | null): 'above' | 'below' | null {
  return difference === null || difference === 0 ? null : difference > 0 ? 'above' : 'below';
}

/** A significant comparison as a finding. */
function comparisonFinding(kind: KeyFindingKind, family: KeyFindingFamily, subject: unknown, label: string | null, result: Scored, comparison: Comparison, reference: number | null): KeyFinding {
  const direction = directionOf(comparison.difference);
  return {
    kind,
    family,
    subject,
    label,
    direction,
    better: direction === null ? null : (direction === 'above') === higherIsBetter(result),
    score: result.score,
    reference,
    difference: comparison.difference,
    n: result.n,
    pValue: comparison.pValue,
    adjustedPValue: comparison.adjustedPValue,
  };
}

function bySignificance(a: KeyFinding, b: KeyFinding): number {
  return a.adjustedPValue! - b.adjustedPValue! || Math.abs(b.difference ?? 0) - Math.abs(a.difference ?? 0);
}

/** Each shown group of a summary against the rest of the respondents, one family per metric field. */
function groupFindings(summary: Summary, level: number, adjust: PValueAdjustment) {
  if (summary.groups.length < 2) return [];
  const totals = summaryItems(summary.total);
  return totals.map((total, m) => {
    const rows = summary.groups.map((group) => summaryItems(group)[m]!.result);
    const tested = rows.map((result) => (result.suppressed !== undefined || total.result.suppressed !== undefined || result.n === 0 ? null : compareToRest(result, result.tally, subtractTally(total.result.tally, result.tally), level)));
    const adjusted = adjustFamily(tested, adjust);
    const significant = adjusted.filter((comparison) => comparison?.significant === true).length;
    const family: KeyFindingFamily = { kind: 'group', metric: total.metric, field: total.field, tests: adjusted.filter((comparison) => comparison?.pValue !== null && comparison !== null).length, adjust, level, significant };
    const findings = adjusted
      .flatMap((comparison, g) => (comparison?.significant === true ? [comparisonFinding('group', family, summary.groups[g]!.key, null, rows[g]!, comparison, rows[g]!.score! - comparison.difference!)] : []))
      .sort(bySignificance);
    return { family, findings };
  });
}

/** A trend's significant changes, latest first, one family per metric as the trend adjusted them. */
function changeFindings(trend: Trend, field: string | null) {
  const metrics = (['nps', 'csat', 'ces'] as const).filter((metric) => trend.periods[0]?.[metric] !== undefined);
  return metrics.map((metric) => {
    const changes = trend.periods.flatMap((period, p) => {
      const change = period.change?.[metric];
      return change === undefined || change.pValue === null ? [] : [{ period, p, change }];
    });
    const significant = changes.filter(({ change }) => change.significant === true);
    const family: KeyFindingFamily = { kind: 'change', metric, field, tests: changes.length, adjust: trend.adjust, level: changes[0]?.change.level ?? 0.95, significant: significant.length };
    const findings = significant
      .reverse()
      .map(({ period, change }) => comparisonFinding('change', family, period.period, null, period[metric]!, change, period[metric]!.score! - change.difference!));
    return { family, findings };
  });
}

/** Stages and touchpoints against the rest of the journey, two families as the report adjusted them. */
function journeyFindings(report: JourneyReport) {
  const metric = report.headline;
  const stages = report.stages.map((stage) => ({ subject: stage.id, label: stage.label, part: stage }));
  const touchpoints = report.stages.flatMap((stage) => stage.touchpoints.map((touchpoint) => ({ subject: touchpoint.id, label: `${stage.label} / ${touchpoint.label}`, part: touchpoint })));
  return (['stage', 'touchpoint'] as const)
    .map((kind) => {
      const parts = kind === 'stage' ? stages : touchpoints;
      const tested = parts.filter(({ part }) => part.comparison?.pValue !== null && part.comparison !== null);
      const significant = tested.filter(({ part }) => part.comparison!.significant === true);
      const family: KeyFindingFamily = { kind, metric, field: null, tests: tested.length, adjust: report.adjust, level: tested[0]?.part.comparison!.level ?? 0.95, significant: significant.length };
      const findings = significant.map(({ subject, label, part }) => comparisonFinding(kind, family, subject, label, part[metric]!, part.comparison!, part[metric]!.score! - part.comparison!.difference!)).sort(bySignificance);
      return { family, findings };
    });
}

/** Themes whose impact on a metric is significant, one family per metric as the report adjusted them. */
function themeFindings(report: ThemeFindingsInput) {
  const metrics = (['nps', 'csat', 'ces'] as const).filter((metric) => report.themes[0]?.[metric] !== undefined);
  return metrics.map((metric) => {
    const tested = report.themes.filter((theme) => theme[metric]!.pValue !== null);
    const significant = tested.filter((theme) => theme[metric]!.significant === true);
    const family: KeyFindingFamily = { kind: 'theme', metric, field: null, tests: tested.length, adjust: report.adjust, level: report.level, significant: significant.length };
    const findings = significant
      .map((theme): KeyFinding => {
        const impact = theme[metric]!;
        const mentioned = impact.mentioned as Scored;
        const direction = directionOf(impact.impact);
        return {
          kind: 'theme',
          family,
          subject: theme.id,
          label: theme.label,
          direction,
          better: direction === null ? null : (direction === 'above') === higherIsBetter(mentioned),
          score: mentioned.score,
          reference: (impact.rest as Scored).score,
          difference: impact.impact,
          n: mentioned.n,
          pValue: impact.pValue,
          adjustedPValue: impact.adjustedPValue,
        };
      })
      .sort(bySignificance);
    return { family, findings };
  });
}

/** Drivers whose correlation with the outcome is significant after adjustment across them, strongest first. */
function driverFindings(result: KeyDriverResult, level: number, adjust: PValueAdjustment) {
  const tested = result.drivers.filter((driver) => driver.pValue !== null);
  const adjusted = adjustPValues(tested.map((driver) => driver.pValue!), adjust);
  const significant = tested.flatMap((driver, d) => (adjusted[d]! < 1 - level ? [{ driver, adjustedPValue: adjusted[d]! }] : []));
  const family: KeyFindingFamily = { kind: 'driver', metric: null, field: null, tests: tested.length, adjust, level, significant: significant.length };
  const findings = significant
    .sort((a, b) => (a.driver.rank ?? Infinity) - (b.driver.rank ?? Infinity) || Math.abs(b.driver.correlation!) - Math.abs(a.driver.correlation!))
    .map(({ driver, adjustedPValue }): KeyFinding => ({
      kind: 'driver',
      family,
      subject: driver.driver,
      label: null,
      direction: directionOf(driver.correlation),
      better: null,
      score: driver.correlation,
      reference: null,
      difference: null,
      n: driver.n,
      pValue: driver.pValue,
      adjustedPValue,
    }));
  return [{ family, findings }];
}
