import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { fieldReader } from '../core/internal/field-reader.js';
import { logIssue, newIssueLog, throwIfIssues, type IssueLog } from '../core/internal/issue-log.js';
import { readFailure } from '../core/internal/read-failure.js';
import { parseWith } from '../core/internal/parse-options.js';
import { defineScorecard, type ScorecardDefinition } from './define-scorecard.js';
import { groupTotals, type ScorecardGroupFigures } from './internal/group-totals.js';
import { criterionIds, scoreCheckedVisit, scoreVisitOptionsSchema, type ScoreVisitOptions, type Visit, type VisitScore } from './score-visit.js';

export type { CriterionAchievement, ScorecardGroupFigures, SectionAchievement } from './internal/group-totals.js';

/** Options of {@link scorecardReport}. */
export interface ScorecardReportOptions extends ScoreVisitOptions {
  /** The group of a visit: a field of the visit (e.g. `'location'`) or a function of it. */
  readonly by?: string | ((visit: Visit, index: number) => unknown) | undefined;
  /** Groups with fewer visits are reported but not ranked (default 1). */
  readonly minVisits?: number | undefined;
}

/** One group of a {@link ScorecardReport}. */
export interface ScorecardGroup extends ScorecardGroupFigures {
  /** The group's key as the visits gave it (any value; keys are compared as `Map` keys). */
  readonly key: unknown;
  /** 1 = best pooled score; tied groups share a rank (1, 2, 2, 4); null when not ranked. */
  readonly rank: number | null;
}

/** A scorecard's figures per group and overall. */
export interface ScorecardReport {
  readonly card: string;
  /** Groups in the order their first visit appears; one group with key null without `by`. */
  readonly groups: readonly ScorecardGroup[];
  /** All visits together (not ranked). */
  readonly total: ScorecardGroupFigures;
  /** Every visit's score, in input order. */
  readonly visits: readonly VisitScore[];
}

const reportOptionsSchema = z.strictObject({
  ...scoreVisitOptionsSchema.shape,
  by: z.optional(z.union([z.string(), z.custom<(visit: Visit, index: number) => unknown>((value) => typeof value === 'function')])),
  minVisits: z.optional(z.int().check(z.gte(1))),
});

/** Scores that differ by less than this are ties: pooling the same points in another order moves the last digit. */
const TIE_TOLERANCE = 1e-9;

/**
 * Scores every visit and reports each group (a location, a month, a team…) and the whole:
 * visits, the pooled score (Σ earned / Σ possible — a location with many visits weighs
 * more than one with few, unlike a mean of visit scores, which is also given), pass rate,
 * critical failure rate, and achievement and N/A rate per section and per criterion.
 * Groups with at least `minVisits` visits and a score are ranked by pooled score; ties
 * share a rank.
 *
 * @throws {CxValidationError} for bad visits — every problem of every visit at once, each
 * path `[visitIndex, 'answers', criterionId]` — a group field a visit lacks, or bad options.
 * @example
 * ```ts
 * const card = defineScorecard({ id: 'desk', sections: [{ id: 'desk', criteria: [{ id: 'smile', answer: 'yes-no' }] }] });
 * const report = scorecardReport(card, [
 *   { location: 'north', answers: { smile: 'yes' } },
 *   { location: 'south', answers: { smile: 'no' } },
 *   { location: 'north', answers: { smile: 'no' } },
 * ], { by: 'location' });
 * report.groups[0]?.score; // 50 (north: 1 of 2 points)
 * report.groups[0]?.rank; // 1
 * report.total.score; // 33.333 (1 of 3)
 * ```
 */
export function scorecardReport(card: ScorecardDefinition, visits: readonly Visit[], options: ScorecardReportOptions = {}): ScorecardReport {
  const checked = defineScorecard(card);
  const parsed = parseWith(reportOptionsSchema, options);
  const unanswered = parsed.unanswered ?? 'error';
  if (!Array.isArray(visits)) fail('invalid_type', [], `visits must be an array, got ${describeValue(visits)}`);
  const log = newIssueLog();
  const ids = criterionIds(checked);
  const groups = new Map<unknown, ReturnType<typeof groupTotals>>();
  const total = groupTotals(checked);
  const readers = [fieldReader('answers', 'answers'), parsed.by === undefined ? undefined : fieldReader(parsed.by, 'by')];
  const scores = visits.map((visit, index) => {
    try {
      const score = scoreCheckedVisit(checked, ids, visit, unanswered, [index], log);
      const key = groupKey(visit, index, parsed.by, log);
      if (!groups.has(key)) groups.set(key, groupTotals(checked));
      groups.get(key)!.add(score);
      total.add(score);
      return score;
    } catch (error) {
      // A getter or accessor of the caller's threw: name the visit (and `by` if it was that).
      throw readFailure(error, visit, index, readers);
    }
  });
  throwIfIssues(log);
  const figures = [...groups].map(([key, totals]) => ({ key, ...totals.figures() }));
  const minVisits = parsed.minVisits ?? 1;
  const ranked = figures.filter((group) => group.visits >= minVisits && group.score !== null).map((group) => group.score!);
  return {
    card: checked.id,
    groups: figures.map((group) => ({
      ...group,
      rank: group.visits >= minVisits && group.score !== null ? 1 + ranked.filter((other) => other > group.score! + TIE_TOLERANCE).length : null,
    })),
    total: total.figures(),
    visits: scores,
  };
}

function groupKey(visit: Visit, index: number, by: ScorecardReportOptions['by'], log: IssueLog): unknown {
  if (by === undefined) return null;
  if (typeof by === 'function') return by(visit, index);
  const key = typeof visit === 'object' && visit !== null ? visit[by] : undefined;
  if (key === undefined) logIssue(log, { code: 'unknown_field', path: [index, by], message: `visit ${index} has no field ${JSON.stringify(by)} to group by` });
  return key;
}
