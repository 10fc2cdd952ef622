import type { ScorecardReport } from '../scorecard/scorecard-report.js';
import { keyTexts } from './internal/key-texts.js';
import { COLORS, hiddenNote, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';

/** Options of {@link scorecardChart}. */
export interface ScorecardChartOptions extends ChartOptions {
  /** Where to draw the pass mark, in percent (e.g. the card's `passThreshold`); none without it. */
  readonly passMark?: number | undefined;
}

/**
 * The league table of a `scorecardReport` as a chart: groups ranked by pooled score
 * (best first), each bar labelled with its score and rank and with its interval as an error
 * bar (the report's jackknife interval), groups too small to rank in grey, and the pass mark
 * as a line.
 *
 * @example
 * ```ts
 * const card = defineScorecard({ id: 'desk', sections: [{ id: 'desk', criteria: [{ id: 'smile', answer: 'yes-no' }] }] });
 * const report = scorecardReport(card, [{ at: 'north', answers: { smile: 'yes' } }, { at: 'south', answers: { smile: 'no' } }], { by: 'at' });
 * const spec = scorecardChart(report, { passMark: 80 });
 * spec.data?.values.map((row) => row['group']); // ['north', 'south']
 * ```
 */
export function scorecardChart(report: ScorecardReport, options: ScorecardChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const names = keyTexts(report.groups.map((group) => group.key));
  // Hidden locations (minN) are not drawn; the note says how many.
  const hidden = report.groups.filter((group) => group.suppressed !== undefined).length;
  const values = report.groups
    .map((group, g) => ({ group, g }))
    .filter(({ group }) => group.suppressed === undefined)
    .map(({ group, g }) => ({
      group: names[g]!,
      score: group.score,
      lower: group.interval?.lower ?? null,
      upper: group.interval?.upper ?? null,
      // The label sits past the error bar, or past the bar without one.
      labelAt: group.interval?.upper ?? group.score,
      rank: group.rank,
      ranked: group.rank === null ? labels.notRanked : labels.rank,
      label: group.score === null ? '–' : `${style.percent(group.score, 1)}${group.rank === null ? '' : ` (${group.rank}.)`}`,
      visits: group.visits,
    }))
    .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity))
    .map((row, order) => ({ ...row, order }));
  // Best first, by a field of the rows: a list of labels becomes an expression vega-lite cannot hold for long lists.
  const y = { field: 'group', type: 'nominal', sort: { field: 'order', op: 'min' }, title: labels.group };
  const x = { field: 'score', type: 'quantitative', title: labels.pooledScore, scale: { domain: [0, 100], nice: false } };
  const layers: Record<string, unknown>[] = [
    {
      mark: { type: 'bar' },
      encoding: {
        y,
        x,
        color: { field: 'ranked', type: 'nominal', title: null, scale: { domain: [labels.rank, labels.notRanked], range: [COLORS.bar, COLORS.muted] } },
        tooltip: [{ field: 'group', title: labels.group }, { field: 'label', title: labels.pooledScore }, { field: 'visits', title: labels.answers }],
      },
    },
    { mark: { type: 'rule', color: COLORS.rule }, encoding: { y, x: { field: 'lower', type: 'quantitative' }, x2: { field: 'upper' } } },
    { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11 }, encoding: { y, x: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } } },
  ];
  if (options.passMark !== undefined) {
    const mark = [{ score: options.passMark, label: `${labels.passMark} ${style.percent(options.passMark, 0)}` }];
    layers.push(
      { data: { values: mark }, mark: { type: 'rule', strokeDash: [6, 3], color: COLORS.highlight }, encoding: { x: { field: 'score', type: 'quantitative' } } },
      { data: { values: mark }, mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, y: 0, fontSize: 11, color: COLORS.highlight }, encoding: { x: { field: 'score', type: 'quantitative' }, text: { field: 'label' } } },
    );
  }
  return topLevel(options, labels.titles.scorecard, { width: options.width ?? 480, height: { step: 24 }, data: { values }, layer: layers }, [hiddenNote(labels, hidden, report.suppression)]);
}
