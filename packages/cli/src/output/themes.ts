import type { MetricName } from '../../../../src/common/metric-specs.js';
import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import type { ThemeReport, ThemeResult, ThemeSummary } from '../../../../src/text/theme-report.js';
import { METRIC_LABELS } from '../shared/metric-flags.js';
import { adjustmentNote } from '../shared/test-flags.js';
import { bracket, countCell, fixed, HIDDEN, hiddenNote, pValue } from './format-number.js';
import { terminalText } from './terminal-text.js';
import { textTable, type TextCell } from './text-table.js';
import { formatByName, type Sheet } from './workbook.js';

const DIGITS = { nps: 1, csat: 1, ces: 2 } as const;

/** The metrics a theme report has figures for, in the usual order. */
function metricsOf(report: ThemeReport): MetricName[] {
  const first = report.themes[0];
  return (['nps', 'csat', 'ces'] as const).filter((metric) => first?.[metric] !== undefined);
}

/** A theme's name as listed: its label, indented under its parent. */
function themeName(theme: ThemeResult): string {
  return theme.parent === null ? theme.label : `  ${theme.label}`;
}

/** The scopes of a report: the whole, or each group then the whole. */
function scopes(report: ThemeReport): { label: string | null; summary: ThemeSummary }[] {
  if (report.groups === undefined) return [{ label: null, summary: report }];
  const labels = keyTexts(report.groups.map((group) => group.key));
  return [...report.groups.map((group, g) => ({ label: labels[g]!, summary: group })), { label: 'total', summary: report }];
}

/**
 * A theme report as text: a line per theme (mentions, share with its interval, and per
 * metric the score among those who mention it, among the rest, the impact and its adjusted
 * p), the uncoded comments, then a few quotes per theme, shortest first.
 */
export function themesTable(report: ThemeReport): string {
  const metrics = metricsOf(report);
  const level = `${Math.round(report.level * 1000) / 10}%`;
  const grouped = report.groups !== undefined;
  const head: TextCell[] = [
    ...(grouped ? ['group'] : []),
    'theme',
    { number: 'mentions' },
    { number: 'share %' },
    { number: `${level} CI` },
    ...metrics.flatMap((metric): TextCell[] => [{ number: `${METRIC_LABELS[metric]} mentioned` }, { number: `${METRIC_LABELS[metric]} rest` }, { number: 'impact' }, { number: 'p adj.' }]),
  ];
  const shown = report.suppression?.showCounts === true;
  const hiddenLine = (label: string | null, summary: ThemeSummary): TextCell[] => [...(grouped ? [label ?? ''] : []), '(all themes)', { number: countCell(summary.commenters, true, shown) }, { number: HIDDEN }];
  const lines = scopes(report).flatMap(({ label, summary }) => summary.suppressed !== undefined ? [hiddenLine(label, summary)] : [
    ...summary.themes.map((theme): TextCell[] => [
      ...(grouped ? [label ?? ''] : []),
      themeName(theme),
      { number: String(theme.mentions) },
      { number: fixed(theme.share, 1) },
      { number: bracket(theme.interval, 1) },
      ...metrics.flatMap((metric): TextCell[] => {
        const impact = theme[metric]!;
        const side = (result: typeof impact.mentioned) => ({ number: result.suppressed !== undefined ? HIDDEN : fixed(result.score, DIGITS[metric]) });
        return [side(impact.mentioned), side(impact.rest), { number: fixed(impact.impact, DIGITS[metric]) }, { number: pValue(impact.adjustedPValue) }];
      }),
    ]),
    [...(grouped ? [label ?? ''] : []), '(no theme)', { number: String(summary.uncoded.commenters) }, { number: fixed(summary.uncoded.share, 1) }],
  ]);
  const quotes = report.themes.filter((theme) => theme.examples.length > 0).map((theme) => `${theme.label}: ${theme.examples.map((quote) => terminalText(JSON.stringify(quote.text))).join(' · ')}`);
  return [textTable([head, ...lines]), '', ...themesNotes(report), ...(quotes.length > 0 ? ['', ...quotes] : [])].join('\n');
}

/** What the themes' table says below it: the base, what impact means, the adjustment, what is hidden. */
export function themesNotes(report: ThemeReport): string[] {
  return [
    `${report.commenters} of ${report.rows} rows have a comment (${report.blank} blank); share: of the commenters; impact: the score of all commenters minus the score without the theme's`,
    ...(metricsOf(report).length > 0 ? [adjustmentNote(report.adjust, 'each metric across the themes')] : []),
    ...hiddenNote(report.suppression).map((line) => `${line}; quotes only from groups of ${report.suppression!.minNComments} respondents with a comment (--min-n-comments)`),
  ];
}

/** The quotes of the whole report, a line per theme and quote, for a workbook's second sheet. */
export function quotesSheet(report: ThemeReport): Sheet {
  return { name: 'Quotes', head: ['theme', 'label', 'index', 'quote'], rows: report.themes.flatMap((theme) => theme.examples.map((quote) => [theme.id, theme.label, quote.index, quote.text])) };
}

/** A theme report as a sheet (and CSV): a line per scope and theme (and the uncoded comments), full precision; shares are percentages in a workbook. */
export function themesSheet(report: ThemeReport): Sheet {
  const metrics = metricsOf(report);
  const grouped = report.groups !== undefined;
  const head = [
    ...(grouped ? ['group'] : []),
    'theme',
    'label',
    'parent',
    'mentions',
    'share',
    'share_lower',
    'share_upper',
    ...metrics.flatMap((metric) => [`${metric}_mentioned`, `${metric}_rest`, `${metric}_impact`, `${metric}_standard_error`, `${metric}_p_value`, `${metric}_p_adjusted`]),
  ];
  const suppressed = report.suppression !== undefined;
  const rows = scopes(report).flatMap(({ label, summary }) => summary.suppressed !== undefined ? [[...(grouped ? [label] : []), '(all themes)', '', '', summary.commenters, null, null, null, ...metrics.flatMap(() => [null, null, null, null, null, null]), summary.suppressed]] : [
    ...summary.themes.map((theme) => [
      ...(grouped ? [label] : []),
      theme.id,
      theme.label,
      theme.parent,
      theme.mentions,
      theme.share,
      theme.interval?.lower,
      theme.interval?.upper,
      ...metrics.flatMap((metric) => {
        const impact = theme[metric]!;
        return [impact.mentioned.score, impact.rest.score, impact.impact, impact.standardError, impact.pValue, impact.adjustedPValue];
      }),
      ...(suppressed ? [metrics.map((metric) => theme[metric]!.mentioned.suppressed ?? theme[metric]!.rest.suppressed).find((why) => why !== undefined) ?? ''] : []),
    ]),
    [...(grouped ? [label] : []), '(no theme)', '', '', summary.uncoded.commenters, summary.uncoded.share, null, null, ...metrics.flatMap(() => [null, null, null, null, null, null]), ...(suppressed ? [''] : [])],
  ]);
  const columns = suppressed ? [...head, 'suppressed'] : head;
  return { name: 'Themes', head: columns, rows, format: (column) => (/^(share|share_lower|share_upper|csat_(mentioned|rest|impact|standard_error))$/.test(columns[column]!) ? 'percent' : formatByName(columns[column]!)) };
}
