import type { KeyDriverResult } from '../../analysis/key-drivers.js';
import { bracket, fixed, pValue } from './format-number.js';
import { csvText, textTable, type TextCell } from './text-table.js';

/** A line per driver, in the order given: n, correlation, p, interval, mean, performance, rank, quadrant. */
export function driversTable(result: KeyDriverResult, outcome: string): string {
  const r = result.method === 'pearson' ? 'r' : 'rho';
  const head: TextCell[] = ['driver', { number: 'n' }, { number: r }, { number: 'p' }, { number: 'CI' }, { number: 'mean' }, { number: 'performance' }, { number: 'rank' }, 'quadrant'];
  const lines = result.drivers.map((driver): TextCell[] => [
    driver.driver,
    { number: String(driver.n) },
    { number: fixed(driver.correlation, 3) },
    { number: pValue(driver.pValue) },
    { number: bracket(driver.interval, 3) },
    { number: fixed(driver.mean, 2) },
    { number: fixed(driver.performance, 1) },
    { number: driver.rank === null ? '–' : String(driver.rank) },
    driver.quadrant ?? '–',
  ]);
  return `${textTable([head, ...lines])}\n\nimportance: ${r === 'r' ? "Pearson's r" : "Spearman's rho"} with ${outcome}; quadrants split at the average importance (${fixed(result.averageImportance, 3)}) and performance (${fixed(result.averagePerformance, 1)})`;
}

export function driversCsv(result: KeyDriverResult): string {
  return csvText([
    ['driver', 'n', 'correlation', 'p_value', 'lower', 'upper', 'mean', 'performance', 'rank', 'quadrant'],
    ...result.drivers.map((driver) => [driver.driver, driver.n, driver.correlation, driver.pValue, driver.interval?.lower, driver.interval?.upper, driver.mean, driver.performance, driver.rank, driver.quadrant]),
  ]);
}
