import type { ControlChart } from '../monitoring/control-chart.js';
import { COLORS, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';

/**
 * A chart of a `controlChart` result: the score per period as a line, the centre line, the
 * control limits as dashed steps (they widen for small periods), and the periods that signal
 * marked in the highlight colour with their signals in the tooltip. Periods without answers
 * are gaps.
 *
 * @example
 * ```ts
 * const rows = ['2026-01-05', '2026-01-12'].flatMap((at) => [5, 4, 2, 1].map((csat) => ({ at, csat })));
 * const spec = monitorChart(controlChart(rows, { at: 'at', period: 'week', csat: 'csat' }));
 * spec.data?.values.map((row) => row['centre']); // [50, 50]
 * ```
 */
export function monitorChart(chart: ControlChart, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const digits = chart.metric === 'ces' ? 2 : 1;
  const title = chart.metric === 'nps' ? labels.nps : chart.metric === 'csat' ? labels.csat : labels.ces;
  const values = chart.periods.map((period) => ({
    period: period.period,
    score: period.score,
    centre: period.centre,
    lower: period.lower,
    upper: period.upper,
    n: period.n,
    signal: period.signals.length > 0,
    signals: period.signals.length === 0 ? '–' : period.signals.join(', '),
    label: period.score === null ? '–' : chart.metric === 'csat' ? style.percent(period.score, digits) : style.fixed(period.score, digits),
  }));
  // Period labels (2026-W02, 2026-01…) sort as text in time order.
  const x = { field: 'period', type: 'ordinal', sort: 'ascending', title: labels.period, axis: { labelAngle: -45 } };
  const y = (field: string) => ({ field, type: 'quantitative', title, scale: { zero: false } });
  return topLevel(options, labels.titles.monitor, {
    data: { values },
    width: options.width ?? 480,
    height: 240,
    layer: [
      { mark: { type: 'line', interpolate: 'step', strokeDash: [4, 3], color: COLORS.muted }, encoding: { x, y: y('upper') } },
      { mark: { type: 'line', interpolate: 'step', strokeDash: [4, 3], color: COLORS.muted }, encoding: { x, y: y('lower') } },
      { mark: { type: 'line', color: COLORS.rule, strokeWidth: 1 }, encoding: { x, y: y('centre') } },
      { mark: { type: 'line', color: COLORS.bar }, encoding: { x, y: y('score') } },
      {
        mark: { type: 'point', filled: true, size: 50 },
        encoding: {
          x,
          y: y('score'),
          color: { field: 'signal', type: 'nominal', scale: { domain: [false, true], range: [COLORS.bar, COLORS.highlight] }, legend: { title: null, labelExpr: `datum.value ? ${JSON.stringify(labels.signal)} : ${JSON.stringify(labels.score)}` } },
          tooltip: [
            { field: 'period', title: labels.period },
            { field: 'label', title },
            { field: 'n', title: labels.answers },
            { field: 'signals', title: labels.signal },
          ],
        },
      },
    ],
  }, [`${labels.centreLine} ${chart.centre === null ? '–' : chart.metric === 'csat' ? style.percent(chart.centre, digits) : style.fixed(chart.centre, digits)}; ${labels.controlLimits} ±3σ`]);
}
