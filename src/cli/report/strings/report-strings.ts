import type { KeyDriverMethod } from '../../../analysis/key-drivers.js';
import type { CsatIntervalMethod } from '../../../metrics/csat.js';
import type { NpsIntervalMethod } from '../../../metrics/nps.js';
import type { PValueAdjustment } from '../../../stats/adjust-p-values.js';

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
  readonly period: string;
  readonly change: string;
  readonly pValue: string;
  /** The column of p-values adjusted for their family of tests. */
  readonly adjustedPValue: string;
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
  readonly contacts: (count: string, of: string) => string;
  /** What a table shows for figures hidden to protect respondents. */
  readonly hidden: string;
  readonly methodology: string;
  readonly generatedBy: string;
  readonly metricNames: { readonly nps: string; readonly csat: string; readonly ces: string };
  readonly method: {
    /** The metric's definition and standard error; its interval comes from `intervals`. */
    readonly nps: string;
    readonly csat: string;
    readonly ces: string;
    /** One sentence per interval method, read after the metric's name. */
    readonly intervals: Readonly<Record<NpsIntervalMethod | CsatIntervalMethod, string>>;
    /** How each family of tests was adjusted, by method name. */
    readonly adjustments: Readonly<Record<PValueAdjustment, string>>;
    readonly trend: (adjustment: string) => string;
    /** One sentence per importance measure. */
    readonly drivers: Readonly<Record<KeyDriverMethod, string>>;
    readonly journey: (adjustment: string) => string;
    /** How themes are coded and their impact tested, with the family's adjustment. */
    readonly themes: (adjustment: string) => string;
    readonly missing: string;
    /** The rule that hid small groups: its thresholds and the complementary rule (`glint`, `strict`, `none`). */
    readonly suppression: (minN: string, minNComments: string, complementary: 'glint' | 'strict' | 'none') => string;
    /** Said when the report hides nothing (`--min-n 1`). */
    readonly noSuppression: string;
  };
}
