import type { JourneyReport, StageReport, TouchpointReport } from '../../../../src/analysis/journey-report.js';
import { METRIC_LABELS } from '../shared/metric-flags.js';
import { bracket, countCell, fixed, HIDDEN, hiddenNote, pValue } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import { metricFormats, type Sheet } from './workbook.js';
import { adjustmentNote } from '../shared/test-flags.js';

const DIGITS = { nps: 1, csat: 1, ces: 2 } as const;

/** Stages in journey order with their touchpoints indented: the headline metric, its interval, and the test against the rest. */
export function journeyTable(report: JourneyReport, column: string): string {
  const metric = report.headline;
  const digits = DIGITS[metric];
  const line = (label: string, part: StageReport | TouchpointReport): TextCell[] => {
    const result = part[metric]!;
    const comparison = part.comparison;
    const difference = comparison?.difference;
    const hidden = result.suppressed !== undefined;
    const shown = report.suppression?.showCounts === true;
    return [
      label,
      { number: String(part.weight) },
      { number: countCell(part.rows, part.suppressed !== undefined, shown) },
      { number: countCell(result.n, hidden, shown) },
      { number: hidden ? HIDDEN : fixed(result.score, digits) },
      { number: hidden ? '' : bracket(result.interval, digits) },
      { number: difference === null || difference === undefined ? '–' : `${difference > 0 ? '+' : ''}${fixed(difference, digits)}` },
      { number: pValue(comparison?.pValue) },
      { number: pValue(comparison?.adjustedPValue) },
      part.significantlyBelow ? 'below the rest' : '',
    ];
  };
  const head: TextCell[] = ['stage / touchpoint', { number: 'weight' }, { number: 'rows' }, { number: 'n' }, { number: METRIC_LABELS[metric] }, { number: 'CI' }, { number: 'vs rest' }, { number: 'p' }, { number: 'p adj.' }, ''];
  const lines = report.stages.flatMap((stage) => [line(stage.label, stage), ...stage.touchpoints.map((touchpoint) => line(`  ${touchpoint.label}`, touchpoint))]);
  return `${textTable([head, ...lines])}\n\n${journeyNotes(report, column).join('\n')}`;
}

/** What the journey's table says below it: the index, the weakest, what "below the rest" means, the rows outside. */
export function journeyNotes(report: JourneyReport, column: string): string[] {
  const metric = report.headline;
  const digits = DIGITS[metric];
  const { index, weakest, unmapped } = report;
  const footer = [
    `${METRIC_LABELS[metric]} (${column}): journey index ${fixed(index.score, digits)} ${bracket(index.interval, digits)} over ${index.parts} stages`,
    `weakest stage: ${weakest.stage ?? '–'}; weakest touchpoint: ${weakest.touchpoint ? `${weakest.touchpoint.stage} / ${weakest.touchpoint.touchpoint}` : '–'}`,
    `"below the rest": worse than the rest of the journey by its adjusted p-value`,
    adjustmentNote(report.adjust, 'the stages; the touchpoints'),
  ];
  if (unmapped.rows > 0) footer.push(`rows outside the journey: ${unmapped.rows} (stages ${unmapped.stages.map((entry) => `${JSON.stringify(entry.value)} ×${entry.rows}`).join(', ')})`);
  if (unmapped.touchpoints.length > 0) footer.push(`touchpoints not in their stage: ${unmapped.touchpoints.map((entry) => `${entry.stage} / ${JSON.stringify(entry.value)} ×${entry.rows}`).join(', ')}`);
  footer.push(...hiddenNote(report.suppression));
  return footer;
}

/** A line per stage and touchpoint, full precision (a sheet, and the CSV); CSAT figures are percentages in a workbook. */
export function journeySheet(report: JourneyReport): Sheet {
  const metric = report.headline;
  const line = (stage: string, touchpoint: string | null, part: StageReport | TouchpointReport) => {
    const result = part[metric]!;
    const hidden = report.suppression === undefined ? [] : [result.suppressed ?? ''];
    return [stage, touchpoint, part.weight, part.rows, metric, result.n, result.score, result.interval?.lower, result.interval?.upper, part.comparison?.difference, part.comparison?.pValue, part.comparison?.adjustedPValue, part.significantlyBelow, ...hidden];
  };
  const head = ['stage', 'touchpoint', 'weight', 'rows', 'metric', 'n', 'score', 'lower', 'upper', 'vs_rest', 'p_value', 'p_adjusted', 'significantly_below', ...(report.suppression === undefined ? [] : ['suppressed'])];
  return {
    name: 'Journey',
    head,
    rows: report.stages.flatMap((stage) => [line(stage.id, null, stage), ...stage.touchpoints.map((touchpoint) => line(stage.id, touchpoint.id, touchpoint))]),
    format: metricFormats(head, /^(score|lower|upper|vs_rest)$/),
  };
}
