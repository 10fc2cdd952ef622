import * as z from 'zod/mini';
import { fail } from '../core/errors.js';
import { fieldReader, type Field, type FieldReader } from '../core/internal/field-reader.js';
import { keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { emptyTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { readFailure } from '../core/internal/read-failure.js';
import { checkFieldExists, rowWeight } from '../core/internal/row-answers.js';
import { countRow, groupLayout, groupTallies, mergeGroups, newRowGroup, rejectRow, type RowGroup } from '../core/internal/row-tallies.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy, Tally } from '../core/tally-types.js';
import { compareCsat } from '../metrics/compare-csat.js';
import type { Comparison } from '../metrics/internal/comparison.js';
import { adjustPValues } from '../stats/adjust-p-values.js';
import { columnLetter } from './internal/banner-letters.js';
import { compareMetric, fieldSchema, metricResult, resolveMetrics, type MetricName, type ResolvedMetric, type SummaryMetricSpecs } from '../common/metric-specs.js';
import { checkRowArray } from '../common/row-pass.js';
import { hiddenCells, suppressionRule, suppressionShape, type Suppression, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';

/** How the pairs of one row of a banner table are adjusted for their number (SPSS's and expss's default is none). */
export type BannerAdjustment = 'none' | 'bonferroni' | 'holm' | 'benjamini-hochberg';

/** Which pairs of columns are tested: the groups of each banner field among themselves, also each against the total, or none. */
export type BannerTest = 'columns' | 'columns-and-total' | 'none';

/** Options of {@link bannerTable}. */
export interface BannerTableOptions<Row> extends SummaryMetricSpecs<Row>, SuppressionOptions {
  /** The field (or fields, side by side) whose groups are the columns. */
  readonly banner: Field<Row> | readonly Field<Row>[];
  /** Categorical fields: a row per category with its percentage of each column's answers. */
  readonly categories?: Field<Row> | readonly Field<Row>[] | undefined;
  readonly weight?: Field<Row> | undefined;
  /** `'columns'` (default), `'columns-and-total'` (each group against the total it is part of, too), or `'none'`. */
  readonly test?: BannerTest | undefined;
  /** Default `'none'`: each pair taken alone, as SPSS and expss do by default; the family is the pairs of one row. */
  readonly adjust?: BannerAdjustment | undefined;
  /** Level of the tests (default 0.95). */
  readonly level?: number | undefined;
  /** A column with fewer answers than this (unweighted) is shown but not tested (default 30). */
  readonly minBase?: number | undefined;
  readonly invalid?: InvalidPolicy | undefined;
}

/** A column of a banner table: the total, or a group of a banner field. */
export interface BannerColumn {
  /** A, B, C… (after Z: AA, AB…). The total is A. */
  readonly letter: string;
  /** The banner field's name (an accessor's `banner[i]`); null for the total. */
  readonly field: string | null;
  /** The group's key as the rows gave it (text NFC-normalised and trimmed); null for the total. */
  readonly key: unknown;
}

/** A cell: a column's figure for a row, and the columns it is significantly higher than. */
export interface BannerCell {
  readonly letter: string;
  /** NPS, CSAT %, the CES score, or a category's % of the column's answers; null without answers or when hidden. */
  readonly score: number | null;
  /** Respondents with an answer (unweighted; 0 when hidden, unless `showCounts`). */
  readonly n: number;
  /** Answers left out as invalid under `invalid: 'skip'` (0 when hidden, unless `showCounts`). */
  readonly invalid: number;
  /** Letters of the columns this one is significantly higher than (after adjustment). */
  readonly higherThan: readonly string[];
  /** Whether the cell took part in tests (enough base, shown). */
  readonly tested: boolean;
  readonly suppressed?: Suppression;
}

/** A pair of columns tested in a row. */
export interface BannerPair {
  /** The left column's letter (the earlier one). */
  readonly a: string;
  readonly b: string;
  /** Score a − score b (a mean difference for CES). */
  readonly difference: number | null;
  readonly pValue: number | null;
  /** Adjusted over the row's pairs (`adjust`); equal to `pValue` with `'none'`. */
  readonly adjustedPValue: number | null;
  readonly significant: boolean;
}

/** A row of a banner table: a metric field, or one category of a categorical field. */
export interface BannerRow {
  readonly metric: MetricName | 'category';
  /** The metric's field or label, or the categorical field. */
  readonly field: string;
  /** The category (as the rows gave it, text NFC-normalised and trimmed); absent for a metric. */
  readonly category?: unknown;
  readonly cells: readonly BannerCell[];
  /** The pairs tested in the row: the family adjusted together. */
  readonly pairs: readonly BannerPair[];
}

/** The result of {@link bannerTable}: columns lettered, rows of cells, and the conventions of its letters. */
export interface BannerTable {
  readonly columns: readonly BannerColumn[];
  readonly rows: readonly BannerRow[];
  readonly test: BannerTest;
  readonly adjust: BannerAdjustment;
  readonly level: number;
  readonly minBase: number;
  /** The test behind each kind of row: proportions (CSAT, categories) by pooled z, NPS by its two-sample z, CES by Welch's t on the means. */
  readonly methods: { readonly proportion: 'pooled-z'; readonly nps: 'z'; readonly mean: 'welch-t' };
  readonly suppression?: SuppressionRule;
}

const optionsSchema = z.strictObject({
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  banner: z.union([fieldSchema, z.array(fieldSchema).check(z.minLength(1))]),
  categories: z.optional(z.union([fieldSchema, z.array(fieldSchema)])),
  weight: z.optional(fieldSchema),
  test: z.optional(z.enum(['columns', 'columns-and-total', 'none'])),
  adjust: z.optional(z.enum(['none', 'bonferroni', 'holm', 'benjamini-hochberg'])),
  level: z.optional(z.number().check(z.gt(0), z.lt(1))),
  minBase: z.optional(z.int().check(z.gte(1))),
  invalid: answerOptionsShape.invalid,
  ...suppressionShape,
});

const PROPORTION_SCALE = Object.freeze({ min: 0, max: 1 });

/** A column's counts while the rows are read: the metrics' tallies, and per categorical field the weights of each category. */
interface ColumnCounts {
  readonly group: RowGroup;
  /** Per categorical field, per category index: count, Σw, Σw². */
  readonly categories: { count: number[]; sumWeights: number[]; sumSquaredWeights: number[] }[];
}

/**
 * A banner table (crosstab) as market research reads it: metrics and categories down, the
 * total and each group of the banner fields across, each column lettered, and in each cell
 * the letters of the columns of the same banner field it is significantly higher than.
 * Proportions (CSAT, a category's share) are tested by the pooled two-proportion z test —
 * R's `prop.test(correct = FALSE)` — NPS by the two-sample NPS z test, CES by Welch's t on
 * the means (as a CES row's score may be `percent-easy`, the letters then speak of means).
 * `adjust` corrects over the pairs of one row ('none' by default, as SPSS and expss do:
 * say which you use). The total is not tested against its own parts unless
 * `test: 'columns-and-total'`; columns thinner than `minBase` (default 30) are not tested;
 * hidden columns (`minN`) neither. One pass over the rows; the total is the first banner
 * field's columns merged.
 *
 * @throws {CxValidationError} for a banner or categorical field that is also a metric, a
 *   field no row has, a value that cannot be a group, and the answers' own errors, each with
 *   its row and field.
 * @example
 * ```ts
 * const rows = [
 *   ...Array.from({ length: 40 }, (_, i) => ({ class: 'Business', q: i < 30 ? 5 : 2 })),
 *   ...Array.from({ length: 40 }, (_, i) => ({ class: 'Eco', q: i < 15 ? 5 : 2 })),
 * ];
 * const table = bannerTable(rows, { banner: 'class', csat: 'q' });
 * table.columns.map((column) => column.letter); // ['A', 'B', 'C']
 * table.rows[0]!.cells[1]!.score; // 75
 * table.rows[0]!.cells[1]!.higherThan; // ['C']
 * ```
 */
export function bannerTable<Row>(rows: readonly Row[], options: BannerTableOptions<Row>): BannerTable {
  const parsed = parseWith(optionsSchema, options) as unknown as BannerTableOptions<Row>;
  checkRowArray(rows);
  const rule = suppressionRule(parsed);
  const metrics = resolveMetrics(parsed, parsed.invalid, true);
  const bannerFields = (Array.isArray(parsed.banner) ? parsed.banner : [parsed.banner]) as readonly Field<Row>[];
  const categoryFields = (parsed.categories === undefined ? [] : Array.isArray(parsed.categories) ? parsed.categories : [parsed.categories]) as readonly Field<Row>[];
  const banners = bannerFields.map((field, b) => fieldReader(field, Array.isArray(parsed.banner) ? `banner[${b}]` : 'banner'));
  const categories = categoryFields.map((field, c) => fieldReader(field, Array.isArray(parsed.categories) ? `categories[${c}]` : 'categories'));
  if (metrics.length === 0 && categories.length === 0) fail('invalid_option', [], 'give at least one of nps, csat, ces and categories');
  checkDistinct(metrics, banners, categories, Array.isArray(parsed.banner), Array.isArray(parsed.categories));
  const weight = parsed.weight === undefined ? undefined : fieldReader(parsed.weight, 'weight');
  metrics.forEach((metric) => checkFieldExists(rows, metric.reader, metric.path));
  checkFieldExists(rows, weight, ['weight']);
  banners.forEach((reader, b) => checkFieldExists(rows, reader, Array.isArray(parsed.banner) ? ['banner', b] : ['banner']));
  categories.forEach((reader, c) => checkFieldExists(rows, reader, Array.isArray(parsed.categories) ? ['categories', c] : ['categories']));

  const layout = groupLayout(metrics, weight !== undefined);
  const pass = { log: newIssueLog(), skip: parsed.invalid === 'skip' };
  const again = { log: newIssueLog(), skip: pass.skip };
  const weighted = weight !== undefined;
  // Categories get an index in first-seen order, the same in every column; each column's counts
  // have a slot per category seen so far (a new category adds one to every column).
  const categoryIndex = categories.map(() => keyedGroups(() => ({ index: -1 })));
  const categoryCount = categories.map(() => 0);
  const everyColumn: ColumnCounts[] = [];
  const newColumn = (): ColumnCounts => {
    const slots = (c: number) => new Array<number>(categoryCount[c]!).fill(0);
    const column = { group: newRowGroup(layout), categories: categories.map((_, c) => ({ count: slots(c), sumWeights: slots(c), sumSquaredWeights: slots(c) })) };
    everyColumn.push(column);
    return column;
  };
  // The total is the first banner field's columns merged (every row is in one of them) with the rows that could not be read.
  const unplaced = newColumn();
  const columns = banners.map(() => keyedGroups(newColumn));
  const placed: ColumnCounts[] = new Array(banners.length);
  const readers = [...metrics.map((metric) => metric.reader), weight, ...banners, ...categories];
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row: unknown = rows[r];
      // With categories a row may answer only them: a blank weight then stays an error.
      const w = rowWeight(row, r, weight, categories.length === 0 ? metrics : []);
      if (typeof w !== 'number') {
        rejectRow(unplaced.group, r, row, w, pass);
        continue;
      }
      const record = row as Record<string, unknown>;
      let inColumns = 0;
      for (let b = 0; b < banners.length; b++) {
        const reader = banners[b]!;
        const value = reader.direct !== undefined ? record[reader.direct] : reader.read(record, r);
        const column = columns[b]!.cached.get(value) ?? columns[b]!.one(value);
        if (column === undefined) {
          logIssue(pass.log, { code: 'invalid_type', path: [r, reader.label], message: NOT_A_KEY });
          continue;
        }
        // A row counts once per banner field: its problems are reported once, from the first.
        countRow(layout, column.group, record, r, w, b === 0 ? pass : again);
        placed[inColumns++] = column;
      }
      for (let c = 0; c < categories.length; c++) {
        const reader = categories[c]!;
        const value = reader.direct !== undefined ? record[reader.direct] : reader.read(record, r);
        let category = categoryIndex[c]!.cached.get(value);
        if (category === undefined) {
          // Blank is no answer: never a category.
          if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) continue;
          category = categoryIndex[c]!.one(value);
          if (category === undefined) {
            logIssue(pass.log, { code: 'invalid_type', path: [r, reader.label], message: NOT_A_KEY });
            continue;
          }
          if (category.index < 0) {
            category.index = categoryCount[c]!++;
            for (const column of everyColumn) for (const list of Object.values(column.categories[c]!)) list.push(0);
          }
        }
        const k = category.index;
        for (let p = 0; p < inColumns; p++) {
          const counts = placed[p]!.categories[c]!;
          counts.count[k]!++;
          if (weighted) {
            counts.sumWeights[k]! += w;
            counts.sumSquaredWeights[k]! += w * w;
          }
        }
      }
    }
  } catch (error) {
    throw readFailure(error, rows[r], r, readers);
  }
  throwIfIssues(pass.log);
  const firstField = columns[0]!.entries().map(({ group }) => group);
  const total: ColumnCounts = {
    group: mergeGroups(layout, [...firstField.map((column) => column.group), unplaced.group]),
    categories: categories.map((_, c) => {
      const sum = (key: 'count' | 'sumWeights' | 'sumSquaredWeights') => Array.from({ length: categoryCount[c]! }, (_, k) => firstField.reduce((acc, column) => acc + column.categories[c]![key][k]!, 0));
      return { count: sum('count'), sumWeights: sum('sumWeights'), sumSquaredWeights: sum('sumSquaredWeights') };
    }),
  };

  const bannerColumns = columns.map((keyed) => keyed.entries());
  const allColumns: { column: BannerColumn; counts: ColumnCounts; part: number }[] = [
    { column: { letter: 'A', field: null, key: null }, counts: total, part: -1 },
    ...bannerColumns.flatMap((entries, b) => entries.map(({ key, group }) => ({ column: { letter: '', field: banners[b]!.label, key }, counts: group, part: b }))),
  ].map((entry, i) => ({ ...entry, column: { ...entry.column, letter: columnLetter(i) } }));

  const level = parsed.level ?? 0.95;
  const settings: Settings = { test: parsed.test ?? 'columns', adjust: parsed.adjust ?? 'none', level, minBase: parsed.minBase ?? 30, rule };
  const tallies = allColumns.map(({ counts }) => groupTallies(layout, counts.group));
  const metricRows = metrics.map((metric, m): BannerRow => {
    const cells = tallies.map((columnTallies) => columnTallies[m]!);
    return bannerRow(metric.name, metric.item ?? metric.reader.label, undefined, allColumns, cells, (tally) => metricResult(metric, tally), (a, b) => compareMetric(metric, a, b, level), settings);
  });
  const categoryRows = categories.flatMap((reader, c) =>
    categoryIndex[c]!.entries().map(({ key, group }): BannerRow => {
      const cells = allColumns.map(({ counts }) => proportionTally(counts.categories[c]!, group.index, weighted));
      const share = (tally: Tally) => {
        const answered = tally.sumWeights[0]! + tally.sumWeights[1]!;
        return { score: answered > 0 ? (100 * tally.sumWeights[1]!) / answered : null, n: tally.n };
      };
      return bannerRow('category', reader.label, key, allColumns, cells, share, (a, b) => compareCsat(a, b, { scale: PROPORTION_SCALE, satisfied: [1], level }), settings);
    }),
  );
  return {
    columns: allColumns.map(({ column }) => column),
    rows: [...metricRows, ...categoryRows],
    test: settings.test,
    adjust: settings.adjust,
    level,
    minBase: settings.minBase,
    methods: { proportion: 'pooled-z', nps: 'z', mean: 'welch-t' },
    ...(rule === null ? {} : { suppression: rule }),
  };
}

interface Settings {
  readonly test: BannerTest;
  readonly adjust: BannerAdjustment;
  readonly level: number;
  readonly minBase: number;
  readonly rule: SuppressionRule | null;
}

/**
 * One row: each column's figure, small columns hidden per banner field (each sums to the
 * total), the pairs tested and adjusted together, and each cell's letters.
 */
function bannerRow(
  metric: BannerRow['metric'],
  field: string,
  category: unknown,
  columns: readonly { column: BannerColumn; part: number }[],
  tallies: readonly Tally[],
  figure: (tally: Tally) => { score: number | null; n: number },
  compare: (a: Tally, b: Tally) => Comparison,
  settings: Settings,
): BannerRow {
  const figures = tallies.map(figure);
  const hidden: (Suppression | null)[] = columns.map(() => null);
  if (settings.rule !== null) {
    const rule = settings.rule;
    if (figures[0]!.n > 0 && figures[0]!.n < rule.minN) hidden[0] = 'insufficient';
    const parts = [...new Set(columns.map(({ part }) => part))].filter((part) => part >= 0);
    for (const part of parts) {
      const at = columns.flatMap(({ part: p }, i) => (p === part ? [i] : []));
      hiddenCells(
        at.map((i) => figures[i]!.n),
        rule,
      ).forEach((why, k) => (hidden[at[k]!] = why));
    }
  }
  // The total takes part only when tested against its parts.
  const takesPart = (i: number) => (columns[i]!.part >= 0 ? settings.test !== 'none' : settings.test === 'columns-and-total');
  const tested = figures.map((entry, i) => takesPart(i) && hidden[i] === null && entry.n >= settings.minBase && entry.score !== null);
  const pairs: [number, number][] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const sameField = columns[i]!.part >= 0 && columns[i]!.part === columns[j]!.part;
      const withTotal = columns[i]!.part < 0;
      if ((sameField || withTotal) && tested[i] && tested[j]) pairs.push([i, j]);
    }
  }
  const comparisons = pairs.map(([i, j]) => compare(tallies[i]!, tallies[j]!));
  const withP = comparisons.flatMap((comparison, k) => (comparison.pValue === null ? [] : [k]));
  const adjusted = adjustPValues(
    withP.map((k) => comparisons[k]!.pValue!),
    settings.adjust,
  );
  const higher: string[][] = columns.map(() => []);
  const tests = pairs.map(([i, j], k): BannerPair => {
    const q = withP.indexOf(k);
    const adjustedPValue = q < 0 ? null : adjusted[q]!;
    const significant = adjustedPValue !== null && adjustedPValue < 1 - settings.level;
    const difference = comparisons[k]!.difference;
    if (significant && difference !== null && difference > 0) higher[i]!.push(columns[j]!.column.letter);
    if (significant && difference !== null && difference < 0) higher[j]!.push(columns[i]!.column.letter);
    return { a: columns[i]!.column.letter, b: columns[j]!.column.letter, difference, pValue: comparisons[k]!.pValue, adjustedPValue, significant };
  });
  const showCounts = settings.rule?.showCounts === true;
  const cells = columns.map(({ column }, i): BannerCell => {
    const why = hidden[i];
    if (why !== null && why !== undefined) return { letter: column.letter, score: null, n: showCounts ? figures[i]!.n : 0, invalid: showCounts ? tallies[i]!.invalid : 0, higherThan: [], tested: false, suppressed: why };
    return { letter: column.letter, score: figures[i]!.score, n: figures[i]!.n, invalid: tallies[i]!.invalid, higherThan: higher[i]!.sort(byLetter), tested: tested[i]! };
  });
  return { metric, field, ...(metric === 'category' ? { category } : {}), cells, pairs: tests };
}

/** Letters in column order: B before AA. */
function byLetter(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** A category's share in a column as a tally on 0–1 (1 = the category): tested like any proportion. */
function proportionTally(given: { count: number[]; sumWeights: number[]; sumSquaredWeights: number[] }, index: number, weighted: boolean): Tally {
  // Without weights only counts are kept: each answer weighs 1.
  const counts = weighted ? given : { count: given.count, sumWeights: given.count, sumSquaredWeights: given.count };
  const tally = emptyTally(PROPORTION_SCALE);
  const sum = (values: number[]) => values.reduce((total, value) => total + (value ?? 0), 0);
  const [all, allWeights, allSquares] = [sum(counts.count), sum(counts.sumWeights), sum(counts.sumSquaredWeights)];
  const [one, oneWeights, oneSquares] = [counts.count[index] ?? 0, counts.sumWeights[index] ?? 0, counts.sumSquaredWeights[index] ?? 0];
  tally.counts[0] = all - one;
  tally.counts[1] = one;
  tally.sumWeights[0] = allWeights - oneWeights;
  tally.sumWeights[1] = oneWeights;
  tally.sumSquaredWeights[0] = allSquares - oneSquares;
  tally.sumSquaredWeights[1] = oneSquares;
  tally.n = all;
  return tally;
}

/** A banner or categorical field that is also a metric (or each other) would compare a thing with itself. */
function checkDistinct(metrics: readonly ResolvedMetric[], banners: readonly FieldReader[], categories: readonly FieldReader[], bannerList: boolean, categoryList: boolean): void {
  const metricFields = new Set(metrics.flatMap((metric) => (metric.reader.field === undefined ? [] : [metric.reader.field])));
  const seen = new Set<string>();
  const check = (reader: FieldReader, path: (string | number)[], what: string) => {
    if (reader.field === undefined) return;
    if (metricFields.has(reader.field)) fail('invalid_option', path, `${JSON.stringify(reader.field)} is a metric; ${what} must be another field`);
    if (seen.has(reader.field)) fail('invalid_option', path, `${JSON.stringify(reader.field)} is given twice as a banner or categorical field`);
    seen.add(reader.field);
  };
  banners.forEach((reader, b) => check(reader, bannerList ? ['banner', b] : ['banner'], 'a banner field'));
  categories.forEach((reader, c) => check(reader, categoryList ? ['categories', c] : ['categories'], 'a categorical field'));
}
