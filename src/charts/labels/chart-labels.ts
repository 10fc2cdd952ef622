/**
 * Every word a chart shows, so that an embedding tool can translate them all. One object per
 * language (en.ts, fi.ts); a third language is one more file.
 */
export interface ChartLabels {
  readonly promoters: string;
  readonly passives: string;
  readonly detractors: string;
  readonly nps: string;
  readonly csat: string;
  readonly ces: string;
  /** The share axis of the NPS bars. */
  readonly shareOfAnswers: string;
  readonly group: string;
  readonly item: string;
  readonly total: string;
  readonly answers: string;
  readonly period: string;
  readonly score: string;
  readonly interval: string;
  readonly significantChange: string;
  /** A control chart's centre line, its limits, and a period that signals. */
  readonly centreLine: string;
  readonly controlLimits: string;
  readonly signal: string;
  /** A funnel plot's limits, and a unit beyond them. */
  readonly limits95: string;
  readonly limits998: string;
  readonly inside: string;
  readonly outside95: string;
  readonly outside998: string;
  readonly change: string;
  readonly importance: string;
  /** The importance axis when it is a driver's part of R² (relative weights, Shapley). */
  readonly importanceOfRSquared: string;
  /** A driver's part of R² as a percentage of it. */
  readonly shareOfRSquared: string;
  readonly performance: string;
  readonly driver: string;
  readonly quadrants: { readonly 'keep-up': string; readonly 'concentrate-here': string; readonly 'low-priority': string; readonly 'possible-overkill': string };
  readonly stage: string;
  readonly touchpoint: string;
  readonly weakest: string;
  readonly significantlyBelow: string;
  readonly otherStage: string;
  readonly journeyIndex: string;
  readonly pooledScore: string;
  readonly passMark: string;
  readonly rank: string;
  readonly notRanked: string;
  readonly theme: string;
  /** The share axis of the themes: commenters who mention a theme. */
  readonly shareOfCommenters: string;
  /** The impact axis, followed by the metric's name: "Impact on NPS". */
  readonly impactOn: string;
  readonly significantImpact: string;
  readonly otherImpact: string;
  /** The note of a chart with hidden groups (or impacts): how many, and the least number of respondents shown. */
  readonly hidden: (count: number, minN: number) => string;
  readonly titles: {
    readonly summary: string;
    readonly trend: string;
    readonly drivers: string;
    readonly journey: string;
    readonly touchpoints: string;
    readonly scorecard: string;
    readonly themes: string;
    readonly monitor: string;
    readonly funnel: string;
  };
}
