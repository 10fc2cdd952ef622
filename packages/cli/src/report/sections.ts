import type { JourneyReport, StageReport, TouchpointReport } from '../../../../src/analysis/journey-report.js';
import type { KeyDriverMethod, KeyDriverResult } from '../../../../src/analysis/key-drivers.js';
import type { MetricName } from '../../../../src/common/metric-specs.js';
import { summaryItems } from '../../../../src/common/summary-items.js';
import type { Summary, SummaryGroup } from '../../../../src/analysis/summarize.js';
import type { ControlChart } from '../../../../src/monitoring/control-chart.js';
import type { FunnelPlot } from '../../../../src/monitoring/funnel-plot.js';
import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import type { NumberStyle } from '../../../../src/charts/internal/options.js';
import type { ChartLabels } from '../../../../src/charts/labels/chart-labels.js';
import type { MetricPlan } from '../shared/metric-flags.js';
import type { ReportSection, ReportTable } from './html.js';
import type { ReportStrings } from './strings/report-strings.js';
import type { TrendRun } from '../output/trend.js';
import { periodLines } from '../output/period-runs.js';
import type { PValueAdjustment } from '../../../../src/stats/adjust-p-values.js';
import type { ThemeReport } from '../../../../src/text/theme-report.js';
import type { SuppressionOptions } from '../../../../src/common/suppression.js';
import type { KeyFinding, KeyFindings } from '../../../../src/analysis/key-findings.js';
import type { BannerTable } from '../../../../src/analysis/banner-table.js';
import type { ScorecardGroupFigures, ScorecardReport, ScorecardWave } from '../../../../src/scorecard/scorecard-report.js';

const DEFAULT_INTERVALS = { nps: 'adjusted-wald', csat: 'wilson' } as const;

/** Points of a scale as written in the methodology: "4–5", or "7" for one. */
function pointRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}–${to}`;
}

/** A set of points: a run as "6–7", others listed ("1, 3"). */
function pointList(points: readonly number[]): string {
  const sorted = [...points].sort((a, b) => a - b);
  const contiguous = sorted.every((point, i) => i === 0 || point === sorted[i - 1]! + 1);
  return sorted.length > 1 && contiguous ? pointRange(sorted[0]!, sorted.at(-1)!) : sorted.join(', ');
}

/** A score's interval as "[44,5 – 46,3]". */
type Scored = { readonly score: number | null; readonly interval: { readonly lower: number; readonly upper: number; readonly level: number } | null; readonly suppressed?: string | undefined };

/**
 * The report's sections from the library's results: numbers formatted for the report's
 * language — NPS as a whole number, CSAT as a percentage with one decimal, a CES mean with two.
 */
export function reportSections(strings: ReportStrings, style: NumberStyle, quadrants: ChartLabels['quadrants'], columnOf: (item: { metric: MetricName; field: string | null }) => string) {
  const score = (metric: MetricName, value: number | null | undefined) =>
    value === null || value === undefined ? '–' : metric === 'nps' ? style.fixed(value, 0) : metric === 'csat' ? style.percent(value, 1) : style.fixed(value, 2);
  const interval = (metric: MetricName, result: Scored | undefined) => (result?.interval ? `${score(metric, result.interval.lower)} – ${score(metric, result.interval.upper)}` : '–');
  const count = (value: number) => style.fixed(value, 0);
  // A hidden result: "hidden" for its score, nothing for its interval, and its n only when counts are kept.
  const shownScore = (metric: MetricName, result: Scored) => (result.suppressed !== undefined ? strings.hidden : score(metric, result.score));
  const shownInterval = (metric: MetricName, result: Scored) => (result.suppressed !== undefined ? '' : interval(metric, result));
  const shownCount = (result: Scored & { readonly n: number }) => (result.suppressed !== undefined && result.n === 0 ? '–' : count(result.n));
  const levelText = (results: readonly Scored[]) => style.percent((results.find((result) => result.interval)?.interval?.level ?? 0.95) * 100, 0);
  const signed = (difference: number | null | undefined, metric: MetricName) => (difference === null || difference === undefined ? '–' : `${difference > 0 ? '+' : ''}${style.fixed(difference, metric === 'ces' ? 2 : 1)}`);
  const probability = (p: number | null | undefined) => (p === null || p === undefined ? '–' : p < 0.001 ? `< ${style.fixed(0.001, 3)}` : style.fixed(p, 3));

  /** A group key as text: a tuple of several `by` fields as "a / b". */
  const keyText = (key: unknown) => (Array.isArray(key) ? key.map((part) => keyTexts([part], [strings.total])[0]!).join(' / ') : keyTexts([key], [strings.total])[0]!);
  const signedScore = (metric: MetricName, value: number) => `${value > 0 ? '+' : value < 0 ? '−' : '±'}${metric === 'csat' ? `${style.fixed(Math.abs(value), 1)} ${strings.percentagePoints}` : score(metric, Math.abs(value))}`;

  return {
    /** The key findings as sentences, each with its test; a family where nothing is significant in one sentence. */
    findings(result: KeyFindings, outcome: string | null): ReportSection {
      const words = strings.finding;
      const sentence = (finding: KeyFinding): string => {
        const { family } = finding;
        const metric = family.metric;
        const what = metric === null ? '' : `${words.metricNames[metric]} (${columnOf({ metric, field: family.field })})`;
        const level = style.percent(family.level * 100, 0);
        // The test in brackets before the sentence's full stop.
        const tested = (text: string, p: number | null) => `${text.replace(/\.$/, '')} (${words.test(p === null ? null : probability(p), family.tests, words.adjustments[family.adjust])}).`;
        if (finding.subject === null) return tested(family.kind === 'driver' ? words.none.driver(outcome ?? '', level) : words.none[family.kind](what, level), null);
        const above = finding.direction === 'above';
        if (finding.kind === 'driver') return tested(words.driver(String(finding.subject), outcome ?? '', style.fixed(finding.score!, 2)), finding.adjustedPValue);
        const own = score(metric!, finding.score);
        const reference = score(metric!, finding.reference);
        const text =
          finding.kind === 'group'
            ? words.group(keyText(finding.subject), what, above, own, reference)
            : finding.kind === 'change'
              ? words.change(String(finding.subject), what, above, own, signedScore(metric!, finding.difference!).slice(1))
              : finding.kind === 'theme'
                ? words.theme(finding.label!, what, own, reference, signedScore(metric!, finding.difference!))
                : words[finding.kind](finding.label!, what, above, own, reference);
        return tested(text, finding.adjustedPValue);
      };
      const list: string[] = [];
      result.findings.forEach((finding, f) => {
        list.push(sentence(finding));
        const last = result.findings[f + 1]?.family !== finding.family;
        const listed = result.findings.filter((other) => other.family === finding.family).length;
        if (last && finding.subject !== null && finding.family.significant > listed) list[list.length - 1] += ` ${words.more(count(finding.family.significant - listed))}`;
      });
      return { id: 'findings', title: strings.findings, svg: null, notes: [], list, tables: [] };
    },

    summary(summary: Summary, by: readonly string[], svg: string): ReportSection {
      const groups: { label: string; group: SummaryGroup }[] = [];
      if (by.length > 0) {
        const keys = summary.groups.map((group) => (by.length > 1 ? (group.key as unknown[]) : [group.key]));
        const texts = by.map((_, p) => keyTexts(keys.map((key) => key[p]), [strings.total]));
        summary.groups.forEach((group, g) => groups.push({ label: texts.map((part) => part[g]).join(' / '), group }));
      }
      groups.push({ label: strings.total, group: summary.total });
      const rows = groups.flatMap(({ label, group }) =>
        summaryItems(group).map((item) => [label, strings.metricNames[item.metric], columnOf(item), shownCount(item.result), shownScore(item.metric, item.result), shownInterval(item.metric, item.result)]),
      );
      const results = summaryItems(summary.total).map((item) => item.result);
      return {
        id: 'summary',
        title: strings.summary,
        svg,
        notes: [],
        tables: [{ head: [strings.group, '', strings.column, 'n', strings.score, strings.interval(levelText(results))], rows, numeric: [3, 4, 5] }],
      };
    },

    /** Each metric's control chart: the periods that signal (or a line saying none does). */
    monitor(charts: readonly { readonly name: string; readonly metric: MetricName; readonly chart: ControlChart }[], svg: string): ReportSection {
      const rows = charts.flatMap(({ name, metric, chart }) => {
        const signalling = chart.periods.filter((period) => period.signals.length > 0);
        if (signalling.length === 0) return [[`${chart.periods[0]?.period ?? ''} … ${chart.periods.at(-1)?.period ?? ''}`, name, '', '', '', strings.noSignal]];
        return signalling.map((period) => [period.period, name, count(period.n), score(metric, period.score), `${score(metric, period.lower)} – ${score(metric, period.upper)}`, period.signals.map((signal) => strings.signalNames[signal]).join(', ')]);
      });
      return { id: 'monitor', title: strings.monitor, svg, notes: [], tables: [{ head: [strings.period, strings.column, 'n', strings.score, strings.controlLimits, strings.signals], rows, numeric: [2, 3] }] };
    },

    /** Each column's funnel plot over the groups: the groups outside their 95 % limits (or a line saying none is), and the adjustment. */
    funnel(runs: readonly { readonly name: string; readonly metric: 'nps' | 'csat'; readonly funnel: FunnelPlot }[], svg: string): ReportSection {
      const rows = runs.flatMap(({ name, metric, funnel }) => {
        const outside = funnel.units.filter((unit) => unit.outside95 !== null);
        if (outside.length === 0) return [['', name, '', '', '', strings.allWithin]];
        return outside.map((unit) => {
          const side = unit.outside998 ?? unit.outside95!;
          const standing = strings.standing[`${side}${unit.outside998 === null ? '95' : '998'}`];
          return [keyText(unit.key), name, count(unit.n), score(metric, unit.score), `${score(metric, unit.limits.lower998)} – ${score(metric, unit.limits.upper998)}`, standing];
        });
      });
      const notes = runs.map(({ name, funnel }) => `${runs.length > 1 ? `${name}: ` : ''}${funnel.overdispersion.applied ? strings.funnelAdjusted(style.fixed(funnel.overdispersion.tau2!, 4)) : strings.funnelUnadjusted}`);
      return { id: 'funnel', title: strings.funnel, svg, notes, tables: [{ head: [strings.group, strings.column, 'n', strings.score, strings.funnelLimits, strings.signals], rows, numeric: [2, 3] }] };
    },

    trend(runs: readonly TrendRun[], svg: string): ReportSection {
      const marked = new Map<number, string>();
      const rows = runs.flatMap(({ columns, trend }) =>
        columns.flatMap((column) => {
          const name = `${strings.metricNames[column.metric]} ${column.column}`;
          const empty = (p: number) => trend.periods[p]![column.metric]!.n === 0 && trend.periods[p]![column.metric]!.suppressed === undefined;
          return periodLines(trend.periods.length, empty).map((line) => {
            if (line.kind === 'gap') return { significant: false, cells: [`${trend.periods[line.from]!.period} … ${trend.periods[line.to]!.period}`, name, strings.noAnswers, '', '', '', '', ''] };
            const period = trend.periods[line.index]!;
            const result = period[column.metric]!;
            const change = period.change?.[column.metric];
            return {
              significant: change?.significant === true,
              cells: [period.period, name, shownCount(result), shownScore(column.metric, result), shownInterval(column.metric, result), signed(change?.difference, column.metric), probability(change?.pValue), probability(change?.adjustedPValue)],
            };
          });
        }),
      );
      rows.forEach((row, r) => row.significant && marked.set(r, strings.significantChange));
      return {
        id: 'trend',
        title: strings.trend,
        svg,
        notes: [],
        tables: [{ head: [strings.period, strings.column, 'n', strings.score, strings.interval(levelText(runs[0]!.trend.periods.map((period) => period[runs[0]!.columns[0]!.metric]!))), strings.change, strings.pValue, strings.adjustedPValue], rows: rows.map((row) => row.cells), numeric: [2, 3, 4, 5, 6, 7], marked }],
      };
    },

    drivers(result: KeyDriverResult, outcome: string, svg: string): ReportSection {
      const decomposed = result.rSquared !== null;
      const rows = result.drivers.map((driver) => [
        driver.driver,
        count(driver.n),
        driver.correlation === null ? '–' : style.fixed(driver.correlation, 3),
        probability(driver.pValue),
        ...(decomposed ? [driver.importance === null ? '–' : style.fixed(driver.importance, 3), driver.share === null ? '–' : style.percent(driver.share, 1)] : []),
        driver.performance === null ? (driver.mean === null ? '–' : style.fixed(driver.mean, 2)) : style.fixed(driver.performance, 1),
        driver.rank === null ? '–' : String(driver.rank),
        driver.quadrant === null ? '–' : quadrants[driver.quadrant],
      ]);
      return {
        id: 'drivers',
        title: `${strings.drivers}: ${outcome}`,
        svg,
        notes: decomposed ? [`R² = ${style.fixed(result.rSquared!, 3)} (n = ${count(result.n)})`] : [],
        tables: [
          {
            head: [strings.driver, 'n', strings.correlation, strings.pValue, ...(decomposed ? [strings.partOfRSquared, strings.shareOfRSquared] : []), strings.performance, strings.rank, strings.quadrant],
            rows,
            numeric: decomposed ? [1, 2, 3, 4, 5, 6, 7] : [1, 2, 3, 4, 5],
          },
        ],
      };
    },

    journey(report: JourneyReport, svg: string): ReportSection {
      const metric = report.headline;
      const marked = new Map<number, string>();
      const line = (label: string, part: StageReport | TouchpointReport) => {
        const result = part[metric]!;
        const difference = part.comparison?.difference;
        return [label, shownCount(result), shownScore(metric, result), shownInterval(metric, result), signed(difference, metric), probability(part.comparison?.pValue), probability(part.comparison?.adjustedPValue)];
      };
      const rows: string[][] = [];
      for (const stage of report.stages) {
        if (stage.significantlyBelow) marked.set(rows.length, strings.belowRest);
        rows.push(line(stage.label, stage));
        for (const touchpoint of stage.touchpoints) {
          if (touchpoint.significantlyBelow) marked.set(rows.length, strings.belowRest);
          // No-break spaces: HTML would collapse plain ones, and touchpoints would not read as inside their stage.
          rows.push(line(`\u00a0\u00a0\u00a0${touchpoint.label}`, touchpoint));
        }
      }
      const notes = [
        `${strings.journeyIndex}: ${score(metric, report.index.score)} (${interval(metric, report.index)})`,
        `${strings.weakest}: ${report.stages.find((stage) => stage.id === report.weakest.stage)?.label ?? '–'}`,
      ];
      return {
        id: 'journey',
        title: `${strings.journey} (${strings.metricNames[metric]})`,
        svg,
        notes,
        tables: [{ head: [strings.stage, 'n', strings.score, strings.interval(levelText(report.stages.map((stage) => stage[metric]!))), strings.vsRest, strings.pValue, strings.adjustedPValue], rows, numeric: [1, 2, 3, 4, 5, 6], marked }],
      };
    },

    /** The coded comments: a line per theme with its share and, for the report's first metric, its impact; quotes as notes. */
    themes(report: ThemeReport, svg: string): ReportSection {
      const metric = (['nps', 'csat', 'ces'] as const).find((name) => report.themes[0]?.[name] !== undefined);
      const rows = report.themes.map((theme) => {
        const impact = metric === undefined ? undefined : theme[metric];
        return [
          theme.parent === null ? theme.label : `\u00a0\u00a0\u00a0${theme.label}`,
          count(theme.mentions),
          style.percent(theme.share, 1),
          theme.interval === null ? '–' : `${style.percent(theme.interval.lower, 1)} – ${style.percent(theme.interval.upper, 1)}`,
          ...(metric === undefined ? [] : [impact?.mentioned.suppressed !== undefined || impact?.rest.suppressed !== undefined ? strings.hidden : signed(impact?.impact, metric), probability(impact?.adjustedPValue)]),
        ];
      });
      if (report.suppressed === undefined) rows.push([strings.noTheme, count(report.uncoded.commenters), style.percent(report.uncoded.share, 1), '', ...(metric === undefined ? [] : ['', ''])]);
      const quotes = report.themes.filter((theme) => theme.examples.length > 0).map((theme) => `${theme.label}: ${theme.examples.map((quote) => `“${quote.text.replace(/\s+/g, ' ').trim()}”`).join(' · ')}`);
      const level = style.percent(report.level * 100, 0);
      return {
        id: 'themes',
        title: strings.themes,
        svg,
        notes: report.suppressed !== undefined ? [strings.hidden] : [strings.commenters(count(report.commenters), count(report.rows), count(report.uncoded.commenters))],
        after: quotes.length > 0 ? [`${strings.quotes}:`, ...quotes] : [],
        tables: [
          {
            head: [strings.theme, strings.mentions, strings.shareOfCommenters, strings.interval(level), ...(metric === undefined ? [] : [`${strings.impact} (${strings.metricNames[metric]})`, strings.adjustedPValue])],
            rows,
            numeric: metric === undefined ? [1, 2, 3] : [1, 2, 3, 4, 5],
          },
        ],
      };
    },

    /** The banner table: a column per letter, per row its score with the letters it is higher than, and a line of bases. */
    banner(table: BannerTable): ReportSection {
      const headings = keyTexts(table.columns.slice(1).map((column) => column.key), [strings.total]);
      const head = ['', ...table.columns.map((column, c) => `(${column.letter}) ${c === 0 ? strings.total : `${column.field}: ${headings[c - 1]}`}`)];
      const rows = table.rows.flatMap((row) => {
        const label = row.metric === 'category' ? `${row.field}: ${keyTexts([row.category])[0]}` : `${strings.metricNames[row.metric]} ${row.field}`;
        const metric: MetricName = row.metric === 'category' ? 'csat' : row.metric;
        const scores = row.cells.map((cell) => (cell.suppressed !== undefined ? strings.hidden : `${score(metric, cell.score)}${cell.higherThan.length === 0 ? '' : ` ${cell.higherThan.join(cell.higherThan.some((letter) => letter.length > 1) ? ' ' : '')}`}`));
        return [[label, ...scores], ['\u00a0\u00a0\u00a0n', ...row.cells.map((cell) => (cell.suppressed !== undefined && cell.n === 0 ? '–' : count(cell.n)))]];
      });
      const notes = [strings.banner.letters(style.percent(table.level * 100, 0)), strings.banner.tests, strings.banner.adjustment(table.adjust, count(table.minBase))];
      return { id: 'banner', title: strings.banner.title, svg: null, notes, tables: [{ head, rows, numeric: head.map((_, c) => c).filter((c) => c > 0) }] };
    },

    /** The mystery-shopping programme: the league with each section's achievement, then each location by wave with its change. */
    scorecard(report: ScorecardReport, svg: string): ReportSection {
      const words = strings.scorecard;
      const sections = report.total.sections;
      const names = keyTexts(report.groups.map((group) => group.key), [strings.total]);
      const pct = (value: number | null) => (value === null ? '–' : style.percent(value, 1));
      const figuresOf = (figures: ScorecardGroupFigures, hidden: boolean): string[] =>
        hidden
          ? [figures.visits === 0 ? '–' : count(figures.visits), strings.hidden, '', '', '', ...sections.map(() => '')]
          : [
              count(figures.visits),
              pct(figures.score),
              figures.interval === null ? '–' : `${pct(figures.interval.lower)} – ${pct(figures.interval.upper)}`,
              pct(figures.passRate),
              pct(figures.criticalFailureRate),
              ...sections.map((section) => pct(figures.sections.find((entry) => entry.id === section.id)?.achievement ?? null)),
            ];
      const order = report.groups.map((_, g) => g).sort((a, b) => (report.groups[a]!.rank ?? Infinity) - (report.groups[b]!.rank ?? Infinity));
      const grouped = report.groups.length > 1 || report.groups[0]?.key !== null;
      const league = [
        ...(grouped ? order.map((g) => [report.groups[g]!.rank === null ? '–' : String(report.groups[g]!.rank), names[g]!, ...figuresOf(report.groups[g]!, report.groups[g]!.suppressed !== undefined)]) : []),
        ['', strings.total, ...figuresOf(report.total, report.total.suppressed !== undefined)],
      ];
      const head = [strings.rank, words.location, words.visits, strings.score, strings.interval(style.percent((report.total.interval?.level ?? 0.95) * 100, 0)), words.passRate, words.criticalFailures, ...sections.map((section) => section.label)];
      const tables: ReportTable[] = [{ head, rows: league, numeric: head.map((_, c) => c).filter((c) => c !== 1) }];
      if (report.waves !== null) {
        const marked = new Map<number, string>();
        const rows: string[][] = [];
        const waveLines = (name: string, waves: readonly ScorecardWave[]) =>
          waves.forEach((wave) => {
            if (wave.change?.significant === true) marked.set(rows.length, strings.significantChange);
            const hidden = wave.suppressed !== undefined;
            rows.push([name, String(wave.wave), wave.visits === 0 && hidden ? '–' : count(wave.visits), hidden ? strings.hidden : pct(wave.score), hidden ? '' : signed(wave.change?.difference, 'csat'), hidden ? '' : probability(wave.change?.adjustedPValue)]);
          });
        if (grouped) report.groups.forEach((group, g) => waveLines(names[g]!, group.waves!));
        waveLines(strings.total, report.total.waves!);
        tables.push({ head: [words.location, words.wave, words.visits, strings.score, strings.change, strings.adjustedPValue], rows, numeric: [2, 3, 4, 5], marked });
      }
      const weakest = report.total.criteria
        .filter((criterion) => criterion.achievement !== null)
        .sort((a, b) => a.achievement! - b.achievement!)
        .slice(0, 3)
        .map((criterion) => `${criterion.label} ${pct(criterion.achievement)}`);
      return { id: 'scorecard', title: strings.scorecard.title, svg, notes: weakest.length === 0 ? [] : [words.weakest(weakest.join(', '))], tables };
    },

    followUps(contacts: number, rows: number): ReportSection {
      return { id: 'follow-ups', title: strings.followUps, svg: null, notes: [strings.contacts(count(contacts), count(rows), style.percent(rows === 0 ? 0 : (100 * contacts) / rows, 1))], tables: [] };
    },

    /** Per metric column over the whole file: answered, no answer or not applicable, invalid (left out). */
    counts(summary: Summary): ReportTable {
      const rows = summaryItems(summary.total).map((item) => [`${strings.metricNames[item.metric]} ${columnOf(item)}`, shownCount(item.result), count(item.result.missing), count(item.result.invalid)]);
      return { head: [strings.column, strings.answered, strings.missing, strings.invalid], rows, numeric: [1, 2, 3] };
    },

    /** How the numbers were computed: each metric with the interval it used, and each analysis present with its adjustment. */
    methodology(summary: Summary | null, scorecard: ScorecardReport | null, metrics: MetricPlan, present: { trend: PValueAdjustment | null; drivers: KeyDriverMethod | null; journey: PValueAdjustment | null; themes: PValueAdjustment | null; monitor: boolean; funnel?: boolean }, suppression: SuppressionOptions): string[] {
      const intervalOf = (metric: 'nps' | 'csat') => (metrics.columns.find((column) => column.metric === metric)?.spec['interval'] ?? DEFAULT_INTERVALS[metric]) as keyof ReportStrings['method']['intervals'];
      // Each metric as computed: its scale and points as the results carry them, one sentence per set of columns that share them.
      const items = summary === null ? [] : summaryItems(summary.total);
      const definitions = (['nps', 'csat', 'ces'] as const).flatMap((metric) => {
        const sentences = new Map<string, string[]>();
        const define = new Map<string, (columns: string | null) => string>();
        for (const item of items.filter((entry) => entry.metric === metric)) {
          const { result } = item;
          const scale = pointRange(result.scale.min, result.scale.max);
          const make =
            result.metric === 'nps'
              ? (columns: string | null) => strings.method.nps(pointRange(result.bands.promoterMin, result.scale.max), pointRange(result.scale.min, result.bands.detractorMax), scale, columns)
              : result.metric === 'csat'
                ? (columns: string | null) => strings.method.csat(pointList(result.satisfiedPoints), scale, columns)
                : (columns: string | null) => strings.method.ces(result.method, scale, result.orientation !== 'lower-is-easier', pointList(result.easyPoints), pointList(result.difficultPoints), columns);
          const key = make(null);
          define.set(key, make);
          sentences.set(key, [...(sentences.get(key) ?? []), columnOf(item)]);
        }
        const interval = metric === 'ces' ? '' : ` ${strings.method.intervals[intervalOf(metric)]}`;
        return [...sentences].map(([key, columns]) => define.get(key)!(sentences.size === 1 ? null : columns.join(', ')) + interval);
      });
      return [
        ...definitions,
        ...(present.trend === null ? [] : [strings.method.trend(strings.method.adjustments[present.trend])]),
        ...(present.monitor ? [strings.method.monitor] : []),
        ...(present.funnel === true ? [strings.method.funnel] : []),
        ...(present.drivers === null ? [] : [strings.method.drivers[present.drivers]]),
        ...(present.journey === null ? [] : [strings.method.journey(strings.method.adjustments[present.journey])]),
        ...(present.themes === null ? [] : [strings.method.themes(strings.method.adjustments[present.themes])]),
        ...(scorecard === null ? [] : [strings.method.scorecard(scorecard.waves === null ? null : strings.method.adjustments[scorecard.adjust])]),
        ...(summary === null ? [] : [strings.method.missing]),
        suppression.minN === undefined ? strings.method.noSuppression : strings.method.suppression(count(suppression.minN), count(suppression.minNComments ?? suppression.minN), suppression.complementary ?? 'glint'),
      ];
    },
  };
}
