import * as z from 'zod/mini';
import { describeValue } from '../core/errors.js';
import { accessorError } from '../core/internal/read-failure.js';
import { logIssue, newIssueLog, throwIfIssues, type IssueLog } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { defineScorecard, type Criterion, type Scorecard, type ScorecardDefinition, type Section } from './define-scorecard.js';
import { judgeAnswer } from './internal/judge-answer.js';

/** One mystery-shopping visit: answers by criterion id, plus any fields of the user's own (location, date…). */
export interface Visit {
  readonly id?: string | undefined;
  /** `true`/`false` or `'yes'`/`'no'`, a scale point, an option label, or `'n/a'`; null/absent = unanswered. */
  readonly answers: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/** Options of {@link scoreVisit} and {@link scorecardReport}. */
export interface ScoreVisitOptions {
  /** `'error'` (default): an unanswered required criterion throws; `'zero'`: it earns 0 of its points. */
  readonly unanswered?: 'error' | 'zero' | undefined;
}

/** A section of a scored visit. */
export interface SectionScore {
  readonly id: string;
  readonly label: string;
  /** Points earned in the section, bonus included (before any critical-failure zeroing). */
  readonly earned: number;
  /** Points possible: the full points of the criteria that applied, bonus excluded. */
  readonly possible: number;
  /** earned / possible in percent, capped at 100; null when nothing in the section applied. */
  readonly score: number | null;
}

/** How one criterion came out in a visit. */
export interface CriterionScore {
  readonly id: string;
  /** `'unanswered'` covers optional criteria (0 of 0) and required ones under `unanswered: 'zero'`. */
  readonly status: 'answered' | 'not-applicable' | 'unanswered';
  readonly earned: number;
  /** Points possible (0 for bonus, N/A and unanswered optional criteria). */
  readonly possible: number;
  readonly failedCritical: boolean;
}

/** The score of one visit. */
export interface VisitScore {
  readonly visitId: string | undefined;
  /** 0–100, or null when nothing applied (all N/A or unanswered). */
  readonly score: number | null;
  /** Points earned (bonus included); 0 when a critical failure zeroes the visit. */
  readonly earned: number;
  readonly possible: number;
  /** null when the visit has no score and no critical failure. */
  readonly passed: boolean | null;
  /** Ids of the critical criteria that earned nothing. */
  readonly criticalFailures: readonly string[];
  readonly sections: readonly SectionScore[];
  /** Each criterion in card order (criteria with invalid answers are left out, and the call throws). */
  readonly criteria: readonly CriterionScore[];
  /** Ids of the criteria answered "n/a". */
  readonly notApplicable: readonly string[];
  /** Ids of the criteria left unanswered. */
  readonly unanswered: readonly string[];
}

export const scoreVisitOptionsSchema = z.strictObject({ unanswered: z.optional(z.enum(['error', 'zero'])) });

/** Scores below a threshold by less than this still pass: 57 of 100 points is 56.99999999999999 %. */
const THRESHOLD_TOLERANCE = 1e-9;

/**
 * Scores one visit against a scorecard. N/A and unanswered optional criteria count 0 of 0
 * (they never lower or raise a score); a visit where nothing applies scores null. Bonus
 * points add to earned only and scores are capped at 100. Without section weights the
 * score is earned / possible; with them, the weighted mean of the section scores over the
 * sections that apply. A critical criterion that earns nothing fails the visit, and under
 * `criticalPolicy: 'zero'` sets its score (and earned) to 0. Otherwise the visit passes when
 * its score reaches `passThreshold` (or, without one, when no critical criterion failed).
 *
 * @throws {CxValidationError} for an answer to an unknown criterion, an answer the criterion
 * does not take (off the scale, an unknown option), or an unanswered required criterion;
 * each issue's path is `['answers', criterionId]`.
 * @example
 * ```ts
 * const card = defineScorecard({
 *   id: 'call',
 *   sections: [{ id: 'call', criteria: [
 *     { id: 'greeting', answer: 'yes-no' },
 *     { id: 'listening', answer: { scale: { min: 1, max: 5 } }, points: 4 },
 *     { id: 'upsell', answer: 'yes-no', bonus: true },
 *   ] }],
 * });
 * const visit = scoreVisit(card, { answers: { greeting: 'yes', listening: 4, upsell: 'n/a' } });
 * visit.earned; // 4 (1 + 4 × (4 − 1)/(5 − 1))
 * visit.score; // 80 (4 of 5)
 * ```
 */
export function scoreVisit(card: ScorecardDefinition, visit: Visit, options: ScoreVisitOptions = {}): VisitScore {
  const checked = defineScorecard(card);
  const { unanswered = 'error' } = parseWith(scoreVisitOptionsSchema, options);
  const log = newIssueLog();
  let score: VisitScore;
  try {
    score = scoreCheckedVisit(checked, criterionIds(checked), visit, unanswered, [], log);
  } catch (error) {
    throw accessorError(error, [], 'reading the visit');
  }
  throwIfIssues(log);
  return score;
}

/** Every criterion id of a card: answers to anything else are mistakes. */
export function criterionIds(card: Scorecard): ReadonlySet<string> {
  return new Set(card.sections.flatMap((section) => section.criteria.map((criterion) => criterion.id)));
}

/**
 * The core of {@link scoreVisit} for a checked card: problems go to `log` with paths under
 * `prefix` (the visit's index in a report), so a report can name every bad visit at once.
 */
export function scoreCheckedVisit(card: Scorecard, ids: ReadonlySet<string>, visit: unknown, unanswered: 'error' | 'zero', prefix: readonly (string | number)[], log: IssueLog): VisitScore {
  const answers = visitAnswers(visit, prefix, log);
  if (answers === null) return { visitId: undefined, score: null, earned: 0, possible: 0, passed: null, criticalFailures: [], sections: [], criteria: [], notApplicable: [], unanswered: [] };
  for (const key of Object.keys(answers)) {
    if (!ids.has(key)) logIssue(log, { code: 'unknown_criterion', path: [...prefix, 'answers', key], message: `${visitName(visit)} answers ${JSON.stringify(key)}, which is not a criterion of ${JSON.stringify(card.id)}` });
  }
  const criticalFailures: string[] = [];
  const notApplicable: string[] = [];
  const unansweredIds: string[] = [];
  const criteria: CriterionScore[] = [];
  const sections = card.sections.map((section): SectionScore => {
    let earned = 0;
    let possible = 0;
    for (const criterion of section.criteria) {
      const judgement = judgeAnswer(criterion, Object.hasOwn(answers, criterion.id) ? answers[criterion.id] : undefined, unanswered);
      if (judgement.status === 'invalid') {
        logIssue(log, { code: judgement.code, path: [...prefix, 'answers', criterion.id], message: `${visitName(visit)}, ${criterionName(criterion)}: ${judgement.message}` });
        continue;
      }
      if (judgement.status === 'not-applicable') notApplicable.push(criterion.id);
      if (judgement.status === 'unanswered') unansweredIds.push(criterion.id);
      if (judgement.failedCritical) criticalFailures.push(criterion.id);
      criteria.push({ id: criterion.id, status: judgement.status, earned: judgement.earned, possible: judgement.possible, failedCritical: judgement.failedCritical });
      earned += judgement.earned;
      possible += judgement.possible;
    }
    return { id: section.id, label: section.label, earned, possible, score: percent(earned, possible) };
  });
  const raw = visitScore(card.sections, sections);
  const zeroed = card.criticalPolicy === 'zero' && criticalFailures.length > 0;
  const score = raw === null ? null : zeroed ? 0 : raw;
  const failed = criticalFailures.length > 0;
  const passThreshold = card.passThreshold;
  const passed = failed ? false : score === null ? null : passThreshold === undefined || score >= passThreshold - THRESHOLD_TOLERANCE;
  return {
    visitId: typeof visit === 'object' && visit !== null && typeof (visit as Visit).id === 'string' ? (visit as Visit).id : undefined,
    score,
    earned: zeroed ? 0 : sections.reduce((sum, section) => sum + section.earned, 0),
    possible: sections.reduce((sum, section) => sum + section.possible, 0),
    passed,
    criticalFailures,
    sections,
    criteria,
    notApplicable,
    unanswered: unansweredIds,
  };
}

/** earned / possible in percent, capped at 100 (bonus); null when nothing applied. */
export function percent(earned: number, possible: number): number | null {
  return possible > 0 ? Math.min(100, (earned / possible) * 100) : null;
}

/**
 * Points-based (earned / possible over the card) without section weights; with them the
 * weighted mean of the scores of the sections that apply, their weights rescaled to those.
 */
export function visitScore(definitions: readonly Section[], sections: readonly Pick<SectionScore, 'earned' | 'possible' | 'score'>[]): number | null {
  if (definitions[0]?.weight === undefined) {
    return percent(
      sections.reduce((sum, section) => sum + section.earned, 0),
      sections.reduce((sum, section) => sum + section.possible, 0),
    );
  }
  let weighted = 0;
  let weights = 0;
  sections.forEach((section, s) => {
    if (section.score === null) return;
    const weight = definitions[s]!.weight ?? 0;
    weighted += weight * section.score;
    weights += weight;
  });
  return weights > 0 ? weighted / weights : null;
}

/** The answers of a visit, or null (with the issue logged) when the visit has none to read. */
function visitAnswers(visit: unknown, prefix: readonly (string | number)[], log: IssueLog): Readonly<Record<string, unknown>> | null {
  if (typeof visit !== 'object' || visit === null) {
    logIssue(log, { code: 'invalid_type', path: [...prefix], message: `a visit must be an object with answers, got ${describeValue(visit)}` });
    return null;
  }
  const { answers } = visit as { answers?: unknown };
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    logIssue(log, { code: 'invalid_type', path: [...prefix, 'answers'], message: `answers must be an object keyed by criterion id, got ${describeValue(answers)}` });
    return null;
  }
  return answers as Record<string, unknown>;
}

export function visitName(visit: unknown): string {
  const id = typeof visit === 'object' && visit !== null ? (visit as { id?: unknown }).id : undefined;
  return typeof id === 'string' || typeof id === 'number' ? `visit ${JSON.stringify(id)}` : 'the visit';
}

function criterionName(criterion: Criterion): string {
  return `criterion ${JSON.stringify(criterion.id)}`;
}
