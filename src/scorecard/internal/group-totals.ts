import type { Scorecard } from '../define-scorecard.js';
import type { VisitScore } from '../score-visit.js';

/**
 * Running sums of one card's visits in one group: add each scored visit, then merge the sums
 * of a group's cards into its figures (programme-figures.ts). Kept as plain counts and sums
 * so that cards, groups and waves pool exactly.
 */
export interface CardTotals {
  readonly card: Scorecard;
  visits: number;
  scoredVisits: number;
  scoreSum: number;
  judged: number;
  passed: number;
  failedCritical: number;
  earned: number;
  possible: number;
  /** Per section: earned (bonus included, never zeroed), earned towards the score (zeroed by a critical failure under 'zero'), possible, visits where nothing applied. */
  readonly sectionEarned: number[];
  readonly sectionCounted: number[];
  readonly sectionPossible: number[];
  readonly sectionSkipped: number[];
  /** Per criterion in card order, and by id. */
  readonly criteria: CriterionTotals[];
  readonly criterionById: ReadonlyMap<string, CriterionTotals>;
}

export interface CriterionTotals {
  readonly id: string;
  readonly label: string;
  readonly sectionId: string;
  readonly points: number;
  answered: number;
  notApplicable: number;
  unanswered: number;
  earned: number;
  full: number;
  criticalFailures: number;
}

export function cardTotals(card: Scorecard): CardTotals {
  const criteria = card.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({ id: criterion.id, label: criterion.label, sectionId: section.id, points: criterion.points, answered: 0, notApplicable: 0, unanswered: 0, earned: 0, full: 0, criticalFailures: 0 })),
  );
  return {
    card,
    visits: 0,
    scoredVisits: 0,
    scoreSum: 0,
    judged: 0,
    passed: 0,
    failedCritical: 0,
    earned: 0,
    possible: 0,
    sectionEarned: card.sections.map(() => 0),
    sectionCounted: card.sections.map(() => 0),
    sectionPossible: card.sections.map(() => 0),
    sectionSkipped: card.sections.map(() => 0),
    criteria,
    criterionById: new Map(criteria.map((entry) => [entry.id, entry])),
  };
}

/**
 * Adds a scored visit (on `totals.card`) to the sums, and returns the points per section it
 * counts towards the pooled score: 0 earned in a visit zeroed by a critical failure.
 */
export function addVisit(totals: CardTotals, visit: VisitScore): readonly number[] {
  totals.visits++;
  totals.earned += visit.earned;
  totals.possible += visit.possible;
  if (visit.score !== null) {
    totals.scoredVisits++;
    totals.scoreSum += visit.score;
  }
  if (visit.passed !== null) {
    totals.judged++;
    if (visit.passed) totals.passed++;
    if (visit.criticalFailures.length > 0) totals.failedCritical++;
  }
  const zeroed = visit.criticalFailures.length > 0 && totals.card.criticalPolicy === 'zero';
  const counted = visit.sections.map((section) => (zeroed ? 0 : section.earned));
  visit.sections.forEach((section, s) => {
    totals.sectionEarned[s]! += section.earned;
    totals.sectionCounted[s]! += counted[s]!;
    totals.sectionPossible[s]! += section.possible;
    if (section.possible === 0) totals.sectionSkipped[s]!++;
  });
  for (const result of visit.criteria) {
    const entry = totals.criterionById.get(result.id)!;
    if (result.status === 'not-applicable') entry.notApplicable++;
    else if (result.status === 'unanswered' && result.possible === 0) entry.unanswered++;
    else {
      if (result.status === 'unanswered') entry.unanswered++;
      entry.answered++;
      entry.earned += result.earned;
      entry.full += entry.points;
    }
    if (result.failedCritical) entry.criticalFailures++;
  }
  return counted;
}
