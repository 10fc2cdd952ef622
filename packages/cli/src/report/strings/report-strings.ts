import type { KeyDriverMethod } from '../../../../../src/analysis/key-drivers.js';
import type { CsatIntervalMethod } from '../../../../../src/metrics/csat.js';
import type { NpsIntervalMethod } from '../../../../../src/metrics/nps.js';
import type { PValueAdjustment } from '../../../../../src/stats/adjust-p-values.js';

/**
 * The sentences of the key findings. `what` is a metric with its column ("NPS recommend");
 * numbers come formatted. Each sentence is followed by its test in brackets.
 */
export interface FindingStrings {
  /** The metrics as named inside a sentence. */
  readonly metricNames: { readonly nps: string; readonly csat: string; readonly ces: string };
  readonly group: (who: string, what: string, above: boolean, score: string, reference: string) => string;
  /** `change` is the size of the change, without its sign: `up` says which way. */
  readonly change: (period: string, what: string, up: boolean, score: string, change: string) => string;
  readonly stage: (label: string, what: string, above: boolean, score: string, reference: string) => string;
  readonly touchpoint: (label: string, what: string, above: boolean, score: string, reference: string) => string;
  readonly theme: (label: string, what: string, score: string, reference: string, impact: string) => string;
  readonly driver: (driver: string, outcome: string, r: string) => string;
  /** A family where nothing is significant at the level. */
  readonly none: {
    readonly group: (what: string, level: string) => string;
    readonly change: (what: string, level: string) => string;
    readonly stage: (what: string, level: string) => string;
    readonly touchpoint: (what: string, level: string) => string;
    readonly theme: (what: string, level: string) => string;
    readonly driver: (outcome: string, level: string) => string;
  };
  /** The test of a finding: its adjusted p, and its family's size and adjustment. */
  readonly test: (p: string | null, tests: number, adjustment: string) => string;
  /** Short names of the adjustments, for the brackets. */
  readonly adjustments: Readonly<Record<PValueAdjustment, string>>;
  /** Said after the listed findings of a family when it has more. */
  readonly more: (count: string) => string;
}

/** Every word of the HTML report, one object per language (en.ts, fi.ts): a third language is one more file. */
export interface ReportStrings {
  readonly title: string;
  readonly file: string;
  readonly rowsRead: string;
  readonly created: string;
  readonly readAs: string;
  readonly column: string;
  readonly answered: string;
  readonly missing: string;
  readonly invalid: string;
  readonly summary: string;
  readonly group: string;
  readonly total: string;
  readonly score: string;
  readonly interval: (level: string) => string;
  readonly trend: string;
  /** The control-chart section: its title, the column of limits and the column of signals. */
  readonly monitor: string;
  readonly controlLimits: string;
  readonly signals: string;
  /** Said in the control-chart table when no period signals. */
  readonly noSignal: string;
  readonly signalNames: Readonly<Record<'beyond-limits' | 'long-run' | 'few-crossings' | 'two-of-three' | 'four-of-five' | 'eight-in-a-row', string>>;
  /** The funnel-plot section (groups compared): its title, the limits column, where a group stands, and the adjustment's note. */
  readonly funnel: string;
  readonly funnelLimits: string;
  readonly standing: Readonly<Record<'above998' | 'below998' | 'above95' | 'below95', string>>;
  /** Said in the funnel table when every group is within its 95 % limits. */
  readonly allWithin: string;
  readonly funnelAdjusted: (tau2: string) => string;
  readonly funnelUnadjusted: string;
  readonly period: string;
  readonly change: string;
  readonly pValue: string;
  /** The column of p-values adjusted for their family of tests. */
  readonly adjustedPValue: string;
  /** A run of periods without answers, in one line of the trend table. */
  readonly noAnswers: string;
  readonly significantChange: string;
  readonly drivers: string;
  readonly driver: string;
  readonly correlation: string;
  /** A driver's part of R² and its share, for relative weights and Shapley. */
  readonly partOfRSquared: string;
  readonly shareOfRSquared: string;
  readonly performance: string;
  readonly rank: string;
  readonly quadrant: string;
  readonly journey: string;
  readonly stage: string;
  readonly vsRest: string;
  readonly belowRest: string;
  readonly journeyIndex: string;
  readonly weakest: string;
  readonly followUps: string;
  /** "What customers say": the section of coded comments. */
  readonly themes: string;
  readonly theme: string;
  readonly mentions: string;
  readonly shareOfCommenters: string;
  readonly impact: string;
  readonly noTheme: string;
  /** How many rows have a comment, and how many of them no theme covers. */
  readonly commenters: (commenters: string, rows: string, uncoded: string) => string;
  readonly quotes: string;
  /** How many respondents await a follow-up, of how many, and their share. */
  readonly contacts: (count: string, of: string, share: string) => string;
  /** What a table shows for figures hidden to protect respondents. */
  readonly hidden: string;
  /** The banner table's section. */
  readonly banner: {
    readonly title: string;
    /** What the letters mean, with the level, and whether the total was tested too. */
    readonly letters: (level: string) => string;
    readonly tests: string;
    /** The adjustment over each row's pairs, by name (none, bonferroni, holm, benjamini-hochberg), and the minimum base. */
    readonly adjustment: (adjust: 'none' | 'bonferroni' | 'holm' | 'benjamini-hochberg', minBase: string) => string;
  };
  /** The mystery-shopping section. */
  readonly scorecard: {
    readonly title: string;
    readonly location: string;
    readonly visits: string;
    readonly passRate: string;
    readonly criticalFailures: string;
    readonly wave: string;
    /** The weakest criteria of all visits, listed. */
    readonly weakest: (criteria: string) => string;
  };
  /** The unit of a difference of two percentages ("pp", "%-yks."). */
  readonly percentagePoints: string;
  /** The first section: the findings as sentences. */
  readonly findings: string;
  readonly finding: FindingStrings;
  readonly methodology: string;
  readonly generatedBy: string;
  readonly metricNames: { readonly nps: string; readonly csat: string; readonly ces: string };
  readonly method: {
    /**
     * Each metric's definition as computed: the points of the scale actually used (`points`
     * like "9–10", `scale` like "0–10"), and `columns` when columns differ in their points.
     * The interval follows from `intervals`.
     */
    readonly nps: (promoters: string, detractors: string, scale: string, columns: string | null) => string;
    readonly csat: (satisfied: string, scale: string, columns: string | null) => string;
    /** `method`: the mean, or the share of easy points (`percent-easy`), or easy − difficult (`net-easy`). */
    readonly ces: (method: 'mean' | 'percent-easy' | 'net-easy', scale: string, higherIsEasier: boolean, easy: string, difficult: string, columns: string | null) => string;
    /** One sentence per interval method, read after the metric's name. */
    readonly intervals: Readonly<Record<NpsIntervalMethod | CsatIntervalMethod, string>>;
    /** How each family of tests was adjusted, by method name. */
    readonly adjustments: Readonly<Record<PValueAdjustment, string>>;
    readonly trend: (adjustment: string) => string;
    /** How the control charts are drawn and what their signals mean. */
    readonly monitor: string;
    /** How the funnel plot compares groups. */
    readonly funnel: string;
    /** One sentence per importance measure. */
    readonly drivers: Readonly<Record<KeyDriverMethod, string>>;
    readonly journey: (adjustment: string) => string;
    /** How themes are coded and their impact tested, with the family's adjustment. */
    readonly themes: (adjustment: string) => string;
    readonly missing: string;
    /** The rule that hid small groups: its thresholds and the complementary rule (`glint`, `strict`, `none`). */
    readonly suppression: (minN: string, minNComments: string, complementary: 'glint' | 'strict' | 'none') => string;
    /** How mystery-shopping visits are scored, pooled and tested, with the adjustment of the waves' changes. */
    readonly scorecard: (adjustment: string | null) => string;
    /** Said when the report hides nothing (`--min-n 1`). */
    readonly noSuppression: string;
    /**
     * How the rows were weighted (`--rake`): the margins and their categories' target shares
     * ("Class: Business 40.0 %, Eco 45.0 %"), the weights' range, the design effect and the efficiency.
     */
    readonly weighting: (margins: string, iterations: string, min: string, max: string, designEffect: string, efficiency: string) => string;
  };
}
