import type { Scorecard } from '../define-scorecard.js';
import { percent, visitScore, type VisitScore } from '../score-visit.js';

/** Achievement of one section over a group's visits. */
export interface SectionAchievement {
  readonly id: string;
  readonly label: string;
  /** Points earned in the section (bonus included, never zeroed by a critical failure). */
  readonly earned: number;
  readonly possible: number;
  /** earned / possible in percent, capped at 100; null when the section never applied. */
  readonly achievement: number | null;
  /** % of visits where nothing in the section applied; null without visits. */
  readonly notApplicableRate: number | null;
}

/** Achievement of one criterion over a group's visits. */
export interface CriterionAchievement {
  readonly id: string;
  readonly label: string;
  readonly sectionId: string;
  /** Visits that answered it (or, under `unanswered: 'zero'`, were counted 0 for it). */
  readonly answered: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  readonly earned: number;
  /** Full points over the visits that answered it (bonus criteria included). */
  readonly full: number;
  /** earned / full in percent; null when never answered. */
  readonly achievement: number | null;
  /** % of visits that answered "n/a"; null without visits. */
  readonly notApplicableRate: number | null;
  /** Visits in which this critical criterion earned nothing. */
  readonly criticalFailures: number;
}

/** The figures of a group of visits (or of all of them). */
export interface ScorecardGroupFigures {
  readonly visits: number;
  /** Visits with a score (something applied). */
  readonly scoredVisits: number;
  /** Σ earned over the visits (0 for visits zeroed by a critical failure). */
  readonly earned: number;
  readonly possible: number;
  /**
   * The pooled score: Σ earned / Σ possible in percent (not a mean of visit scores), capped
   * at 100; with section weights, the weighted mean of the pooled section scores. Null when
   * nothing applied in any visit.
   */
  readonly score: number | null;
  /** Mean of the visit scores; null without scored visits. */
  readonly meanVisitScore: number | null;
  /** % of judged visits (passed true or false) that passed; null without any. */
  readonly passRate: number | null;
  /** % of judged visits with at least one critical failure; null without any. */
  readonly criticalFailureRate: number | null;
  readonly sections: readonly SectionAchievement[];
  readonly criteria: readonly CriterionAchievement[];
}

const rate = (count: number, of: number): number | null => (of > 0 ? (count / of) * 100 : null);

/** Running totals of a group: add each scored visit, then read the figures. */
export function groupTotals(card: Scorecard) {
  const sectionEarned = card.sections.map(() => 0);
  const sectionCounted = card.sections.map(() => 0);
  const sectionPossible = card.sections.map(() => 0);
  const sectionSkipped = card.sections.map(() => 0);
  const criteria = card.sections.flatMap((section) =>
    section.criteria.map((criterion) => ({ criterion, sectionId: section.id, answered: 0, notApplicable: 0, unanswered: 0, earned: 0, full: 0, criticalFailures: 0 })),
  );
  const byId = new Map(criteria.map((entry) => [entry.criterion.id, entry]));
  let visits = 0;
  let scoredVisits = 0;
  let scoreSum = 0;
  let judged = 0;
  let passed = 0;
  let failedCritical = 0;
  let earned = 0;
  let possible = 0;

  return {
    add(visit: VisitScore): void {
      visits++;
      earned += visit.earned;
      possible += visit.possible;
      if (visit.score !== null) {
        scoredVisits++;
        scoreSum += visit.score;
      }
      if (visit.passed !== null) {
        judged++;
        if (visit.passed) passed++;
        if (visit.criticalFailures.length > 0) failedCritical++;
      }
      // A visit zeroed by a critical failure counts nothing towards the pooled score.
      const zeroed = visit.criticalFailures.length > 0 && card.criticalPolicy === 'zero';
      visit.sections.forEach((section, s) => {
        sectionEarned[s]! += section.earned;
        sectionCounted[s]! += zeroed ? 0 : section.earned;
        sectionPossible[s]! += section.possible;
        if (section.possible === 0) sectionSkipped[s]!++;
      });
      visit.criteria.forEach((result) => {
        const totals = byId.get(result.id)!;
        if (result.status === 'not-applicable') totals.notApplicable++;
        else if (result.status === 'unanswered' && result.possible === 0) totals.unanswered++;
        else {
          if (result.status === 'unanswered') totals.unanswered++;
          totals.answered++;
          totals.earned += result.earned;
          totals.full += totals.criterion.points;
        }
        if (result.failedCritical) totals.criticalFailures++;
      });
    },
    figures(): ScorecardGroupFigures {
      const pooledSections = card.sections.map((_, s) => ({ earned: sectionCounted[s]!, possible: sectionPossible[s]!, score: percent(sectionCounted[s]!, sectionPossible[s]!) }));
      return {
        visits,
        scoredVisits,
        earned,
        possible,
        score: visitScore(card.sections, pooledSections),
        meanVisitScore: scoredVisits > 0 ? scoreSum / scoredVisits : null,
        passRate: rate(passed, judged),
        criticalFailureRate: rate(failedCritical, judged),
        sections: card.sections.map((section, s) => ({
          id: section.id,
          label: section.label,
          earned: sectionEarned[s]!,
          possible: sectionPossible[s]!,
          achievement: percent(sectionEarned[s]!, sectionPossible[s]!),
          notApplicableRate: rate(sectionSkipped[s]!, visits),
        })),
        criteria: criteria.map(({ criterion, sectionId, answered, notApplicable, unanswered, earned: criterionEarned, full, criticalFailures }) => ({
          id: criterion.id,
          label: criterion.label,
          sectionId,
          answered,
          notApplicable,
          unanswered,
          earned: criterionEarned,
          full,
          achievement: full > 0 ? (criterionEarned / full) * 100 : null,
          notApplicableRate: rate(notApplicable, visits),
          criticalFailures,
        })),
      };
    },
  };
}
