import type { FunnelPlot } from '../monitoring/funnel-plot.js';
import { keyTexts } from './internal/key-texts.js';
import { COLORS, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';

/**
 * A chart of a `funnelPlot` result: each unit's score against its number of answers, the
 * overall score as a line, the 95 % limits dashed and the 99.8 % limits solid, narrowing as n
 * grows, and the units outside them in the highlight colours. The subtitle says which
 * overdispersion adjustment the limits carry.
 *
 * @example
 * ```ts
 * const rows = ['A', 'B'].flatMap((store) => [5, 4, 2, 1].map((csat) => ({ store, csat })));
 * const spec = funnelChart(funnelPlot(rows, { by: 'store', csat: 'csat' }));
 * spec.layer?.length; // 6 (centre, four limits, units)
 * ```
 */
export function funnelChart(funnel: FunnelPlot, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const title = funnel.metric === 'nps' ? labels.nps : labels.csat;
  const format = (value: number) => (funnel.metric === 'csat' ? style.percent(value, 1) : style.fixed(value, 1));
  const names = keyTexts(funnel.units.map((unit) => unit.key));
  const standing = (unit: FunnelPlot['units'][number]) => (unit.outside998 !== null ? labels.outside998 : unit.outside95 !== null ? labels.outside95 : labels.inside);
  const units = funnel.units.map((unit, i) => ({ unit: names[i], n: unit.n, score: unit.score, label: format(unit.score), standing: standing(unit) }));
  const curve = funnel.curve.map((point) => ({ ...point, target: funnel.target }));
  const x = { field: 'n', type: 'quantitative', title: labels.answers };
  const y = (field: string) => ({ field, type: 'quantitative', title, scale: { zero: false } });
  const limit = (field: string, dashed: boolean) => ({ mark: { type: 'line', color: COLORS.muted, ...(dashed ? { strokeDash: [4, 3] } : {}) }, encoding: { x, y: y(field) } });
  const adjustment = funnel.overdispersion.applied ? (funnel.overdispersion.method === 'additive' ? `τ² = ${style.fixed(funnel.overdispersion.tau2 ?? 0, 4)}` : `φ = ${style.fixed(funnel.overdispersion.phi ?? 0, 2)}`) : null;
  return topLevel(options, labels.titles.funnel, {
    data: { values: curve },
    width: options.width ?? 480,
    height: 280,
    layer: [
      { mark: { type: 'line', color: COLORS.rule, strokeWidth: 1 }, encoding: { x, y: y('target') } },
      limit('lower95', true),
      limit('upper95', true),
      limit('lower998', false),
      limit('upper998', false),
      {
        data: { values: units },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x,
          y: y('score'),
          color: { field: 'standing', type: 'nominal', scale: { domain: [labels.inside, labels.outside95, labels.outside998], range: [COLORS.bar, COLORS.warning, COLORS.highlight] }, legend: { title: null } },
          tooltip: [
            { field: 'unit', title: labels.group },
            { field: 'label', title },
            { field: 'n', title: labels.answers },
            { field: 'standing', title: labels.signal },
          ],
        },
      },
    ],
  }, [`${labels.centreLine} ${format(funnel.target)}; ${labels.limits95} – – –, ${labels.limits998} ——${adjustment === null ? '' : `; ${adjustment}`}`]);
}
