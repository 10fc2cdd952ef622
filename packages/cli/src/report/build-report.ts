import { followUps, type FollowUpOptions } from '../../../../src/analysis/follow-ups.js';
import { journeyReport, type JourneyReportOptions } from '../../../../src/analysis/journey-report.js';
import { KEY_DRIVER_METHODS, keyDrivers, type KeyDriverMethod, type KeyDriverOptions } from '../../../../src/analysis/key-drivers.js';
import { summarize, type SummarizeOptions } from '../../../../src/analysis/summarize.js';
import { summaryItems } from '../../../../src/common/summary-items.js';
import { trend, type TrendOptions } from '../../../../src/analysis/trend.js';
import { keyFindings, type KeyFindingsInput } from '../../../../src/analysis/key-findings.js';
import { bannerTable, type BannerAdjustment, type BannerTableOptions } from '../../../../src/analysis/banner-table.js';
import { driversChart } from '../../../../src/charts/drivers-chart.js';
import { journeyChart } from '../../../../src/charts/journey-chart.js';
import { summaryChart } from '../../../../src/charts/summary-chart.js';
import { themesChart } from '../../../../src/charts/themes-chart.js';
import { trendChart } from '../../../../src/charts/trend-chart.js';
import { themeReport } from '../../../../src/text/theme-report.js';
import { codebookFlag, themeOptions } from '../commands/themes.js';
import { asksScorecard, scorecardOf, scorecardOptions, scorecardPlan } from '../commands/scorecard.js';
import { scorecardChart } from '../../../../src/charts/scorecard-chart.js';
import type { ScorecardReport } from '../../../../src/scorecard/scorecard-report.js';
import { labelsFor, numberStyle, type VegaLiteSpec } from '../../../../src/charts/internal/options.js';
import { readJsonFile } from '../input/input-path.js';
import { all, isSet, single, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { reportHtml, type ReportSection } from './html.js';
import { reportSections } from './sections.js';
import type { ReportStrings } from './strings/report-strings.js';
import { EN_REPORT } from './strings/en.js';
import { FI_REPORT } from './strings/fi.js';
import { resolveColumn } from '../shared/columns.js';
import { adjustFlag } from '../shared/test-flags.js';
import { REPORT_SUPPRESSION, suppressionFlags } from '../shared/suppression-flags.js';
import type { PValueAdjustment } from '../../../../src/stats/adjust-p-values.js';
import type { Table } from '../../../../src/read/table.js';
import { checkScaleUse, codesFor, metricPlan, naCodes, parseScale, requireMetric } from '../shared/metric-flags.js';
import { rakePlan, rakeRows, weightingLines, weightingSentence } from '../shared/rake-flags.js';
import { controlChart, type ControlChartOptions } from '../../../../src/monitoring/control-chart.js';
import { monitorChart } from '../../../../src/charts/monitor-chart.js';
import { funnelChart } from '../../../../src/charts/funnel-chart.js';
import { funnelPlot, type FunnelPlotOptions } from '../../../../src/monitoring/funnel-plot.js';
import { allRows, columnOfItem, columnPlan, limitGroups, maxGroups, metricSpecs, onTable } from '../shared/run.js';


/**
 * The report, apart from where its file comes from and where it goes: the command line reads a
 * file and writes the HTML; the offline page reads a dropped file in a worker and shows it. One
 * function, so that both give the same report for the same file and flags.
 */

const BANNER_ADJUSTMENTS: readonly BannerAdjustment[] = ['none', 'bonferroni', 'holm', 'benjamini-hochberg'];

/** The banner table's options from the report's flags: its base, and --adjust when it is one a banner takes. */
function bannerFlags(args: ParsedArgs, adjust: PValueAdjustment | undefined): { adjust?: BannerAdjustment; minBase?: number } {
  if (all(args, 'banner').length === 0) {
    if (isSet(args, 'category') || isSet(args, 'min-base')) throw new UsageError('--category and --min-base go with --banner COL');
    return {};
  }
  if (adjust !== undefined && !(BANNER_ADJUSTMENTS as readonly string[]).includes(adjust)) throw new UsageError(`a banner table adjusts by ${BANNER_ADJUSTMENTS.join(', ')}; --adjust ${adjust} is not one of them`);
  const minBase = single(args, 'min-base');
  if (minBase !== undefined && !/^\s*\d+\s*$/.test(minBase)) throw new UsageError(`--min-base takes a whole number of answers, got ${JSON.stringify(minBase)}`);
  return { ...(adjust === undefined ? {} : { adjust: adjust as BannerAdjustment }), ...(minBase === undefined ? {} : { minBase: Math.max(1, Number(minBase)) }) };
}

/** What the report's flags ask, checked before the file is read: a usage error costs no reading. */
export interface ReportPlan {
  readonly lang: 'en' | 'fi';
  readonly strings: ReportStrings;
  readonly mystery: boolean;
  readonly adjust: PValueAdjustment | undefined;
  readonly suppression: ReturnType<typeof suppressionFlags>;
  readonly visitOptions: ReturnType<typeof scorecardOptions> | undefined;
  readonly bannerOptions: ReturnType<typeof bannerFlags>;
  readonly method: KeyDriverMethod | undefined;
  readonly period: string | undefined;
  readonly journeyDefinition: unknown;
  readonly themed: boolean;
  readonly codebook: ReturnType<typeof codebookFlag> | null;
}

export function reportPlan(args: ParsedArgs, lang: 'en' | 'fi'): ReportPlan {
  const strings = lang === 'fi' ? FI_REPORT : EN_REPORT;
  const mystery = asksScorecard(args);
  if (!mystery) requireMetric(args);
  const adjust = adjustFlag(args);
  const suppression = suppressionFlags(args, REPORT_SUPPRESSION);
  const visitOptions = mystery ? scorecardOptions(args, suppression) : undefined;
  const bannerOptions = bannerFlags(args, adjust);
  const method = single(args, 'driver-method') as KeyDriverMethod | undefined;
  if (method !== undefined && !KEY_DRIVER_METHODS.includes(method)) throw new UsageError(`--driver-method takes ${KEY_DRIVER_METHODS.join(', ')}, got ${JSON.stringify(method)}`);
  const period = single(args, 'period');
  if (isSet(args, 'at') !== (period !== undefined)) throw new UsageError('a trend needs both --at and --period');
  if (isSet(args, 'driver') !== isSet(args, 'outcome')) throw new UsageError('key drivers need both --outcome and --driver');
  if (isSet(args, 'journey') !== isSet(args, 'stage')) throw new UsageError('a journey needs both --journey and --stage');
  const journeyDefinition = single(args, 'journey') === undefined ? undefined : readJsonFile(single(args, 'journey')!);
  const themed = isSet(args, 'text');
  if (!themed && (isSet(args, 'codebook') || isSet(args, 'topics') || isSet(args, 'examples'))) throw new UsageError('--codebook, --topics and --examples go with --text COL');
  const codebook = themed ? codebookFlag(args) : null;
  return { lang, strings, mystery, adjust, suppression, visitOptions, bannerOptions, method, period, journeyDefinition, themed, codebook };
}

/** What the report needs from around it. */
export interface ReportIo {
  readonly note: (message: string) => void;
  /** Called when the rows are in memory (the command line ends its progress line). */
  readonly rowsRead: () => void;
  /** Vega-Lite specs as SVG markup. */
  readonly renderSvgs: (specs: readonly VegaLiteSpec[]) => Promise<string[]>;
  /** The file's name as the report's header shows it. */
  readonly source: string;
  readonly created: Date;
  readonly version: string;
}

/** The report's HTML, and each section's library result (what the commands print with --format json). */
export interface BuiltReport {
  readonly html: string;
  readonly sections: number;
  readonly rows: number;
  readonly results: Readonly<Record<string, unknown>>;
  /** Every table of the sections as shown (numbers formatted), with its section's title. */
  readonly tables: readonly { readonly section: string; readonly head: readonly string[]; readonly rows: readonly (readonly string[])[] }[];
}

export async function buildReport(args: ParsedArgs, plan: ReportPlan, table: Table, io: ReportIo): Promise<BuiltReport> {
  const { lang, strings, mystery, adjust, suppression, visitOptions, bannerOptions, method, period, journeyDefinition, codebook, themed } = plan;
  const note = io.note;
  // Each section's library result, for the page's machine-readable copy.
  const results: Record<string, unknown> = {};
  const metrics = metricPlan(args, table, note);
  const column = (flag: string) => (single(args, flag) === undefined ? undefined : resolveColumn(table, single(args, flag)!));
  const by = all(args, 'by').map((name) => resolveColumn(table, name));
  const [at, outcome, stage, touchpoint, id] = ['at', 'outcome', 'stage', 'touchpoint', 'id'].map(column);
  const drivers = all(args, 'driver').map((name) => resolveColumn(table, name));
  const banner = all(args, 'banner').map((name) => resolveColumn(table, name));
  const categories = all(args, 'category').map((name) => resolveColumn(table, name));
  const themes = themed ? themeOptions(args, table, metrics, suppression) : undefined;
  const raking = await rakePlan(args, table);
  const texts = [...new Set([...by, ...banner, ...categories, ...(raking?.columns ?? []), ...[stage, touchpoint, id, themes?.text, themes?.topics].filter((name): name is string => name !== undefined)])];
  const numbers = [...metrics.columns.map((entry) => entry.column), ...(metrics.weight === undefined ? [] : [metrics.weight]), ...(outcome === undefined ? [] : [outcome]), ...drivers];
  const dates = at === undefined ? [] : [at];
  const card = mystery ? scorecardPlan(args, table, note, single(args, 'by') === undefined ? undefined : all(args, 'by')[0], [...texts, ...dates, ...numbers]) : undefined;
  const rows = await onTable(table, () => allRows(limitGroups(table, by, maxGroups(args)), columnPlan([...texts, ...(card?.columns ?? []).filter((name) => !texts.includes(name))], dates, numbers)));
  io.rowsRead();
  // Raked weights: the summary takes them whole (standard errors of calibrated weights); the other sections row by row, as fixed weights.
  const raked = raking === null ? null : await onTable(table, () => rakeRows(rows, raking, metrics.weight));
  if (raked !== null) weightingLines(raked.report).forEach(note);
  if (raked !== null) results['weighting'] = raked.report;
  const common = {
    ...(raked !== null ? { weight: (_row: Row, index: number) => raked.weights[index]! } : metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...suppression,
  };
  // The trend and the journey test at the report's level, each family adjusted as --adjust says.
  const tests = { ...(metrics.level === undefined ? {} : { level: metrics.level }), ...(adjust === undefined ? {} : { adjust }) };
  const adjustments: { trend: PValueAdjustment | null; journey: PValueAdjustment | null; themes: PValueAdjustment | null } = { trend: null, journey: null, themes: null };
  let driverMethod: KeyDriverMethod | null = null;
  let monitored = false;
  let funnelled = false;
  const style = numberStyle(lang);
  const chartOptions = { locale: lang };
  const specs: VegaLiteSpec[] = [];
  const sections: ((svgs: readonly string[]) => ReportSection)[] = [];
  let counts: ReturnType<ReturnType<typeof reportSections>['counts']> | undefined;
  // What the key findings are drawn from, filled as each part is computed.
  const held: { -readonly [K in keyof KeyFindingsInput]: KeyFindingsInput[K] } = {};
  let mysteryReport: ScorecardReport | null = null;
  let mysterySection: ((svgs: readonly string[]) => ReportSection) | undefined;
  const builders = reportSections(strings, style, labelsFor(chartOptions).quadrants, (item) => columnOfItem(metrics, item));
  await onTable(table, () => {
    if (card !== undefined) {
      const report = scorecardOf(card, rows, visitOptions!, table);
      mysteryReport = report;
      results['scorecard'] = report;
      const index = specs.push(scorecardChart(report, { ...chartOptions, title: null })) - 1;
      mysterySection = (svgs) => builders.scorecard(report, svgs[index]!);
    }
    if (metrics.columns.length === 0) return;
    const summary = summarize(rows, { ...metricSpecs(metrics), ...(by.length === 1 ? { by: by[0] } : by.length > 1 ? { by } : {}), ...common, ...(raked === null ? {} : { weight: raked }) } as SummarizeOptions<Row>);
    checkScaleUse(summaryItems(summary.total).map((item) => ({ metric: item.metric, column: columnOfItem(metrics, item), tally: item.result.tally })), args, note);
    counts = builders.counts(summary);
    held.summary = summary;
    results['summary'] = summary;
    specs.push(summaryChart(summary, { ...chartOptions, title: null }));
    sections.push((svgs) => builders.summary(summary, by, svgs[0]!));
    if (banner.length > 0) {
      const table = bannerTable(rows, { ...metricSpecs(metrics), banner, ...(categories.length === 0 ? {} : { categories }), ...common, ...(metrics.level === undefined ? {} : { level: metrics.level }), ...bannerOptions } as BannerTableOptions<Row>);
      results['banner'] = table;
      sections.push(() => builders.banner(table));
    }
    // Groups of one --by compared on a funnel plot, CSAT and NPS columns; what the summary hides stays hidden.
    const compared = by.length === 1 ? metrics.columns.filter((entry) => entry.metric !== 'ces') : [];
    const funnels = compared.flatMap((entry) => {
      const shown = new Set(summary.groups.filter((group) => group.suppressed === undefined && summaryItems(group).some((item) => columnOfItem(metrics, item) === entry.column && item.result.suppressed === undefined)).map((group) => group.key));
      const funnel = funnelPlot(rows, { by: by[0]!, [entry.metric]: entry.spec, overdispersion: 'additive', ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }) } as FunnelPlotOptions<Row>);
      const units = funnel.units.filter((unit) => shown.has(unit.key));
      return units.length < 2 ? [] : [{ name: `${strings.metricNames[entry.metric]} ${entry.column}`, metric: entry.metric as 'nps' | 'csat', funnel: { ...funnel, units } }];
    });
    if (funnels.length > 0) {
      funnelled = true;
      results['funnel'] = funnels.map(({ name, funnel }) => ({ name, ...funnel }));
      const funnelsFrom = specs.length;
      funnels.forEach((run) => specs.push(funnelChart(run.funnel, { ...chartOptions, title: funnels.length === 1 ? null : run.name })));
      sections.push((svgs) => builders.funnel(funnels, svgs.slice(funnelsFrom, funnelsFrom + funnels.length).join('\n')));
    }
    if (at !== undefined) {
      const oneCall = new Set(metrics.columns.map((entry) => entry.metric)).size === metrics.columns.length;
      const groups = oneCall ? [metrics.columns] : metrics.columns.map((entry) => [entry]);
      const timeZone = single(args, 'time-zone');
      const trends = groups.map((columns) => ({
        columns,
        trend: trend(rows, { at, period, ...(timeZone === undefined ? {} : { timeZone }), ...common, ...tests, ...Object.fromEntries(columns.map((entry) => [entry.metric, entry.spec])) } as TrendOptions<Row>),
      }));
      adjustments.trend = trends[0]!.trend.adjust;
      held.trend = oneCall ? trends[0]!.trend : trends.map((run) => ({ field: run.columns[0]!.column, trend: run.trend }));
      results['trend'] = held.trend;
      const first = specs.length;
      trends.forEach((run) => specs.push(trendChart(run.trend, { ...chartOptions, title: oneCall ? null : run.columns[0]!.column })));
      sections.push((svgs) => builders.trend(trends, svgs.slice(first, first + trends.length).join('\n')));
      // Control charts count answers: no weights, one chart per metric column.
      const charts = metrics.columns.map((entry) => ({
        name: `${strings.metricNames[entry.metric]} ${entry.column}`,
        metric: entry.metric,
        chart: controlChart(rows, { at, period, ...(timeZone === undefined ? {} : { timeZone }), [entry.metric]: entry.spec, ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }) } as ControlChartOptions<Row>),
      }));
      monitored = true;
      results['monitor'] = charts.map(({ name, chart }) => ({ name, ...chart }));
      const chartsFrom = specs.length;
      charts.forEach((entry) => specs.push(monitorChart(entry.chart, { ...chartOptions, title: charts.length === 1 ? null : entry.name })));
      sections.push((svgs) => builders.monitor(charts, svgs.slice(chartsFrom, chartsFrom + charts.length).join('\n')));
    }
    if (outcome !== undefined) {
      const scaleText = single(args, 'driver-scale');
      const scale = scaleText === undefined ? undefined : parseScale(scaleText, 'driver-scale');
      const na = naCodes(args, table);
      const result = keyDrivers(rows, {
        outcome,
        ...(method === undefined ? {} : { method }),
        drivers: drivers.map((field) => {
          const notApplicable = scale ? codesFor(na, field, scale, 'driver', note) : na.everywhere.length > 0 ? [...na.everywhere] : undefined;
          return { field, ...(scale ? { scale } : {}), ...(notApplicable ? { notApplicable } : {}) };
        }),
      } as KeyDriverOptions<Row>);
      driverMethod = result.method;
      held.drivers = result;
      results['drivers'] = result;
      const index = specs.push(driversChart(result, { ...chartOptions, title: null })) - 1;
      sections.push((svgs) => builders.drivers(result, outcome, svgs[index]!));
    }
    if (journeyDefinition !== undefined && stage !== undefined) {
      const headline = single(args, 'headline');
      const report = journeyReport(rows, journeyDefinition as never, { ...metricSpecs(metrics), stage, ...(touchpoint === undefined ? {} : { touchpoint }), ...(headline === undefined ? {} : { headline }), ...common, ...tests } as JourneyReportOptions<Row>);
      adjustments.journey = report.adjust;
      held.journey = report;
      results['journey'] = report;
      const index = specs.push(journeyChart(report, { ...chartOptions, title: null })) - 1;
      sections.push((svgs) => builders.journey(report, svgs[index]!));
    }
    if (themes !== undefined) {
      const report = themeReport(rows, codebook, { ...themes.options, text: themes.text, ...(themes.topics === undefined ? {} : { topics: themes.topics }) });
      adjustments.themes = report.adjust;
      held.themes = report;
      results['themes'] = report;
      const index = specs.push(themesChart(report, { ...chartOptions, title: null })) - 1;
      sections.push((svgs) => builders.themes(report, svgs[index]!));
    }
    if (id !== undefined) {
      // followUps takes one column per metric: one call per column, respondents counted once.
      const contacts = new Set<unknown>();
      for (const entry of metrics.columns) {
        const list = followUps(rows, { [entry.metric]: entry.spec, id, ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }) } as FollowUpOptions<Row>);
        for (const contact of list.contacts) contacts.add(contact.id);
      }
      results['followUps'] = { contacts: contacts.size, rows: rows.length };
      sections.push(() => builders.followUps(contacts.size, rows.length));
    }
  });
  if (mysterySection !== undefined) sections.push(mysterySection);
  const findings = keyFindings(held, { ...(metrics.level === undefined ? {} : { level: metrics.level }), ...(adjust === undefined ? {} : { adjust }) });
  results['findings'] = findings;
  if (findings.findings.length > 0) sections.unshift(() => builders.findings(findings, outcome ?? null));
  const svgs = await io.renderSvgs(specs);
  const built = sections.map((section) => section(svgs));
  const html = reportHtml({
    lang,
    strings,
    title: single(args, 'title') ?? strings.title,
    facts: [
      [strings.file, io.source],
      [strings.rowsRead, style.fixed(rows.length, 0)],
      ...(table.platform === null ? [] : [[strings.readAs, table.platform === 'qualtrics' ? 'Qualtrics' : 'SurveyMonkey'] as const]),
      [strings.created, new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(io.created)],
    ],
    counts: counts ?? null,
    sections: built,
    methodology: [...builders.methodology(held.summary ?? null, mysteryReport, metrics, { ...adjustments, drivers: driverMethod, monitor: monitored, funnel: funnelled }, suppression), ...(raked === null ? [] : [weightingSentence(raked.report, strings, style)])],
    version: io.version,
  });
  const tables = built.flatMap((section) => section.tables.map((table) => ({ section: section.title, head: table.head, rows: table.rows })));
  return { html, sections: sections.length, rows: rows.length, results, tables };
}
