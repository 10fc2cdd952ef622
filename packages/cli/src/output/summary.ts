import type { SummaryItem } from '../../../../src/common/summary-items.js';
import { summaryItems } from '../../../../src/common/summary-items.js';
import type { Summary, SummaryGroup } from '../../../../src/analysis/summarize.js';
import { METRIC_LABELS } from '../shared/metric-flags.js';
import { bracket, countCell, fixed, HIDDEN, hiddenNote } from './format-number.js';
import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import { textTable, type TextCell } from './text-table.js';
import { metricFormats, type Sheet } from './workbook.js';

/** Decimals shown per metric: NPS and CSAT in points, the CES mean to two. */
const DIGITS = { nps: 1, csat: 1, ces: 2 } as const;
const SCORE_LABELS = { nps: 'NPS', csat: 'CSAT %', ces: 'CES' } as const;

/** The group columns of a summary: one per --by column (the tuple's parts), the labels as printed. */
function groupColumns(summary: Summary, by: readonly string[]): { header: string[]; labels: string[][] } {
  const keys = summary.groups.map((group) => (by.length > 1 ? (group.key as unknown[]) : [group.key]));
  const parts = (by.length > 1 ? by : [by[0] ?? 'group']).map((_, p) => keyTexts(keys.map((key) => key[p])));
  return { header: by.length > 0 ? [...by] : ['group'], labels: summary.groups.map((_, g) => parts.map((texts) => texts[g]!)) };
}

/** The groups to list: none when there is no --by (the total says it all). */
function listedGroups(summary: Summary, by: readonly string[]): readonly SummaryGroup[] {
  return by.length > 0 ? summary.groups : [];
}

/**
 * A summary as a text table. One metric column: a line per group with n, score and interval
 * side by side (and invalid answers when some were skipped). Several: a line per group and
 * column, so that fourteen service items stay readable.
 */
export function summaryTable(summary: Summary, by: readonly string[], columnOf: (item: SummaryItem) => string): string {
  const items = summaryItems(summary.total);
  const groups = listedGroups(summary, by);
  const { header, labels } = groupColumns(summary, by);
  const blanks = header.map(() => '');
  const totalLabel = ['total', ...blanks.slice(1)];
  const skipped = items.some((item) => item.result.invalid > 0);
  const shown = summary.suppression?.showCounts === true;
  if (items.length === 1) {
    const [{ metric }] = items as [SummaryItem];
    const name = METRIC_LABELS[metric];
    const line = (label: string[], group: SummaryGroup): TextCell[] => {
      const [item] = summaryItems(group);
      const result = item!.result;
      const hidden = result.suppressed !== undefined;
      return [
        ...label,
        { number: countCell(group.rows, group.suppressed !== undefined, shown) },
        { number: countCell(result.n, hidden, shown) },
        ...(skipped ? [{ number: countCell(result.invalid, hidden, shown) }] : []),
        { number: hidden ? HIDDEN : fixed(result.score, DIGITS[metric]) },
        { number: hidden ? '' : bracket(result.interval, DIGITS[metric]) },
      ];
    };
    const head: TextCell[] = [...header, { number: 'rows' }, { number: `${name} n` }, ...(skipped ? [{ number: `${name} invalid` }] : []), { number: SCORE_LABELS[metric] }, { number: `${levelLabel(items)} CI` }];
    return withNotes(textTable([head, ...groups.map((group, g) => line(labels[g]!, group)), line(totalLabel, summary.total)]), summary);
  }
  const head: TextCell[] = [...header, 'metric', 'column', { number: 'rows' }, { number: 'n' }, ...(skipped ? [{ number: 'invalid' }] : []), { number: 'score' }, { number: `${levelLabel(items)} CI` }];
  const lines = (label: string[], group: SummaryGroup): TextCell[][] =>
    summaryItems(group).map((item) => {
      const hidden = item.result.suppressed !== undefined;
      return [
        ...label,
        METRIC_LABELS[item.metric] + (item.metric === 'csat' ? ' %' : ''),
        columnOf(item),
        { number: countCell(group.rows, group.suppressed !== undefined, shown) },
        { number: countCell(item.result.n, hidden, shown) },
        ...(skipped ? [{ number: countCell(item.result.invalid, hidden, shown) }] : []),
        { number: hidden ? HIDDEN : fixed(item.result.score, DIGITS[item.metric]) },
        { number: hidden ? '' : bracket(item.result.interval, DIGITS[item.metric]) },
      ];
    });
  return withNotes(textTable([head, ...groups.flatMap((group, g) => lines(labels[g]!, group)), ...lines(totalLabel, summary.total)]), summary);
}

/** A table with the note on hidden groups below it, when groups were hidden. */
function withNotes(table: string, summary: Summary): string {
  const notes = summaryNotes(summary);
  return notes.length === 0 ? table : `${table}\n\n${notes.join('\n')}`;
}

/** "95%" from the results' level (every result of a command shares it). */
function levelLabel(items: readonly SummaryItem[]): string {
  const level = items[0]?.result.interval?.level ?? 0.95;
  return `${Math.round(level * 1000) / 10}%`;
}

/**
 * A summary as a sheet (and CSV), one line per group and metric column ("tidy"), full
 * precision: the group columns, then metric, column, rows, n, missing, invalid, score,
 * standard error and the interval; CSAT figures are percentages in a workbook.
 */
export function summarySheet(summary: Summary, by: readonly string[], columnOf: (item: SummaryItem) => string): Sheet {
  const { header, labels } = groupColumns(summary, by);
  const lines = (label: readonly (string | null)[], group: SummaryGroup) =>
    summaryItems(group).map((item) => {
      const { result } = item;
      return [...label, item.metric, columnOf(item), group.rows, result.n, result.missing, result.invalid, result.score, result.standardError, result.interval?.lower, result.interval?.upper, result.interval?.level, ...(summary.suppression === undefined ? [] : [result.suppressed ?? ''])];
    });
  const total = ['total', ...header.slice(1).map(() => null)];
  const head = [...header, 'metric', 'column', 'rows', 'n', 'missing', 'invalid', 'score', 'standard_error', 'lower', 'upper', 'level', ...(summary.suppression === undefined ? [] : ['suppressed'])];
  return {
    name: 'Summary',
    head,
    rows: [...listedGroups(summary, by).flatMap((group, g) => lines(labels[g]!, group)), ...lines(total, summary.total)],
    format: metricFormats(head, /^(score|standard_error|lower|upper)$/),
  };
}

/** What the summary's table says below it. */
export function summaryNotes(summary: Summary): string[] {
  return hiddenNote(summary.suppression);
}
