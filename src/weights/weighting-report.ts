import type { CalibrationDesign, MarginReport, WeightingReport } from './calibrated-weights.js';
import type { ResolvedMargins } from './margins.js';

/** The report of final weights against their margins. */
export function weightingReport(
  weights: Float64Array,
  margins: ResolvedMargins,
  run: { method: WeightingReport['method']; iterations: number; converged: boolean; trimmed: number },
): WeightingReport {
  const n = weights.length;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    sum += w;
    squares += w * w;
    if (w < min) min = w;
    if (w > max) max = w;
  }
  const mean = sum / n;
  // Kish: n·Σw²/(Σw)² = 1 + cv² with the standard deviation over n.
  const designEffect = (n * squares) / (sum * sum);
  const cv = Math.sqrt(Math.max(0, designEffect - 1));
  const reports: MarginReport[] = margins.fields.map((field, m) => {
    const achieved = new Float64Array(margins.categories[m]!.length);
    const respondents = new Float64Array(achieved.length);
    const of = margins.categoryOfRow[m]!;
    for (let i = 0; i < n; i++) {
      achieved[of[i]!]! += weights[i]!;
      respondents[of[i]!]!++;
    }
    return {
      field,
      categories: margins.categories[m]!.map((category, c) => ({ category, target: margins.targets[m]![c]!, achieved: achieved[c]!, respondents: respondents[c]! })),
    };
  });
  return { ...run, n, sumWeights: sum, min, max, mean, cv, designEffect, efficiency: 1 / designEffect, margins: reports };
}

/** Each row's cell (its category in every margin), numbered in the order cells are met. */
export function calibrationDesign(margins: ResolvedMargins, variance: CalibrationDesign['variance']): CalibrationDesign {
  const n = margins.baseWeights.length;
  const cellOfRow = new Int32Array(n);
  const cells: number[][] = [];
  const numbered = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const categories = margins.categoryOfRow.map((of) => of[i]!);
    const key = categories.join(',');
    let cell = numbered.get(key);
    if (cell === undefined) {
      cell = cells.length;
      numbered.set(key, cell);
      cells.push(categories);
    }
    cellOfRow[i] = cell;
  }
  return { variance, cellOfRow, cells, categoryCounts: margins.categories.map((list) => list.length), baseWeights: margins.baseWeights };
}
