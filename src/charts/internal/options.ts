import type { ChartLabels } from '../labels/chart-labels.js';
import { EN_LABELS } from '../labels/en.js';
import { FI_LABELS } from '../labels/fi.js';

/** A Vega-Lite v6 specification: plain JSON, data inline, ready for vega-embed, Observable or Altair. */
export interface VegaLiteSpec {
  readonly $schema: string;
  /** The title; with groups hidden to protect respondents, `{ text, subtitle }` where the subtitle says so. */
  readonly title?: string | { readonly text: string | readonly string[]; readonly subtitle?: string | readonly string[]; readonly fontSize?: number; readonly fontWeight?: string };
  /** The data, inline (for a single view; layers and panels may carry their own). */
  readonly data?: { readonly values: readonly Readonly<Record<string, unknown>>[] };
  readonly layer?: readonly Readonly<Record<string, unknown>>[];
  readonly vconcat?: readonly Readonly<Record<string, unknown>>[];
  readonly config?: Readonly<Record<string, unknown>>;
  readonly [property: string]: unknown;
}

/** How a chart is labelled and sized. */
export interface ChartOptions {
  /**
   * A BCP 47 locale (default `'en'`): number formats follow it (`'fi'`: `68,7 %`), and
   * `'fi…'` locales get the Finnish labels, every other the English ones.
   */
  readonly locale?: string | undefined;
  /** Labels to use instead of the locale's, in part or in whole. */
  readonly labels?: Partial<ChartLabels> | undefined;
  /** The chart's title; `null` for none (default: the labels' title of the chart). */
  readonly title?: string | null | undefined;
  /** Width of the plot area in pixels (default 480). */
  readonly width?: number | undefined;
}

export const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** The labels of a locale, with the caller's own on top. */
export function labelsFor(options: ChartOptions): ChartLabels {
  const base = /^fi\b/i.test(options.locale ?? 'en') ? FI_LABELS : EN_LABELS;
  return { ...base, ...options.labels };
}

/** How numbers are written in a locale: for text marks (computed here) and axes (d3-format, via config.locale). */
export interface NumberStyle {
  /** A score with `digits` decimals: "68,7" in Finnish. */
  readonly fixed: (value: number, digits: number) => string;
  /** A percentage of 0–100 with `digits` decimals: "68,7 %" in Finnish, "68.7%" in English. */
  readonly percent: (value: number, digits: number) => string;
  /** Vega-Lite's `config.locale`, so that axis labels use the same separators. */
  readonly d3Locale: { readonly number: Record<string, unknown> };
}

export function numberStyle(locale: string | undefined): NumberStyle {
  const tag = locale ?? 'en';
  const parts = new Intl.NumberFormat(tag).formatToParts(12345.6);
  const percentParts = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const thousands = parts.find((part) => part.type === 'group')?.value ?? ',';
  const sign = percentParts.findIndex((part) => part.type === 'percentSign');
  const before = percentParts[sign - 1];
  const percent = `${before?.type === 'literal' ? before.value : ''}${percentParts[sign]?.value ?? '%'}`;
  const formats = new Map<number, Intl.NumberFormat>();
  const fixed = (value: number, digits: number) => {
    if (!formats.has(digits)) formats.set(digits, new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }));
    return formats.get(digits)!.format(value);
  };
  return {
    fixed,
    percent: (value, digits) => `${fixed(value, digits)}${percent}`,
    d3Locale: { number: { decimal, thousands, grouping: [3], currency: ['', ''], percent, minus: '−' } },
  };
}

/**
 * The top level every chart shares: schema, title, locale, and a plain look that prints well.
 * `notes` (groups hidden to protect respondents, the key of long question texts) are the
 * title's subtitle, a line each.
 */
export function topLevel(options: ChartOptions, defaultTitle: string, body: Record<string, unknown>, notes: readonly (string | null)[] = []): VegaLiteSpec {
  const title = options.title === undefined ? defaultTitle : options.title;
  const lines = notes.filter((note): note is string => note !== null);
  // Without a title (title: null) the notes are the title itself, in the subtitle's plain type: Vega draws no subtitle under an empty title.
  const heading = lines.length === 0 ? title : title === null ? { text: lines, fontSize: 11, fontWeight: 'normal' } : { text: title, subtitle: lines.length === 1 ? lines[0]! : lines };
  return <VegaLiteSpec>{
    $schema: SCHEMA,
    ...(heading === null ? {} : { title: heading }),
    ...body,
    config: {
      locale: numberStyle(options.locale).d3Locale,
      view: { stroke: null },
      axis: { labelFontSize: 11, titleFontSize: 12, grid: true, gridColor: '#e5e5e5' },
      legend: { orient: 'bottom', labelFontSize: 11, titleFontSize: 12, labelLimit: 0 },
      title: { fontSize: 15, anchor: 'start' },
    },
  };
}

/** The note of a chart whose result hid `count` groups by its suppression rule, or null. */
export function hiddenNote(labels: ChartLabels, count: number, suppression: { readonly minN: number } | undefined): string | null {
  return count > 0 && suppression !== undefined ? labels.hidden(count, suppression.minN) : null;
}

/** Colours that stay apart in print and for common colour blindness (Okabe–Ito based). */
export const COLORS = {
  detractors: '#d55e00',
  passives: '#bdbdbd',
  promoters: '#009e73',
  bar: '#0072b2',
  highlight: '#d55e00',
  warning: '#e69f00',
  muted: '#9e9e9e',
  rule: '#333333',
} as const;
