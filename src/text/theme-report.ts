import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { groupText, keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { logIssue, newIssueLog, throwIfIssues, type IssueLog } from '../core/internal/issue-log.js';
import { emptyTally, type MutableTally } from '../core/internal/mutable-tally.js';
import { parseWith } from '../core/internal/parse-options.js';
import { readFailure } from '../core/internal/read-failure.js';
import { checkFieldExists, judgeRowAnswer, rowWeight } from '../core/internal/row-answers.js';
import { answerOptionsShape } from '../core/options.js';
import type { InvalidPolicy } from '../core/tally-types.js';
import { adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import { fieldSchema, type MetricName, type MetricSpecs, type ResolvedMetric, resolveMetrics } from '../common/metric-specs.js';
import { checkRowArray } from '../common/row-pass.js';
import { adjustPValues, type PValueAdjustment } from '../stats/adjust-p-values.js';
import { DEFAULT_LEVEL, levelSchema, type Interval } from '../stats/interval.js';
import { proportionInterval } from '../stats/proportion-interval.js';
import type { Codebook, CodebookDefinition } from './define-codebook.js';
import { isBlank, rowComment } from './code-comment.js';
import { codeText } from './internal/codebook-index.js';
import { pointScores, themeImpact, type CesImpact, type CsatImpact, type NpsImpact, type ThemeImpact } from './internal/theme-impact.js';
import { hiddenCells, hiddenResult, suppressionRule, suppressionShape, type Suppression, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';
import { noComparison } from '../metrics/internal/comparison.js';
import type { CesResult } from '../metrics/ces.js';
import type { CsatResult } from '../metrics/csat.js';
import type { NpsResult } from '../metrics/nps.js';
import { codebookIndex } from './internal/use-codebook.js';

export type { CesImpact, CsatImpact, NpsImpact, ThemeImpact } from './internal/theme-impact.js';

/** Options of {@link themeReport}. */
export interface ThemeReportOptions<Row> extends MetricSpecs<Row>, SuppressionOptions {
  /** The comment of each row. */
  readonly text: Field<Row>;
  /** Report each group too (a store, a month): its own themes, shares and tests. */
  readonly by?: Field<Row> | undefined;
  readonly weight?: Field<Row> | undefined;
  /**
   * Themes ready-made by another coder instead of a codebook: a comma-separated list per row,
   * as Qualtrics Text iQ writes its `… - Topics` column. "Unknown" means no topic.
   */
  readonly topics?: Field<Row> | undefined;
  /** Level of the share intervals and of the impact tests (default 0.95). */
  readonly level?: number | undefined;
  /** How the impact tests of one metric across the themes are adjusted (default `'holm'`). */
  readonly adjust?: PValueAdjustment | undefined;
  /** Quotes kept per theme, shortest first (default 3; 0 for none). */
  readonly examples?: number | undefined;
  readonly invalid?: InvalidPolicy | undefined;
}

/** A comment quoted from the rows: its row index and its text as written. */
export interface Quote {
  readonly index: number;
  readonly text: string;
}

/** A theme in a report. */
export interface ThemeResult {
  readonly id: string;
  readonly label: string;
  /** The theme it belongs under, or null. A parent counts the commenters who mention it or any theme under it. */
  readonly parent: string | null;
  /** Commenters who mention it (rows, unweighted). */
  readonly mentions: number;
  /** Their share of the commenters, 0–100 (weighted with weights). */
  readonly share: number;
  /** Wilson interval of the share (with weights, on the Kish effective n); null without commenters. */
  readonly interval: Interval<'wilson'> | null;
  /** Up to `examples` of its comments, shortest first. */
  readonly examples: readonly Quote[];
  readonly nps?: NpsImpact;
  readonly csat?: CsatImpact;
  readonly ces?: CesImpact;
}

/** The themes of a set of rows: the whole report, or one group of it. */
export interface ThemeSummary {
  /** Rows read. */
  readonly rows: number;
  /** Rows without a comment (null, or only white space): counted, never coded. */
  readonly blank: number;
  /** Rows with a comment: the base of every share. */
  readonly commenters: number;
  /** Commenters coded to no theme — the codebook's blind spot — with the first 100 of their comments in row order. */
  readonly uncoded: { readonly commenters: number; readonly share: number; readonly comments: readonly Quote[] };
  /** In codebook order (with `topics`, in the order they first appear); none when the whole is hidden. */
  readonly themes: readonly ThemeResult[];
  /** Set when the figures are hidden: fewer commenters than `minN`, or by the complementary rule among the groups. */
  readonly suppressed?: Suppression;
}

/** The result of {@link themeReport}. */
export interface ThemeReport extends ThemeSummary {
  /** Who the numbers are about: what a commenter is, and each metric's base. */
  readonly base: string;
  readonly level: number;
  /** How each metric's impact tests across the themes were adjusted. */
  readonly adjust: PValueAdjustment;
  /** With `by`: the same for each group, in first-seen order (tests adjusted within each group). */
  readonly groups?: readonly (ThemeSummary & { readonly key: unknown })[];
  /** The rule small groups were hidden by, when `minN` was given. */
  readonly suppression?: SuppressionRule;
}

const themeReportSchema = z.strictObject({
  text: fieldSchema,
  by: z.optional(fieldSchema),
  weight: z.optional(fieldSchema),
  topics: z.optional(fieldSchema),
  nps: z.optional(z.unknown()),
  csat: z.optional(z.unknown()),
  ces: z.optional(z.unknown()),
  level: z.optional(levelSchema),
  adjust: adjustSchema,
  examples: z.optional(z.int().check(z.gte(0), z.lte(100))),
  invalid: answerOptionsShape.invalid,
  ...suppressionShape,
});

/** How many uncoded comments a summary lists. */
const LISTED_UNCODED = 100;

/** A theme's counts in one scope (the whole report or a group). */
interface ThemeCounts {
  mentions: number;
  weight: number;
  /** Per metric, the answers of the commenters who mention it. */
  readonly tallies: MutableTally[];
  readonly examples: Quote[];
}

/** The counts of one scope. */
interface Scope {
  rows: number;
  blank: number;
  commenters: number;
  weight: number;
  squaredWeight: number;
  /** Per metric, the answers of every commenter. */
  readonly tallies: MutableTally[];
  readonly themes: ThemeCounts[];
  uncoded: number;
  uncodedWeight: number;
  readonly uncodedComments: Quote[];
}

/**
 * What customers write, coded into themes, and what each theme does to the score. Each row's
 * comment is coded by the codebook (or its ready-made `topics`); per theme the report gives
 * how many commenters mention it, their share with a Wilson interval, a few quotes, and for
 * each metric asked for the score among those who mention it and among the rest, and the
 * theme's impact — the score of all commenters minus the score without them, which is share ×
 * (mentioned − rest) — with its standard error, z test, and p adjusted across the themes
 * (Holm by default). Commenters are the rows with a comment; a metric's base is the
 * commenters who also answered it. Blank comments are counted, never coded; comments coded to
 * no theme are counted and listed. A parent theme counts the commenters who mention it or any
 * theme under it. One pass over the rows.
 *
 * @throws {CxValidationError} for a codebook {@link defineCodebook} refuses, a comment that is
 * not text, invalid answers or weights (unless `invalid: 'skip'`), a field no row has, or bad
 * options.
 * @example
 * ```ts
 * const codebook = defineCodebook({ language: 'en', themes: [{ id: 'wait', match: ['wait', 'queue*'] }, { id: 'staff', match: ['staff', 'friendly'] }] });
 * const rows = [
 *   { comment: 'Waited forty minutes in the queue', nps: 2 },
 *   { comment: 'Friendly staff', nps: 10 },
 *   { comment: 'The wait was long', nps: 6 },
 *   { comment: 'Fine', nps: 9 },
 * ];
 * const report = themeReport(rows, codebook, { text: 'comment', nps: 'nps' });
 * report.themes[0]?.mentions; // 2
 * report.themes[0]?.share; // 50
 * report.themes[0]?.nps?.impact; // -100 (NPS 0 of all four, 100 of the two who do not mention waiting)
 * report.uncoded.commenters; // 1
 * ```
 */
export function themeReport<Row extends object>(rows: readonly Row[], codebook: Codebook | CodebookDefinition | null, options: ThemeReportOptions<Row>): ThemeReport {
  const parsed = parseWith(themeReportSchema, options);
  checkRowArray(rows);
  const metrics = resolveMetrics(options, parsed.invalid);
  const level = parsed.level ?? DEFAULT_LEVEL;
  const adjust = parsed.adjust ?? DEFAULT_ADJUSTMENT;
  const examples = parsed.examples ?? 3;
  const rule = suppressionRule(parsed);
  if (codebook === null && options.topics === undefined) fail('invalid_option', ['topics'], 'give a codebook, or a field of ready-made topics');
  const index = codebook === null ? null : codebookIndex(codebook);
  const text = fieldReader(options.text, 'text');
  const topics = options.topics === undefined ? undefined : fieldReader(options.topics, 'topics');
  const by = options.by === undefined ? undefined : fieldReader(options.by, 'by');
  const weight = options.weight === undefined ? undefined : fieldReader(options.weight, 'weight');
  for (const [reader, path] of [[text, ['text']], [topics, ['topics']], [by, ['by']], [weight, ['weight']], ...metrics.map((metric) => [metric.reader, [metric.name]] as const)] as const) {
    checkFieldExists(rows, reader, path);
  }
  const log = newIssueLog();
  const skip = parsed.invalid === 'skip';
  // Themes: the codebook's, or the topics as they first appear.
  const themes: { id: string; label: string; parent: string | null }[] = index?.codebook.themes.map((theme) => ({ id: theme.id, label: theme.label, parent: theme.parent ?? null })) ?? [];
  const topicIndex = new Map<string, number>();
  const newScope = (): Scope => ({ rows: 0, blank: 0, commenters: 0, weight: 0, squaredWeight: 0, tallies: metrics.map((metric) => emptyTally(metric.rules.scale)), themes: [], uncoded: 0, uncodedWeight: 0, uncodedComments: [] });
  const total = newScope();
  const groups = keyedGroups(newScope);
  const readers = [text, topics, by, weight, ...metrics.map((metric) => metric.reader)];

  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row: unknown = rows[r];
      if (typeof row !== 'object' || row === null) {
        logIssue(log, { code: 'invalid_type', path: [r], message: `a row must be an object, got ${describeValue(row)}` });
        continue;
      }
      const scopes = [total];
      if (by !== undefined) {
        const group = groups.one(by.read(row, r));
        if (group === undefined) logIssue(log, { code: 'invalid_type', path: [r, by.label], message: NOT_A_KEY });
        else scopes.push(group);
      }
      const comment = rowComment(text, row, r, log);
      if (comment === undefined) continue;
      const w = weight === undefined ? 1 : rowWeight(row, r, weight);
      if (typeof w !== 'number') {
        logIssue(log, { code: w.verdict.code, path: [r, ...w.path], message: w.verdict.message });
        continue;
      }
      for (const scope of scopes) scope.rows++;
      if (isBlank(comment)) {
        for (const scope of scopes) scope.blank++;
        continue;
      }
      const answers = metrics.map((metric) => answerOf(metric, row, r, log, skip));
      const found = index !== null ? [...codeText(index, comment).keys()] : topicThemes(topics!.read(row, r), themes, topicIndex);
      for (const scope of scopes) countComment(scope, r, comment, w, answers, found, examples);
    }
  } catch (error) {
    throw readFailure(error, rows[r], r, readers);
  }
  throwIfIssues(log);
  const scores = metrics.map(pointScores);
  const summary = (scope: Scope, hidden: Suppression | null): ThemeSummary => (hidden === null ? summarise(scope, themes, metrics, scores, level, adjust, rule) : hiddenSummary(scope, hidden, rule!));
  const report: ThemeReport = {
    base: `commenters: the rows with a comment that is not blank${metrics.length > 0 ? `; each metric's scores and impacts are over the commenters who answered it (${metrics.map((metric) => metric.name).join(', ')})` : ''}`,
    level,
    adjust,
    ...summary(total, rule !== null && total.commenters > 0 && total.commenters < rule.minN ? 'insufficient' : null),
    ...(rule === null ? {} : { suppression: rule }),
  };
  if (by === undefined) return report;
  // Groups sum to the whole: small ones hidden by their commenters, as respondents.
  const entries = groups.entries();
  const hidden = rule === null ? entries.map(() => null) : hiddenCells(entries.map(({ group }) => group.commenters), rule);
  return { ...report, groups: entries.map(({ key, group }, g) => ({ key, ...summary(group, hidden[g] ?? null) })) };
}

/** A metric's answer in a row: its point index, null for none, or (logged) an invalid answer. */
function answerOf(metric: ResolvedMetric, row: object, r: number, log: IssueLog, skip: boolean): number | null | 'invalid' {
  const answer = judgeRowAnswer(metric.rules, metric.reader.read(row, r));
  if (typeof answer === 'number') return answer;
  if (answer === 'missing') return null;
  if (!skip) logIssue(log, { code: answer.code, path: [r, metric.reader.label], message: answer.message });
  return 'invalid';
}

/** The theme indices of a row's ready-made topics ("Unknown" and blanks are none), new topics added as themes. */
function topicThemes(value: unknown, themes: { id: string; label: string; parent: string | null }[], known: Map<string, number>): number[] {
  if (typeof value !== 'string') return [];
  const found = new Set<number>();
  for (const part of value.split(',')) {
    const topic = groupText(part);
    if (topic === '' || topic.toLowerCase() === 'unknown') continue;
    let t = known.get(topic);
    if (t === undefined) {
      t = themes.push({ id: topic, label: topic, parent: null }) - 1;
      known.set(topic, t);
    }
    found.add(t);
  }
  return [...found];
}

function addAnswer(tally: MutableTally, answer: number | null | 'invalid', w: number): void {
  if (answer === null) tally.missing++;
  else if (answer === 'invalid') tally.invalid++;
  else {
    tally.counts[answer]!++;
    tally.sumWeights[answer]! += w;
    tally.sumSquaredWeights[answer]! += w * w;
    tally.n++;
  }
}

/** Counts one commenter in a scope: the answers, each theme found, or the comment as uncoded. */
function countComment(scope: Scope, r: number, comment: string, w: number, answers: readonly (number | null | 'invalid')[], found: readonly number[], examples: number): void {
  scope.commenters++;
  scope.weight += w;
  scope.squaredWeight += w * w;
  answers.forEach((answer, m) => addAnswer(scope.tallies[m]!, answer, w));
  if (found.length === 0) {
    scope.uncoded++;
    scope.uncodedWeight += w;
    if (scope.uncodedComments.length < LISTED_UNCODED) scope.uncodedComments.push({ index: r, text: comment });
    return;
  }
  for (const t of found) {
    const counts = (scope.themes[t] ??= { mentions: 0, weight: 0, tallies: scope.tallies.map((tally) => emptyTally(tally.scale)), examples: [] });
    counts.mentions++;
    counts.weight += w;
    answers.forEach((answer, m) => addAnswer(counts.tallies[m]!, answer, w));
    keepShortest(counts.examples, { index: r, text: comment }, examples);
  }
}

/** Keeps the `most` shortest quotes, shortest first (ties by row order). */
function keepShortest(list: Quote[], quote: Quote, most: number): void {
  if (most === 0) return;
  const length = quote.text.trim().length;
  if (list.length === most && list.at(-1)!.text.trim().length <= length) return;
  let at = list.length;
  while (at > 0 && list[at - 1]!.text.trim().length > length) at--;
  list.splice(at, 0, quote);
  if (list.length > most) list.pop();
}

const METRIC_KEYS: readonly MetricName[] = ['nps', 'csat', 'ces'];

/** A scope whose figures are hidden: its counts only with `showCounts`, no theme, no quote. */
function hiddenSummary(scope: Scope, why: Suppression, rule: SuppressionRule): ThemeSummary {
  const counts = rule.showCounts ? { rows: scope.rows, blank: scope.blank, commenters: scope.commenters } : { rows: 0, blank: 0, commenters: 0 };
  return { ...counts, uncoded: { commenters: 0, share: 0, comments: [] }, themes: [], suppressed: why };
}

/**
 * A theme's impact with its two sides hidden where they are small: the commenters who mention
 * it and those who do not sum to all of them (shown), so a small side hides the other too by
 * the complementary rule, and there is then no impact and no test.
 */
function protectedImpact(metric: ResolvedMetric, impact: ThemeImpact<NpsResult | CsatResult | CesResult>, rule: SuppressionRule, level: number): ThemeImpact<NpsResult | CsatResult | CesResult> {
  const [mentioned, rest] = hiddenCells([impact.mentioned.n, impact.rest.n], rule);
  if (mentioned === null && rest === null) return impact;
  const { difference: _none, ...empty } = noComparison(level);
  return {
    ...impact,
    ...empty,
    impact: null,
    mentioned: mentioned === null || mentioned === undefined ? impact.mentioned : hiddenResult(metric, impact.mentioned, mentioned, rule),
    rest: rest === null || rest === undefined ? impact.rest : hiddenResult(metric, impact.rest, rest, rule),
  };
}

/** The figures of a scope: shares, intervals, impacts, each metric's tests adjusted across the themes. */
function summarise(scope: Scope, themes: readonly { id: string; label: string; parent: string | null }[], metrics: readonly ResolvedMetric[], scores: readonly number[][], level: number, adjust: PValueAdjustment, rule: SuppressionRule | null): ThemeSummary {
  // Quotes of a group of fewer respondents than minNComments would say who wrote them.
  const quotes = rule === null || scope.rows >= rule.minNComments;
  const effectiveN = scope.squaredWeight > 0 ? (scope.weight * scope.weight) / scope.squaredWeight : 0;
  const results = themes.map((theme, t) => {
    const counts = scope.themes[t] ?? { mentions: 0, weight: 0, tallies: scope.tallies.map((tally) => emptyTally(tally.scale)), examples: [] };
    const share = scope.weight > 0 ? (counts.weight / scope.weight) * 100 : 0;
    const interval = effectiveN > 0 ? percentInterval(proportionInterval((share / 100) * effectiveN, effectiveN, level, 'wilson')) : null;
    const impacts = Object.fromEntries(
      metrics.map((metric, m) => {
        const impact = themeImpact(metric, scores[m]!, scope.tallies[m]!, counts.tallies[m]!, level);
        return [metric.name, rule === null ? impact : protectedImpact(metric, impact, rule, level)];
      }),
    );
    return { id: theme.id, label: theme.label, parent: theme.parent, mentions: counts.mentions, share, interval, examples: quotes ? counts.examples.slice() : [], ...impacts } as ThemeResult;
  });
  // Each metric's tests across the themes are one family.
  for (const name of METRIC_KEYS) {
    const tested = results.flatMap((result, t) => (result[name]?.pValue === null || result[name] === undefined ? [] : [t]));
    const adjusted = adjustPValues(
      tested.map((t) => results[t]![name]!.pValue!),
      adjust,
    );
    tested.forEach((t, k) => {
      const impact = results[t]![name]!;
      results[t] = { ...results[t]!, [name]: { ...impact, adjustedPValue: adjusted[k]!, significant: adjusted[k]! < 1 - level } };
    });
  }
  return {
    rows: scope.rows,
    blank: scope.blank,
    commenters: scope.commenters,
    uncoded: { commenters: scope.uncoded, share: scope.weight > 0 ? (scope.uncodedWeight / scope.weight) * 100 : 0, comments: quotes ? scope.uncodedComments.slice() : [] },
    themes: results,
  };
}

/** A proportion's interval in percent. */
function percentInterval(interval: Interval<'wilson'>): Interval<'wilson'> {
  return { ...interval, lower: interval.lower * 100, upper: interval.upper * 100 };
}
