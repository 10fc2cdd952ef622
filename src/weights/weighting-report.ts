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
  const categoryCounts = margins.categories.map((list) => list.length);
  const cellOfRow = new Int32Array(n);
  const cells: number[][] = [];
  // A cell's key: its categories as the digits of a mixed-radix number. Up to 2^22 possible
  // cells the key indexes a table; beyond, a map of the keys met (exact below 2^53), or of text.
  const possible = categoryCounts.reduce((product, count) => product * count, 1);
  const table = possible <= 1 << 22 ? new Int32Array(possible).fill(-1) : null;
  const numbered = new Map<number | string, number>();
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (let m = 0; m < categoryCounts.length; m++) key = key * categoryCounts[m]! + margins.categoryOfRow[m]![i]!;
    const mapKey = table !== null ? 0 : possible < Number.MAX_SAFE_INTEGER ? key : margins.categoryOfRow.map((of) => of[i]).join(',');
    let cell = table !== null ? table[key]! : (numbered.get(mapKey) ?? -1);
    if (cell < 0) {
      cell = cells.length;
      if (table !== null) table[key] = cell;
      else numbered.set(mapKey, cell);
      cells.push(margins.categoryOfRow.map((of) => of[i]!));
    }
    cellOfRow[i] = cell;
  }
  return { variance, cellOfRow, cells, categoryCounts, baseWeights: margins.baseWeights };
}
