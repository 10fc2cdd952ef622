import type { MetricName } from '../common/metric-specs.js';
import type { Trend } from '../analysis/trend.js';
import { COLORS, hiddenNote, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';
import { scoreFields, scoreScale } from './internal/score-marks.js';

/**
 * A chart of a `trend` result, a panel per metric: the score per period as a line with
 * its confidence interval as a band, periods nobody answered in as gaps (never bridged), and
 * the periods whose change from the one before is significant marked (by its adjusted
 * p-value: the trend adjusts each metric's changes as one family, Holm by default).
 *
 * @example
 * ```ts
 * const rows = [{ at: '2026-01-05', q: 9 }, { at: '2026-03-02', q: 3 }];
 * const spec = trendChart(trend(rows, { at: 'at', period: 'month', nps: 'q' }));
 * spec.data?.values.map((row) => row['period']); // ['2026-01', '2026-02', '2026-03']
 * ```
 */
export function trendChart(result: Trend, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const metrics = (['nps', 'csat', 'ces'] as const).filter((metric) => result.periods.some((period) => period[metric] !== undefined));
  const values = metrics.flatMap((metric) => {
    const first = result.periods[0]?.[metric];
    const score = scoreScale(metric, (first as { method?: string } | undefined)?.method, first?.scale ?? { min: 0, max: 100 }, labels, style);
    return result.periods.map((period) => {
      const change = period.change?.[metric];
      return {
        metric,
        metricLabel: score.title,
        period: period.period,
        n: period[metric]!.n,
        ...scoreFields(period[metric]!, score),
        significant: change?.significant === true,
        change: change?.difference === null || change?.difference === undefined ? '–' : style.fixed(change.difference, metric === 'ces' ? 2 : 1),
      };
    });
  });
  const legend = { title: null, labelExpr: `datum.value ? ${JSON.stringify(labels.significantChange)} : ${JSON.stringify(labels.score)}` };
  const panel = (metric: MetricName) => {
    const title = values.find((row) => row.metric === metric)!.metricLabel;
    // Period labels (2026-01-05, 2026-W02, 2026-01, 2026-Q1, 2026) sort as text in time order.
    const x = { field: 'period', type: 'ordinal', sort: 'ascending', title: labels.period, axis: { labelAngle: -45 } };
    const y = { field: 'score', type: 'quantitative', title, scale: { zero: false } };
    return {
      width: options.width ?? 480,
      height: 220,
      transform: [{ filter: `datum.metric === '${metric}'` }],
      layer: [
        { mark: { type: 'area', opacity: 0.2, color: COLORS.bar }, encoding: { x, y: { field: 'lower', type: 'quantitative', title }, y2: { field: 'upper' } } },
        { mark: { type: 'line', color: COLORS.bar }, encoding: { x, y } },
        {
          mark: { type: 'point', filled: true, size: 45 },
          encoding: {
            x,
            y,
            // Colour and shape share one legend: a triangle in the highlight colour marks a significant change.
            color: { field: 'significant', type: 'nominal', scale: { domain: [false, true], range: [COLORS.bar, COLORS.highlight] }, legend },
            shape: { field: 'significant', type: 'nominal', scale: { domain: [false, true], range: ['circle', 'triangle-up'] }, legend },
            tooltip: [
              { field: 'period', title: labels.period },
              { field: 'label', title },
              { field: 'change', title: labels.change },
              { field: 'n', title: labels.answers },
            ],
          },
        },
      ],
    };
  };
  const panels = metrics.map(panel);
  // Hidden periods (minN) have no score and draw as gaps; the note says how many.
  const hidden = result.periods.filter((period) => metrics.some((metric) => period[metric]?.suppressed !== undefined)).length;
  return topLevel(options, labels.titles.trend, { data: { values }, ...(panels.length === 1 ? panels[0]! : { vconcat: panels, resolve: { scale: { y: 'independent' } } }) }, [hiddenNote(labels, hidden, result.suppression)]);
}
