import * as z from 'zod/mini';
import { describeValue, fail, withPathPrefix } from '../core/errors.js';
import { fieldReader, ownField } from '../core/internal/field-reader.js';
import { groupText, keyedGroups, NOT_A_KEY } from '../core/internal/group-keys.js';
import { logIssue, newIssueLog, throwIfIssues, type IssueLog } from '../core/internal/issue-log.js';
import { readFailure } from '../core/internal/read-failure.js';
import { parseWith } from '../core/internal/parse-options.js';
import { adjustFamily, adjustSchema, DEFAULT_ADJUSTMENT } from '../common/adjust-family.js';
import { noComparison, welchComparison, type Comparison } from '../metrics/internal/comparison.js';
import type { PValueAdjustment } from '../stats/adjust-p-values.js';
import { DEFAULT_LEVEL, levelSchema } from '../stats/interval.js';
import { defineScorecard, type Scorecard, type ScorecardDefinition } from './define-scorecard.js';
import { addToGroup, groupFigures, newGroupSums, type GroupSums, type ScorecardGroupFigures } from './internal/group-figures.js';
import { sortWaves, waveProblem, type WaveKey } from './internal/waves.js';
import { hiddenCells, suppressionRule, suppressionShape, type Suppression, type SuppressionOptions, type SuppressionRule } from '../common/suppression.js';
import { criterionIds, scoreCheckedVisit, scoreVisitOptionsSchema, type ScoreVisitOptions, type Visit, type VisitScore } from './score-visit.js';

export type { CriterionAchievement, ScorecardGroupFigures, SectionAchievement } from './internal/group-figures.js';
export type { WaveKey } from './internal/waves.js';

/** A field of a visit (e.g. `'location'`) or a function of it. */
export type VisitField = string | ((visit: Visit, index: number) => unknown);

/** Options of {@link scorecardReport}. */
export interface ScorecardReportOptions extends ScoreVisitOptions, SuppressionOptions {
  /** With a record of cards: the field of a visit (or a function) naming its card by its key in the record. */
  readonly card?: VisitField | undefined;
  /** The group of a visit: a field of the visit (e.g. `'location'`) or a function of it. */
  readonly by?: VisitField | undefined;
  /** The wave of a visit (e.g. its month as `'2026-11'`): figures per wave and the change from the wave before. */
  readonly wave?: VisitField | undefined;
  /** Groups with fewer visits are reported but not ranked (default 1). */
  readonly minVisits?: number | undefined;
  /** Level of the score intervals and of the tests of wave changes (default 0.95). */
  readonly level?: number | undefined;
  /**
   * How the tests of one wave's changes across the groups are adjusted as a family
   * (default `'holm'`). See {@link adjustPValues}.
   */
  readonly adjust?: PValueAdjustment | undefined;
}

/** A change in pooled score from the wave before (this − before), Welch's t test on the jackknife standard errors. */
export interface ScorecardChange extends Comparison {
  /** Welch–Satterthwaite degrees of freedom; null without a test. */
  readonly df: number | null;
}

/** A group's (or the total's) figures in one wave. */
export interface ScorecardWave extends ScorecardGroupFigures {
  readonly wave: WaveKey;
  /** Against the wave before; null for the first wave. */
  readonly change: ScorecardChange | null;
  /** Set when the wave's figures are hidden (fewer visits than `minN`, or by the complementary rule). */
  readonly suppressed?: Suppression;
}

/** One group of a {@link ScorecardReport}. */
export interface ScorecardGroup extends ScorecardGroupFigures {
  /** The group's key as the visits gave it (any value; keys are compared as `Map` keys). */
  readonly key: unknown;
  /** 1 = best pooled score; tied groups share a rank (1, 2, 2, 4); null when not ranked. */
  readonly rank: number | null;
  /** The group in every wave of the report, in wave order (visits 0 where it had none); null without `wave`. */
  readonly waves: readonly ScorecardWave[] | null;
  /** Set when the group's figures are hidden (fewer visits than `minN`, or by the complementary rule); it is then not ranked. */
  readonly suppressed?: Suppression;
}

/** A card of the report. */
export interface ReportCard {
  /** What visits call it: its key in the record of cards, or its id for one card. */
  readonly key: string;
  readonly id: string;
  readonly label: string;
  readonly visits: number;
}

/** A scored visit of a report, with the card it was scored on. */
export interface ReportedVisit extends VisitScore {
  /** The card's key. */
  readonly card: string;
}

/** A scorecard's (or a programme of cards') figures per group and overall. */
export interface ScorecardReport {
  /** The card's id; for several cards their ids, separated by ", ". */
  readonly card: string;
  /** The cards in the order given, with their visits. */
  readonly cards: readonly ReportCard[];
  /** Every wave in order; null without `wave`. */
  readonly waves: readonly WaveKey[] | null;
  /** How each wave's changes across the groups were adjusted. */
  readonly adjust: PValueAdjustment;
  /** Groups in the order their first visit appears; one group with key null without `by`. */
  readonly groups: readonly ScorecardGroup[];
  /** All visits together (not ranked), per wave too (the total's wave changes are single tests, not adjusted). */
  readonly total: ScorecardGroupFigures & {
    readonly waves: readonly ScorecardWave[] | null;
    /** Set when all visits together are fewer than `minN`. */
    readonly suppressed?: Suppression;
  };
  /** Every visit's score, in input order (with `minN`, those of hidden groups are left out). */
  readonly visits: readonly ReportedVisit[];
  /** The rule small groups were hidden by, when `minN` was given. */
  readonly suppression?: SuppressionRule;
}

const visitFieldSchema = z.optional(z.union([z.string(), z.custom<(visit: Visit, index: number) => unknown>((value) => typeof value === 'function')]));

const reportOptionsSchema = z.strictObject({
  ...scoreVisitOptionsSchema.shape,
  card: visitFieldSchema,
  by: visitFieldSchema,
  wave: visitFieldSchema,
  minVisits: z.optional(z.int().check(z.gte(1))),
  level: z.optional(levelSchema),
  adjust: adjustSchema,
  ...suppressionShape,
});

const UNSCORED: VisitScore = { visitId: undefined, score: null, earned: 0, possible: 0, passed: null, criticalFailures: [], sections: [], criteria: [], notApplicable: [], unanswered: [] };

/** Scores that differ by less than this are ties: pooling the same points in another order moves the last digit. */
const TIE_TOLERANCE = 1e-9;

/**
 * Scores every visit and reports each group (a location, a team…) and the whole: visits,
 * the pooled score (Σ earned / Σ possible — a location with many visits weighs more than one
 * with few, unlike a mean of visit scores, which is also given) with its jackknife standard
 * error and interval, pass rate, critical failure rate, and achievement and N/A rate per
 * section and per criterion. Groups with at least `minVisits` visits and a score are ranked
 * by pooled score; ties share a rank.
 *
 * A programme tests one promise through several kinds of encounter, each on its own card:
 * pass a record of cards by key and say with `card` which field of a visit names its card.
 * A group then pools all its visits whatever their card, counts its visits per card, and
 * merges sections and criteria by id (a criterion on several cards is one row). With `wave`
 * (e.g. the month), each group and the total also get their figures per wave and the change
 * in pooled score from the wave before, tested by Welch's t on the jackknife standard errors;
 * the groups' tests of one wave change are one family, adjusted by Holm's method (`adjust`).
 *
 * @throws {CxValidationError} for bad cards or visits — every problem of every visit at once,
 * each path `[visitIndex, 'answers', criterionId]`, or `[visitIndex, field]` for a card
 * (`unknown_card`), group or wave a visit lacks — or bad options.
 * @example
 * ```ts
 * const desk = defineScorecard({ id: 'desk', sections: [{ id: 'service', criteria: [{ id: 'smile', answer: 'yes-no' }] }] });
 * const phone = defineScorecard({ id: 'phone', sections: [{ id: 'service', criteria: [{ id: 'smile', answer: 'yes-no' }, { id: 'name', answer: 'yes-no' }] }] });
 * const report = scorecardReport({ desk, phone }, [
 *   { location: 'north', kind: 'desk', answers: { smile: 'yes' } },
 *   { location: 'north', kind: 'phone', answers: { smile: 'no', name: 'yes' } },
 *   { location: 'south', kind: 'phone', answers: { smile: 'no', name: 'no' } },
 * ], { card: 'kind', by: 'location' });
 * report.groups[0]?.score; // 66.667 (north: 2 of 3 points over both cards)
 * report.groups[0]?.rank; // 1
 * report.groups[0]?.criteria[0]?.achievement; // 50 (smile, on both cards: 1 of 2)
 * report.total.visitsPerCard.map((entry) => entry.visits); // [1, 2]
 * ```
 */
export function scorecardReport(cards: ScorecardDefinition | Readonly<Record<string, ScorecardDefinition>>, visits: readonly Visit[], options: ScorecardReportOptions = {}): ScorecardReport {
  const parsed = parseWith(reportOptionsSchema, options);
  const programme = checkCards(cards, parsed.card !== undefined);
  const unanswered = parsed.unanswered ?? 'error';
  const level = parsed.level ?? DEFAULT_LEVEL;
  const adjust = parsed.adjust ?? DEFAULT_ADJUSTMENT;
  const rule = suppressionRule(parsed);
  if (!Array.isArray(visits)) fail('invalid_type', [], `visits must be an array, got ${describeValue(visits)}`);
  const log = newIssueLog();
  const ids = programme.map(({ card }) => criterionIds(card));
  const keys = programme.map(({ key }) => key);
  const cardList = programme.map(({ card }) => card);
  const cardIndex = new Map(keys.map((key, c) => [key, c]));
  const newSums = () => newGroupSums(cardList);
  // Groups compared by value, as summarize compares them (normalised text, dates by instant).
  const groups = keyedGroups(() => ({ all: newSums(), waves: new Map<WaveKey, GroupSums>() }));
  const total = { all: newSums(), waves: new Map<WaveKey, GroupSums>() };
  const readers = [fieldReader('answers', 'answers'), ...[parsed.card, parsed.by, parsed.wave].flatMap((field, f) => (field === undefined ? [] : [fieldReader(field, ['card', 'by', 'wave'][f]!)]))];
  // Each visit's group, so that the visits of a hidden group can be left out.
  const groupOfVisit: unknown[] = [];
  const scores = visits.map((visit, index): ReportedVisit => {
    try {
      const c = parsed.card === undefined ? 0 : cardOf(visit, index, parsed.card, cardIndex, log);
      // A visit without a known card is not scored: its card's problem is the one to report.
      const score = c === null ? UNSCORED : scoreCheckedVisit(cardList[c]!, ids[c]!, visit, unanswered, [index], log);
      const key = parsed.by === undefined ? null : readVisitField(visit, index, parsed.by, 'group by', log);
      const wave = parsed.wave === undefined ? null : waveOf(visit, index, parsed.wave, log);
      const group = parsed.by === undefined ? groups.one(null) : groups.one(key);
      groupOfVisit.push(group);
      if (group === undefined) logIssue(log, { code: 'invalid_type', path: [index, fieldLabel(parsed.by!, 'by')], message: NOT_A_KEY });
      else if (c !== null) {
        for (const place of [group, total]) {
          addToGroup(place.all, c, score);
          if (wave !== null) {
            if (!place.waves.has(wave)) place.waves.set(wave, newSums());
            addToGroup(place.waves.get(wave)!, c, score);
          }
        }
      }
      return { ...score, card: keys[c ?? 0]! };
    } catch (error) {
      // A getter or accessor of the caller's threw: name the visit (and the field if it was one).
      throw readFailure(error, visit, index, readers);
    }
  });
  throwIfIssues(log);

  const waveKeys = parsed.wave === undefined ? null : sortWaves(total.waves.keys());
  // Groups sum to the total, a group's waves to the group: small ones hidden, the visit being the respondent.
  const entries = groups.entries();
  const hiddenGroups = rule === null ? entries.map(() => null) : hiddenCells(entries.map(({ group: sums }) => groupFigures(sums.all, keys, level).visits), rule);
  const groupWaves = entries.map(({ group: sums }, g) => (waveKeys === null ? null : waveFigures(sums.waves, waveKeys, hiddenGroups[g] !== null)));
  // The groups' changes from one wave to the next are one family of tests (among the shown ones).
  for (let w = 1; w < (waveKeys?.length ?? 0); w++) {
    const adjusted = adjustFamily(
      groupWaves.map((waves) => waves![w]!.change),
      adjust,
    );
    groupWaves.forEach((waves, g) => (waves![w] = { ...waves![w]!, change: adjusted[g]! }));
  }
  const figures = entries.map(({ key, group: sums }, g) => {
    const why = hiddenGroups[g] ?? null;
    return why === null ? { key, ...groupFigures(sums.all, keys, level), waves: groupWaves[g]! } : { key, ...hiddenFigures(groupFigures(sums.all, keys, level)), waves: groupWaves[g]!, suppressed: why };
  });
  const minVisits = parsed.minVisits ?? 1;
  const rankable = (group: (typeof figures)[number]) => group.visits >= minVisits && group.score !== null && !('suppressed' in group);
  const ranked = figures.filter(rankable).map((group) => group.score!);
  const allFigures = groupFigures(total.all, keys, level);
  const totalFigures = rule !== null && allFigures.visits > 0 && allFigures.visits < rule.minN ? { ...hiddenFigures(allFigures), suppressed: 'insufficient' as const } : allFigures;
  const hiddenGroupSet = new Set(entries.filter((_, g) => hiddenGroups[g] !== null).map(({ group }) => group));
  return {
    card: programme.map(({ card }) => card.id).join(', '),
    cards: programme.map(({ key, card }, c) => ({ key, id: card.id, label: card.label, visits: totalFigures.visitsPerCard[c]!.visits })),
    waves: waveKeys,
    adjust,
    groups: figures.map((group) => ({
      ...group,
      rank: rankable(group) ? 1 + ranked.filter((other) => other > group.score! + TIE_TOLERANCE).length : null,
    })),
    total: { ...totalFigures, waves: waveKeys === null ? null : waveFigures(total.waves, waveKeys, false, true) },
    visits: rule === null ? scores : scores.filter((_, index) => !hiddenGroupSet.has(groupOfVisit[index] as never)),
    ...(rule === null ? {} : { suppression: rule }),
  };

  /**
   * A group's figures in every wave, each with its change from the wave before (unadjusted
   * here). With `minN`, waves are an additive dimension of the group (for the total, each
   * wave stands alone); every wave of a hidden group is hidden, and a change is tested
   * between shown waves only.
   */
  function waveFigures(sums: ReadonlyMap<WaveKey, GroupSums>, waves: readonly WaveKey[], groupHidden = false, isTotal = false): ScorecardWave[] {
    const all = waves.map((wave) => groupFigures(sums.get(wave) ?? newSums(), keys, level));
    const hidden: (Suppression | null)[] =
      rule === null ? all.map(() => null) : groupHidden ? all.map(() => 'complementary') : isTotal ? all.map((figures) => (figures.visits > 0 && figures.visits < rule.minN ? 'insufficient' : null)) : hiddenCells(all.map((figures) => figures.visits), rule);
    const result: ScorecardWave[] = [];
    waves.forEach((wave, w) => {
      const current = all[w]!;
      const why = hidden[w] ?? null;
      const shownBoth = why === null && (w === 0 || hidden[w - 1] === null);
      const change = w === 0 ? null : shownBoth ? waveChange(current, all[w - 1]!, level) : { ...noComparison(level), df: null };
      result.push(why === null ? { wave, ...current, change } : { wave, ...hiddenFigures(current), change, suppressed: why });
    });
    return result;
  }

  /** The figures of a hidden group or wave: those of no visits, with the visit counts only when `showCounts`. */
  function hiddenFigures(figures: ScorecardGroupFigures): ScorecardGroupFigures {
    const empty = groupFigures(newSums(), keys, level);
    return rule?.showCounts === true ? { ...empty, visits: figures.visits, visitsPerCard: figures.visitsPerCard } : empty;
  }
}

/** The change of pooled score between two waves: Welch's t on the jackknife standard errors. */
function waveChange(current: ScorecardGroupFigures, before: ScorecardGroupFigures, level: number): ScorecardChange {
  if (current.score === null || before.score === null || current.standardError === null || before.standardError === null) return { ...noComparison(level), df: null };
  return welchComparison(
    { estimate: current.score, standardError: current.standardError, n: current.scoredVisits },
    { estimate: before.score, standardError: before.standardError, n: before.scoredVisits },
    level,
    100,
  );
}

/** The cards with their keys: one card (its id as key), or a record of cards by key. */
function checkCards(cards: ScorecardDefinition | Readonly<Record<string, ScorecardDefinition>>, named: boolean): { key: string; card: Scorecard }[] {
  const single = typeof cards === 'object' && cards !== null && Array.isArray((cards as { sections?: unknown }).sections);
  if (single) {
    if (named) fail('invalid_option', ['card'], 'card says which of several cards a visit was scored on; with one card leave it out');
    const card = defineScorecard(cards as ScorecardDefinition);
    return [{ key: card.id, card }];
  }
  if (typeof cards !== 'object' || cards === null || Array.isArray(cards)) fail('invalid_type', ['cards'], `expected a scorecard or a record of scorecards by key, got ${describeValue(cards)}`);
  const entries = Object.entries(cards as Record<string, ScorecardDefinition>);
  if (entries.length === 0) fail('invalid_option', ['cards'], 'give at least one scorecard');
  if (!named) fail('invalid_option', ['card'], `with several cards (${entries.map(([key]) => JSON.stringify(key)).join(', ')}), say which field of a visit names its card`);
  return entries.map(([key, definition]) => ({ key, card: withPathPrefix(['cards', key], () => defineScorecard(definition)) }));
}

function cardOf(visit: Visit, index: number, field: VisitField, cards: ReadonlyMap<string, number>, log: IssueLog): number | null {
  const value = readVisitField(visit, index, field, 'find its card', log);
  if (value === undefined) return null;
  const c = typeof value === 'string' ? cards.get(value) : undefined;
  if (c === undefined) {
    const known = [...cards.keys()].map((key) => JSON.stringify(key)).join(', ');
    logIssue(log, { code: 'unknown_card', path: [index, fieldLabel(field, 'card')], message: `visit ${index} names the card ${describeValue(value)}, which is not one of ${known}` });
    return null;
  }
  return c;
}

function waveOf(visit: Visit, index: number, field: VisitField, log: IssueLog): WaveKey | null {
  const value = readVisitField(visit, index, field, 'say its wave', log);
  if (value === undefined) return null;
  const problem = waveProblem(value);
  // Wave names are group text: "2026-11 " is the wave "2026-11".
  if (problem === null) return typeof value === 'string' ? groupText(value) : (value as WaveKey);
  logIssue(log, { code: 'invalid_type', path: [index, fieldLabel(field, 'wave')], message: `visit ${index} ${problem}` });
  return null;
}

/** A field of a visit; a field the visit lacks is logged (and undefined returned). */
function readVisitField(visit: Visit, index: number, field: VisitField, purpose: string, log: IssueLog): unknown {
  if (typeof field === 'function') return field(visit, index);
  // A visit without a "constructor" field has none: Object's own function is not a value of it.
  const value = typeof visit === 'object' && visit !== null ? ownField(visit, field) : undefined;
  if (value === undefined) logIssue(log, { code: 'unknown_field', path: [index, field], message: `visit ${index} has no field ${JSON.stringify(field)} to ${purpose}` });
  return value;
}

function fieldLabel(field: VisitField, accessorLabel: string): string {
  return typeof field === 'string' ? field : accessorLabel;
}
