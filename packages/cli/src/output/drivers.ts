import type { KeyDriverResult } from '../../../../src/analysis/key-drivers.js';
import { bracket, fixed, pValue } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import { formatByName, type Sheet } from './workbook.js';

const DECOMPOSITIONS = { 'relative-weights': "Johnson's relative weights", shapley: 'the Shapley (LMG) decomposition' } as const;

/**
 * A line per driver, in the order given: n, correlation, p, interval, (for a decomposition
 * its part and share of R²), mean, performance, rank, quadrant.
 */
export function driversTable(result: KeyDriverResult, outcome: string): string {
  const r = result.method === 'spearman' ? 'rho' : 'r';
  const decomposed = result.method === 'relative-weights' || result.method === 'shapley';
  const parts: TextCell[] = decomposed ? [{ number: 'importance' }, { number: 'share %' }] : [];
  const head: TextCell[] = ['driver', { number: 'n' }, { number: r }, { number: 'p' }, { number: 'CI' }, ...parts, { number: 'mean' }, { number: 'performance' }, { number: 'rank' }, 'quadrant'];
  const lines = result.drivers.map((driver): TextCell[] => [
    driver.driver,
    { number: String(driver.n) },
    { number: fixed(driver.correlation, 3) },
    { number: pValue(driver.pValue) },
    { number: bracket(driver.interval, 3) },
    ...(decomposed ? [{ number: fixed(driver.importance, 4) }, { number: fixed(driver.share, 1) }] : []),
    { number: fixed(driver.mean, 2) },
    { number: fixed(driver.performance, 1) },
    { number: driver.rank === null ? '–' : String(driver.rank) },
    driver.quadrant ?? '–',
  ]);
  return `${textTable([head, ...lines])}\n\n${driversNotes(result, outcome).join('\n')}`;
}

/** What the drivers' table says below it: what importance is, where the quadrants split. */
export function driversNotes(result: KeyDriverResult, outcome: string): string[] {
  const decomposed = result.method === 'relative-weights' || result.method === 'shapley';
  const importance = decomposed
    ? `importance: each driver's part of R² = ${fixed(result.rSquared, 4)} (${outcome} regressed on all drivers over the ${result.n} rows where all are answered), by ${DECOMPOSITIONS[result.method as keyof typeof DECOMPOSITIONS]}; r and p are each driver's own correlation`
    : `importance: ${result.method === 'spearman' ? "Spearman's rho" : "Pearson's r"} with ${outcome}`;
  return [`${importance}; quadrants split at the average importance (${fixed(result.averageImportance, 3)}) and performance (${fixed(result.averagePerformance, 1)})`];
}

/** A line per driver, full precision (a sheet, and the CSV); the share of R² is a percentage in a workbook. */
export function driversSheet(result: KeyDriverResult): Sheet {
  const head = ['driver', 'n', 'correlation', 'p_value', 'lower', 'upper', 'importance', 'share', 'mean', 'performance', 'rank', 'quadrant'];
  return {
    name: 'Drivers',
    head,
    rows: result.drivers.map((driver) => [driver.driver, driver.n, driver.correlation, driver.pValue, driver.interval?.lower, driver.interval?.upper, driver.importance, driver.share, driver.mean, driver.performance, driver.rank, driver.quadrant]),
    format: (column) => (head[column] === 'share' ? 'percent' : formatByName(head[column]!)),
  };
}
