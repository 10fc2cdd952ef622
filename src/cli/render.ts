import { round } from '../core/round.js';
import type { Summary, SummaryGroup } from '../analysis/summarize.js';
import type { MetricName, SummaryMetricResults } from '../analysis/internal/metric-specs.js';
import { summaryItems } from '../analysis/internal/summary-items.js';

const NAMES: Record<MetricName, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };
const LABELS: Record<MetricName, string> = { nps: 'NPS', csat: 'CSAT %', ces: 'CES' };
const DIGITS: Record<MetricName, number> = { nps: 1, csat: 1, ces: 2 };

/** The metrics present in a summary, in their usual order. */
function metricsOf(summary: Summary): MetricName[] {
  return summaryItems(summary.total).map((item) => item.metric);
}

function single(group: SummaryMetricResults, name: MetricName) {
  return summaryItems(group).find((item) => item.metric === name)?.result;
}

function keyText(key: unknown): string {
  if (key === null || key === undefined || key === '') return '(none)';
  return Array.isArray(key) ? key.map(keyText).join(' / ') : String(key);
}

const fixed = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '–' : round(value, digits).toFixed(digits));

/** One line per group and the total, columns aligned: the group, rows, then per metric n, score and 95 % interval. */
export function renderTable(summary: Summary, byLabel: string): string {
  const metrics = metricsOf(summary);
  // Skipped answers get a column of their own, so they are seen, not silently dropped.
  const withInvalid = new Set(metrics.filter((name) => (single(summary.total, name)?.invalid ?? 0) > 0));
  const header = [byLabel, 'rows', ...metrics.flatMap((name) => [`${NAMES[name]} n`, ...(withInvalid.has(name) ? [`${NAMES[name]} invalid`] : []), LABELS[name], '95% CI'])];
  const line = (label: string, group: SummaryGroup | SummaryMetricResults & { rows: number }) => [
    label,
    String(group.rows),
    ...metrics.flatMap((name) => {
      const result = single(group, name);
      const interval = result?.interval ? `[${fixed(result.interval.lower, DIGITS[name])}, ${fixed(result.interval.upper, DIGITS[name])}]` : '–';
      const invalid = withInvalid.has(name) ? [String(result?.invalid ?? 0)] : [];
      return [String(result?.n ?? 0), ...invalid, fixed(result?.score, DIGITS[name]), interval];
    }),
  ];
  const lines = [header, ...(summary.groups.length > 1 || summary.groups[0]?.key !== null ? summary.groups.map((group) => line(keyText(group.key), group)) : []), line('total', summary.total)];
  const widths = header.map((_, c) => Math.max(...lines.map((cells) => cells[c]!.length)));
  // Text left, numbers right.
  return lines.map((cells) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()).join('\n');
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The same figures as CSV, full precision: group, rows, then per metric n, score, lower, upper. */
export function renderCsv(summary: Summary, byLabel: string): string {
  const metrics = metricsOf(summary);
  const header = [byLabel, 'rows', ...metrics.flatMap((name) => [`${name}_n`, `${name}_missing`, `${name}_invalid`, `${name}_score`, `${name}_lower`, `${name}_upper`])];
  const line = (label: string, group: SummaryMetricResults & { rows: number }) => [
    label,
    String(group.rows),
    ...metrics.flatMap((name) => {
      const result = single(group, name);
      return [String(result?.n ?? 0), String(result?.missing ?? 0), String(result?.invalid ?? 0), String(result?.score ?? ''), String(result?.interval?.lower ?? ''), String(result?.interval?.upper ?? '')];
    }),
  ];
  const groups = summary.groups.length > 1 || summary.groups[0]?.key !== null ? summary.groups.map((group) => line(keyText(group.key), group)) : [];
  return [header, ...groups, line('total', summary.total)].map((cells) => cells.map(csvCell).join(',')).join('\n');
}
