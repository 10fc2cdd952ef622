import { readFileSync } from 'node:fs';

/**
 * Values from R, produced by test/reference/statistics.R (the command is in that file):
 * base R's pbeta, qbeta, prop.test, binom.test, p.adjust, eigen and lm, and the iterative()
 * function of Brendan Rocks' NPS package run beside an independent uniroot version.
 */
export const statistics = JSON.parse(readFileSync(new URL('./reference/statistics.json', import.meta.url), 'utf8')) as {
  pbeta: { x: number[]; a: number[]; b: number[]; value: number[] };
  qbeta: { p: number[]; a: number[]; b: number[]; value: number[] };
  proportion: { x: number; n: number; byLevel: { level: number; wilson: number[]; agrestiCoull: number[]; jeffreys: number[]; clopperPearson: number[] }[] }[];
  difference: { x1: number; n1: number; x2: number; n2: number; newcombe: number[]; agrestiCaffo: number[]; wald: number[]; pValue: number | null }[];
  pAdjust: ({ p: number[] } & Record<'holm' | 'hochberg' | 'bonferroni' | 'BH' | 'BY' | 'none', number[]>)[];
  npsIterative: { counts: [number, number, number]; ci95: [number, number]; ci80: [number, number]; rocks95?: [number, number] }[];
  relativeImportanceSmall: RelativeImportanceReference;
  relativeImportanceAirline: RelativeImportanceReference;
};

/** lm() R² of all drivers, Johnson's relative weights and the Shapley (LMG) parts, per driver. */
export interface RelativeImportanceReference {
  n: number;
  rSquared: number;
  relativeWeights: number[];
  shapley: number[];
}
