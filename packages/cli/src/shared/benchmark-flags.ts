import { compareToBenchmark } from '../../../../src/metrics/compare-to-benchmark.js';
import type { SummaryItem } from '../../../../src/common/summary-items.js';
import { single, type FlagGroup, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import { bracket, fixed, pValue } from '../output/format-number.js';

/** `--benchmark VALUE[:SE]` of `summarize`. */
export const BENCHMARK_FLAGS: FlagGroup = {
  heading: 'Benchmark',
  flags: [{ name: 'benchmark', value: 'VALUE[:SE]', help: 'compare the total with a benchmark score (NPS points, CSAT %, CES points), with its standard error when it has one; the comparison goes to stderr' }],
};

export interface BenchmarkFlag {
  readonly value: number;
  readonly standardError: number | undefined;
}

export function benchmarkFlag(args: ParsedArgs): BenchmarkFlag | null {
  const text = single(args, 'benchmark');
  if (text === undefined) return null;
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*(?::\s*(\d+(?:\.\d+)?)\s*)?$/.exec(text);
  if (match === null) throw new UsageError(`--benchmark takes a score, or a score and its standard error as VALUE:SE (e.g. 42 or 42:1.5), got ${JSON.stringify(text)}`);
  return { value: Number(match[1]), standardError: match[2] === undefined ? undefined : Number(match[2]) };
}

/** One line per metric of the total: its difference from the benchmark, the interval and p. */
export function benchmarkLines(items: readonly SummaryItem[], benchmark: BenchmarkFlag, columnOf: (item: SummaryItem) => string): string[] {
  return items.map((item) => {
    const against = compareToBenchmark(item.result, { value: benchmark.value, ...(benchmark.standardError === undefined ? {} : { standardError: benchmark.standardError }) });
    const name = `${item.metric.toUpperCase()} ${columnOf(item)}`;
    if (against.difference === null || against.interval === null) return `benchmark ${benchmark.value}: ${name} has no score to compare`;
    const shown = pValue(against.pValue);
    const test = against.pValue === null ? 'no test (no variation)' : shown.startsWith('<') ? `p ${shown}` : `p = ${shown}`;
    const se = benchmark.standardError === undefined ? '' : ` (SE ${benchmark.standardError})`;
    return `benchmark ${benchmark.value}${se}: ${name} ${fixed(item.result.score, 1)} is ${fixed(Math.abs(against.difference), 1)} ${against.difference >= 0 ? 'above' : 'below'} it, ${Math.round(against.level * 100)} % CI of the difference ${bracket(against.interval, 1)}, ${test}`;
  });
}
