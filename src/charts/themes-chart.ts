import type { MetricName } from '../common/metric-specs.js';
import type { ThemeReport } from '../text/theme-report.js';
import { COLORS, hiddenNote, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';

/** Options of {@link themesChart}. */
export interface ThemesChartOptions extends ChartOptions {
  /** Whose impact to show (default: the report's first metric of NPS, CSAT and CES). */
  readonly metric?: MetricName | undefined;
}

/**
 * The themes of a `themeReport`, most mentioned first: each theme's share of the commenters
 * with its interval, and beside it the theme's impact on the score (the score of all
 * commenters minus the score without the theme's) with its interval, marked where it is
 * significant after the report's adjustment. Without a metric in the report, the shares alone.
 *
 * @example
 * ```ts
 * const codebook = defineCodebook({ language: 'en', themes: [{ id: 'wait', label: 'Waiting', match: ['wait'] }, { id: 'staff', match: ['staff'] }] });
 * const report = themeReport([{ c: 'long wait', q: 2 }, { c: 'nice staff', q: 10 }, { c: 'wait', q: 6 }], codebook, { text: 'c', nps: 'q' });
 * const spec = themesChart(report, { locale: 'fi' });
 * spec.title; // 'Mitä asiakkaat sanovat'
 * spec.data?.values.map((row) => row['theme']); // ['Waiting', 'staff']
 * ```
 */
export function themesChart(report: ThemeReport, options: ThemesChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const first = report.themes[0];
  const metric = options.metric ?? (['nps', 'csat', 'ces'] as const).find((name) => first?.[name] !== undefined);
  const digits = metric === 'ces' ? 2 : 1;
  const values = report.themes
    .map((theme) => {
      const impact = metric === undefined ? undefined : theme[metric];
      return {
        theme: theme.label,
        share: theme.share,
        shareLower: theme.interval?.lower ?? null,
        shareUpper: theme.interval?.upper ?? null,
        shareText: style.percent(theme.share, 1),
        mentions: theme.mentions,
        impact: impact?.impact ?? null,
        impactLower: impact?.interval?.lower ?? null,
        impactUpper: impact?.interval?.upper ?? null,
        impactText: impact?.impact === null || impact?.impact === undefined ? '–' : style.fixed(impact.impact, digits),
        significance: impact?.significant === true ? labels.significantImpact : labels.otherImpact,
      };
    })
    .sort((a, b) => b.share - a.share)
    .map((row, order) => ({ ...row, order }));
  // Most mentioned first, by a field of the rows (a list of labels becomes an expression vega-lite cannot hold for long lists).
  const y = { field: 'theme', type: 'nominal', sort: { field: 'order', op: 'min' }, title: labels.theme, axis: { labelLimit: 240 } };
  const tooltip = [
    { field: 'theme', title: labels.theme },
    { field: 'shareText', title: labels.shareOfCommenters },
    { field: 'mentions', title: labels.answers },
    ...(metric === undefined ? [] : [{ field: 'impactText', title: `${labels.impactOn} ${labels[metric]}` }]),
  ];
  const width = options.width ?? 480;
  const shares = {
    width: metric === undefined ? width : width / 2,
    height: { step: 24 },
    layer: [
      { mark: { type: 'bar', color: COLORS.bar }, encoding: { y, x: { field: 'share', type: 'quantitative', title: labels.shareOfCommenters, scale: { domain: [0, 100], nice: false } }, tooltip } },
      { mark: { type: 'rule', color: COLORS.rule }, encoding: { y, x: { field: 'shareLower', type: 'quantitative' }, x2: { field: 'shareUpper' } } },
    ],
  };
  // Impacts hidden to protect small sides (minN) are not drawn; the note says for how many themes.
  const hidden = metric === undefined ? 0 : report.themes.filter((theme) => theme[metric]?.mentioned.suppressed !== undefined || theme[metric]?.rest.suppressed !== undefined).length;
  const note = hiddenNote(labels, hidden, report.suppression);
  if (metric === undefined) return topLevel(options, labels.titles.themes, { data: { values }, ...shares });
  const impacts = {
    width: width / 2,
    height: { step: 24 },
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: COLORS.muted }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      { mark: { type: 'rule', color: COLORS.rule }, encoding: { y: { ...y, axis: null }, x: { field: 'impactLower', type: 'quantitative', title: `${labels.impactOn} ${labels[metric]}` }, x2: { field: 'impactUpper' } } },
      {
        mark: { type: 'point', filled: true, size: 70 },
        encoding: {
          y: { ...y, axis: null },
          x: { field: 'impact', type: 'quantitative', title: `${labels.impactOn} ${labels[metric]}` },
          color: { field: 'significance', type: 'nominal', title: null, scale: { domain: [labels.significantImpact, labels.otherImpact], range: [COLORS.highlight, COLORS.bar] } },
          tooltip,
        },
      },
    ],
  };
  return topLevel(options, labels.titles.themes, { data: { values }, hconcat: [shares, impacts], resolve: { scale: { y: 'shared' } } }, [note]);
}
