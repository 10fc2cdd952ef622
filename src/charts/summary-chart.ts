import { summaryItems, type SummaryItem } from '../common/summary-items.js';
import type { MetricName } from '../common/metric-specs.js';
import type { Summary } from '../analysis/summarize.js';
import { keyTexts } from './internal/key-texts.js';
import { COLORS, hiddenNote, labelsFor, numberStyle, topLevel, type ChartOptions, type VegaLiteSpec } from './internal/options.js';
import { itemKeys } from './internal/item-keys.js';
import { scoreFields, scoreLayers, scoreScale } from './internal/score-marks.js';

/** The groups of a summary as the chart lists them: each group, then the total. */
function chartGroups(summary: Summary, total: string) {
  const tuples = summary.groups.map((group) => (Array.isArray(group.key) ? (group.key as unknown[]) : [group.key]));
  const width = tuples[0]?.length ?? 1;
  const parts = Array.from({ length: width }, (_, p) => keyTexts(tuples.map((tuple) => tuple[p]), [total]));
  const grouped = summary.groups.length > 1 || summary.groups[0]?.key !== null;
  const groups = grouped ? summary.groups.map((group, g) => ({ label: parts.map((texts) => texts[g]).join(' / '), items: summaryItems(group), rows: group.rows })) : [];
  return [...groups, { label: total, items: summaryItems(summary.total), rows: summary.total.rows }];
}

/**
 * A chart of a `summarize` result, a panel per metric with every group and the total:
 * NPS as stacked shares of detractors, passives and promoters with the score written beside
 * them; CSAT as bars and CES as points (a mean on 1–7 is not a length from zero), each with
 * its interval as an error bar. Several fields of a metric stand side by side in its panel;
 * when a field's name is long (a question's text), fields are drawn as Q1, Q2… and the
 * subtitle gives the key.
 *
 * @example
 * ```ts
 * const summary = summarize([{ g: 'web', q: 10 }, { g: 'web', q: 6 }, { g: 'shop', q: 9 }], { by: 'g', nps: 'q' });
 * const spec = summaryChart(summary, { locale: 'fi' });
 * spec.$schema; // 'https://vega.github.io/schema/vega-lite/v6.json'
 * spec.title; // 'Asiakaskokemus ryhmittäin'
 * ```
 */
export function summaryChart(summary: Summary, options: ChartOptions = {}): VegaLiteSpec {
  const labels = labelsFor(options);
  const style = numberStyle(options.locale);
  const groups = chartGroups(summary, labels.total);
  const width = options.width ?? 480;
  // Hidden results (minN) are not drawn; the title's note says how many groups.
  const hidden = new Set(groups.filter((group) => group.items.some((item) => item.result.suppressed !== undefined)).map((group) => group.label)).size;
  // Question texts as items would overlap in facet headers and crowd the legend: long ones are drawn as Q1, Q2… with a key.
  const keys = itemKeys(groups.flatMap((group) => group.items.flatMap((item) => (item.field === null ? [] : [item.field]))));
  const panels = (['nps', 'csat', 'ces'] as const).flatMap((metric) => {
    const entries = groups.flatMap((group, g) => group.items.filter((item) => item.metric === metric && item.result.suppressed === undefined).map((item) => ({ group: group.label, groupOrder: g, rows: group.rows, item })));
    if (entries.length === 0) return [];
    const several = entries.some((entry) => entry.item.field !== null);
    return [metric === 'nps' ? npsPanel(entries, several, labels, style, width, keys.shown) : scorePanel(metric, entries, several, labels, style, width, keys.shown)];
  });
  return topLevel(options, labels.titles.summary, panels.length === 1 ? panels[0]! : { vconcat: panels, resolve: { scale: { color: 'independent' } } }, [hiddenNote(labels, hidden, summary.suppression), ...keys.lines]);
}

type Entry = { readonly group: string; readonly groupOrder: number; readonly rows: number; readonly item: SummaryItem };

/**
 * Groups and items keep their order through a field of their rows, not a list of their
 * labels: vega-lite turns a list into one nested expression per label, which overflowed the
 * stack at about a thousand groups and broke on a label with a line separator (U+2028).
 */
const IN_GROUP_ORDER = { field: 'groupOrder', op: 'min' } as const;
const IN_ITEM_ORDER = { field: 'itemOrder', op: 'min' } as const;

/** Each row's item (its field, or the metric's name) and the item's place in the order asked. */
function itemOrder(entries: readonly Entry[], fallback: string, shown: (name: string) => string): { name: (entry: Entry) => string; order: (entry: Entry) => number; items: string[] } {
  const name = (entry: Entry) => (entry.item.field === null ? fallback : shown(entry.item.field));
  const items = [...new Set(entries.map(name))];
  return { name, order: (entry) => items.indexOf(name(entry)), items };
}
type Labels = ReturnType<typeof labelsFor>;
type Style = ReturnType<typeof numberStyle>;

function npsPanel(entries: readonly Entry[], several: boolean, labels: Labels, style: Style, width: number, shown: (name: string) => string): Record<string, unknown> {
  const bands = [labels.detractors, labels.passives, labels.promoters];
  const items = itemOrder(entries, labels.nps, shown);
  const shares = entries.flatMap((entry) => {
    const { group, groupOrder, item } = entry;
    const percent = item.result.metric === 'nps' ? item.result.percent : null;
    if (percent === null) return [];
    return [percent.detractors, percent.passives, percent.promoters].map((share, b) => ({ group, groupOrder, item: items.name(entry), itemOrder: items.order(entry), band: bands[b], order: b, share, shareText: style.percent(share, 1) }));
  });
  const scores = entries.map((entry) => ({ group: entry.group, groupOrder: entry.groupOrder, item: items.name(entry), itemOrder: items.order(entry), label: entry.item.result.score === null ? '–' : `${labels.nps} ${style.fixed(entry.item.result.score, 0)}`, n: entry.item.result.n }));
  const y = { field: 'group', type: 'nominal', sort: IN_GROUP_ORDER, title: labels.group };
  const layer = [
    {
      data: { values: shares },
      mark: { type: 'bar' },
      encoding: {
        y,
        x: { field: 'share', type: 'quantitative', stack: 'zero', scale: { domain: [0, 100], nice: false }, title: `${labels.shareOfAnswers} (%)` },
        color: { field: 'band', type: 'nominal', scale: { domain: bands, range: [COLORS.detractors, COLORS.passives, COLORS.promoters] }, title: null },
        order: { field: 'order', type: 'quantitative' },
        tooltip: [{ field: 'group', title: labels.group }, { field: 'band', title: labels.nps }, { field: 'shareText', title: labels.shareOfAnswers }],
      },
    },
    { data: { values: scores }, mark: { type: 'text', align: 'left', dx: 6, fontSize: 11, fontWeight: 'bold' }, encoding: { y, x: { datum: 100 }, text: { field: 'label' } } },
  ];
  if (!several) return { width, height: { step: 24 }, layer };
  // Several NPS questions: a row of bars per question. A faceted view has one data source,
  // so each layer picks its rows by `kind`.
  const values = [...shares.map((row) => ({ ...row, kind: 'share' })), ...scores.map((row) => ({ ...row, kind: 'score' }))];
  const [bars, text] = layer.map(({ data: _data, ...rest }) => rest);
  return {
    data: { values },
    facet: { row: { field: 'item', type: 'nominal', title: labels.item, sort: IN_ITEM_ORDER } },
    spec: {
      width,
      height: { step: 24 },
      layer: [
        { ...bars, transform: [{ filter: "datum.kind === 'share'" }] },
        { ...text, transform: [{ filter: "datum.kind === 'score'" }] },
      ],
    },
  };
}

function scorePanel(metric: Exclude<MetricName, 'nps'>, entries: readonly Entry[], several: boolean, labels: Labels, style: Style, width: number, shown: (name: string) => string): Record<string, unknown> {
  const scales = entries.map(({ item }) => item.result.scale);
  const method = entries[0]!.item.result.metric === 'ces' ? (entries[0]!.item.result as { method: string }).method : undefined;
  const range = { min: Math.min(...scales.map((scale) => scale.min)), max: Math.max(...scales.map((scale) => scale.max)) };
  const score = scoreScale(metric, method, range, labels, style);
  const items = itemOrder(entries, labels[metric], shown);
  const values = entries.map((entry) => ({ group: entry.group, groupOrder: entry.groupOrder, item: items.name(entry), itemOrder: items.order(entry), n: entry.item.result.n, ...scoreFields(entry.item.result, score) }));
  // Items in the order they were asked for, in the offsets and (by the scale's domain) in the legend.
  const position = { y: { field: 'group', type: 'nominal', sort: IN_GROUP_ORDER, title: labels.group }, ...(several ? { yOffset: { field: 'item', type: 'nominal', sort: IN_ITEM_ORDER } } : {}) };
  const color = several ? { field: 'item', type: 'nominal', title: labels.item, scale: { domain: items.items } } : { value: COLORS.bar };
  const tooltip = [{ field: 'group', title: labels.group }, ...(several ? [{ field: 'item', title: labels.item }] : []), { field: 'label', title: score.title }, { field: 'n', title: labels.answers }];
  return { data: { values }, width, height: { step: several ? 14 : 24 }, layer: scoreLayers(score, 'x', position, color, tooltip) };
}
