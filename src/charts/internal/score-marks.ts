import type { MetricName } from '../../common/metric-specs.js';
import type { ChartLabels } from '../labels/chart-labels.js';
import { COLORS, type NumberStyle } from './options.js';

/** A metric's score as a chart shows it: its axis title, its range, and its text label. */
export interface ScoreScale {
  readonly title: string;
  readonly domain: readonly [number, number];
  /** Bars start at zero; a mean on a 1–7 scale is a point (a bar from 0 would mislead). */
  readonly bars: boolean;
  readonly text: (value: number) => string;
}

/**
 * NPS on −100…100 written as a whole number ("NPS 33", never with a percent sign); CSAT and
 * the CES shares on 0–100 as percentages ("68,7 %" in Finnish); a CES mean on its own scale.
 */
export function scoreScale(metric: MetricName, method: string | undefined, scale: { min: number; max: number }, labels: ChartLabels, style: NumberStyle): ScoreScale {
  if (metric === 'nps') return { title: labels.nps, domain: [-100, 100], bars: true, text: (value) => `${labels.nps} ${style.fixed(value, 0)}` };
  if (metric === 'csat') return { title: `${labels.csat} (%)`, domain: [0, 100], bars: true, text: (value) => style.percent(value, 1) };
  if (method === 'net-easy') return { title: labels.ces, domain: [-100, 100], bars: true, text: (value) => style.fixed(value, 1) };
  if (method === 'percent-easy') return { title: `${labels.ces} (%)`, domain: [0, 100], bars: true, text: (value) => style.percent(value, 1) };
  return { title: labels.ces, domain: [scale.min, scale.max], bars: false, text: (value) => style.fixed(value, 2) };
}

/**
 * The marks of a score with its interval along `axis` (x for horizontal charts): a bar or a
 * point, the interval as an error bar, and the score as text past the interval. Fields:
 * score, lower, upper, label, labelAt; `position` is the encoding of the other axis (and its
 * offset, for several items).
 */
export function scoreLayers(score: ScoreScale, axis: 'x' | 'y', position: Record<string, unknown>, color: Record<string, unknown>, tooltip: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const value = { field: 'score', type: 'quantitative', title: score.title, scale: { domain: score.domain, nice: false } };
  return [
    { mark: score.bars ? { type: 'bar' } : { type: 'point', filled: true, size: 70 }, encoding: { ...position, [axis]: value, color, tooltip } },
    { mark: { type: 'errorbar', ticks: true, color: COLORS.rule }, encoding: { ...position, [axis]: { field: 'lower', type: 'quantitative', title: score.title }, [`${axis}2`]: { field: 'upper' } } },
    {
      mark: axis === 'x' ? { type: 'text', align: 'left', dx: 6, fontSize: 11 } : { type: 'text', baseline: 'bottom', dy: -6, fontSize: 11 },
      encoding: { ...position, [axis]: { field: 'labelAt', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];
}

/** The fields {@link scoreLayers} reads, for one result. */
export function scoreFields(result: { readonly score: number | null; readonly interval: { readonly lower: number; readonly upper: number } | null }, score: ScoreScale) {
  return {
    score: result.score,
    lower: result.interval?.lower ?? null,
    upper: result.interval?.upper ?? null,
    label: result.score === null ? '–' : score.text(result.score),
    labelAt: result.interval?.upper ?? result.score ?? score.domain[0],
  };
}
