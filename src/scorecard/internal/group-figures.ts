import type { Interval } from '../../stats/interval.js';
import { studentTInterval } from '../../stats/t-interval.js';
import type { Scorecard } from '../define-scorecard.js';
import { percent, visitScore, type VisitScore } from '../score-visit.js';
import { addVisit, cardTotals, type CardTotals } from './group-totals.js';

/** Achievement of one section over a group's visits (merged by id over the cards that have it). */
export interface SectionAchievement {
  readonly id: string;
  readonly label: string;
  /** Visits on a card that has the section. */
  readonly visits: number;
  /** Points earned in the section (bonus included, never zeroed by a critical failure). */
  readonly earned: number;
  readonly possible: number;
  /** earned / possible in percent, capped at 100; null when the section never applied. */
  readonly achievement: number | null;
  /** Visits where nothing in the section applied. */
  readonly notApplicable: number;
  /** notApplicable / visits in percent; null without visits. */
  readonly notApplicableRate: number | null;
}

/** Achievement of one criterion over a group's visits (one row however many cards have it). */
export interface CriterionAchievement {
  readonly id: string;
  readonly label: string;
  readonly sectionId: string;
  /** Visits on a card that has the criterion. */
  readonly visits: number;
  /** Visits that answered it (or, under `unanswered: 'zero'`, were counted 0 for it). */
  readonly answered: number;
  readonly notApplicable: number;
  readonly unanswered: number;
  readonly earned: number;
  /** Full points over the visits that answered it (bonus criteria included). */
  readonly full: number;
  /** earned / full in percent; null when never answered. */
  readonly achievement: number | null;
  /** % of its visits that answered "n/a"; null without visits. */
  readonly notApplicableRate: number | null;
  /** Visits in which this critical criterion earned nothing. */
  readonly criticalFailures: number;
}

/** The figures of a group of visits (or of all of them). */
export interface ScorecardGroupFigures {
  readonly visits: number;
  /** Visits with a score (something applied). */
  readonly scoredVisits: number;
  /** Visits on each card of the report, in the cards' order. */
  readonly visitsPerCard: readonly { readonly card: string; readonly visits: number }[];
  /** Σ earned over the visits (0 for visits zeroed by a critical failure). */
  readonly earned: number;
  readonly possible: number;
  /**
   * The pooled score: Σ earned / Σ possible in percent (not a mean of visit scores), capped
   * at 100. A card with section weights pools as the weighted mean of its pooled section
   * scores; several cards pool as the mean of their pooled scores weighted by the points
   * possible on their visits — Σ earned / Σ possible again when no card has weights. Null when
   * nothing applied in any visit.
   */
  readonly score: number | null;
  /**
   * Standard error of `score` by the delete-one-visit jackknife (visits are the sampling
   * unit; points within a visit are not independent); null below two scored visits.
   */
  readonly standardError: number | null;
  /** Student t interval of `score` on scored visits − 1 degrees of freedom, clipped to 0–100. */
  readonly interval: Interval<'t'> | null;
  /** Mean of the visit scores; null without scored visits. */
  readonly meanVisitScore: number | null;
  /** % of judged visits (passed true or false) that passed; null without any. */
  readonly passRate: number | null;
  /** % of judged visits with at least one critical failure; null without any. */
  readonly criticalFailureRate: number | null;
  /** Visits with at least one critical failure. */
  readonly criticalFailures: number;
  readonly sections: readonly SectionAchievement[];
  readonly criteria: readonly CriterionAchievement[];
}

/** One visit's points towards the pooled score, kept for the jackknife. */
interface Contribution {
  readonly card: number;
  readonly counted: readonly number[];
  readonly possible: readonly number[];
}

/** The running sums of a group: per card of the programme, and each scored visit's points. */
export interface GroupSums {
  readonly cards: readonly CardTotals[];
  readonly contributions: Contribution[];
}

export function newGroupSums(cards: readonly Scorecard[]): GroupSums {
  return { cards: cards.map(cardTotals), contributions: [] };
}

/** Adds a visit scored on card number `card` of the programme. */
export function addToGroup(sums: GroupSums, card: number, visit: VisitScore): void {
  const counted = addVisit(sums.cards[card]!, visit);
  if (visit.possible > 0) sums.contributions.push({ card, counted, possible: visit.sections.map((section) => section.possible) });
}

const rate = (count: number, of: number): number | null => (of > 0 ? (count / of) * 100 : null);

/** A card's pooled score from its section sums, and the points it weighs with among cards. */
function cardScore(card: Scorecard, counted: readonly number[], possible: readonly number[]): { score: number | null; possible: number } {
  const sections = card.sections.map((_, s) => ({ earned: counted[s]!, possible: possible[s]!, score: percent(counted[s]!, possible[s]!) }));
  return { score: visitScore(card.sections, sections), possible: possible.reduce((sum, value) => sum + value, 0) };
}

/** Cards' pooled scores weighted by their possible points; one card's score as it is. */
function combine(parts: readonly { score: number | null; possible: number }[]): number | null {
  const scored = parts.filter((part) => part.score !== null && part.possible > 0);
  if (scored.length === 0) return null;
  if (scored.length === 1) return scored[0]!.score;
  const possible = scored.reduce((sum, part) => sum + part.possible, 0);
  return scored.reduce((sum, part) => sum + part.score! * part.possible, 0) / possible;
}

/**
 * The delete-one-visit jackknife of the pooled score (Quenouille 1956, Tukey 1958):
 * v = (n − 1)/n Σ (θ₍₋ᵢ₎ − θ̄)² over the n visits with points possible. Each θ₍₋ᵢ₎ takes one
 * visit out of its card's sums, so the whole costs one pass over the visits.
 */
function jackknife(sums: GroupSums): { standardError: number; n: number } | null {
  const n = sums.contributions.length;
  if (n < 2) return null;
  const parts = sums.cards.map((totals) => cardScore(totals.card, totals.sectionCounted, totals.sectionPossible));
  const leaveOut = sums.contributions.map(({ card, counted, possible }) => {
    const totals = sums.cards[card]!;
    const without = cardScore(
      totals.card,
      totals.sectionCounted.map((value, s) => value - counted[s]!),
      totals.sectionPossible.map((value, s) => value - possible[s]!),
    );
    return combine(parts.map((part, c) => (c === card ? without : part)))!;
  });
  const mean = leaveOut.reduce((sum, value) => sum + value, 0) / n;
  const variance = ((n - 1) / n) * leaveOut.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  return { standardError: Math.sqrt(variance), n };
}

/** Sections and criteria merged by id over the cards, in the order they first appear. */
function mergeById<Entry extends { readonly id: string }, Merged>(entries: readonly Entry[], start: (entry: Entry) => Merged, add: (merged: Merged, entry: Entry) => void): Merged[] {
  const merged = new Map<string, Merged>();
  for (const entry of entries) {
    const found = merged.get(entry.id);
    if (found === undefined) merged.set(entry.id, start(entry));
    else add(found, entry);
  }
  return [...merged.values()];
}

/** The figures of a group from its sums; `keys` name the cards as the report does. */
export function groupFigures(sums: GroupSums, keys: readonly string[], level: number): ScorecardGroupFigures {
  const used = sums.cards.filter((totals) => totals.visits > 0);
  const total = (pick: (totals: CardTotals) => number) => used.reduce((sum, totals) => sum + pick(totals), 0);
  const visits = total((totals) => totals.visits);
  const scoredVisits = total((totals) => totals.scoredVisits);
  const judged = total((totals) => totals.judged);
  const score = combine(used.map((totals) => cardScore(totals.card, totals.sectionCounted, totals.sectionPossible)));
  const spread = score === null ? null : jackknife(sums);
  const sections = mergeById(
    used.flatMap((totals) =>
      totals.card.sections.map((section, s) => ({ id: section.id, label: section.label, visits: totals.visits, earned: totals.sectionEarned[s]!, possible: totals.sectionPossible[s]!, notApplicable: totals.sectionSkipped[s]! })),
    ),
    (entry) => ({ ...entry }),
    (merged, entry) => {
      merged.visits += entry.visits;
      merged.earned += entry.earned;
      merged.possible += entry.possible;
      merged.notApplicable += entry.notApplicable;
    },
  );
  const criteria = mergeById(
    used.flatMap((totals) => totals.criteria.map(({ points: _points, ...entry }) => ({ ...entry, visits: totals.visits }))),
    (entry) => ({ ...entry }),
    (merged, entry) => {
      for (const key of ['visits', 'answered', 'notApplicable', 'unanswered', 'earned', 'full', 'criticalFailures'] as const) merged[key] += entry[key];
    },
  );
  return {
    visits,
    scoredVisits,
    visitsPerCard: sums.cards.map((totals, c) => ({ card: keys[c]!, visits: totals.visits })),
    earned: total((totals) => totals.earned),
    possible: total((totals) => totals.possible),
    score,
    standardError: spread?.standardError ?? null,
    interval: score === null || spread === null ? null : studentTInterval(score, spread.standardError, spread.n - 1, level, 0, 100),
    meanVisitScore: scoredVisits > 0 ? total((totals) => totals.scoreSum) / scoredVisits : null,
    passRate: rate(total((totals) => totals.passed), judged),
    criticalFailureRate: rate(total((totals) => totals.failedCritical), judged),
    criticalFailures: total((totals) => totals.failedCritical),
    sections: sections.map((section) => ({ ...section, achievement: percent(section.earned, section.possible), notApplicableRate: rate(section.notApplicable, section.visits) })),
    criteria: criteria.map((criterion) => ({ ...criterion, achievement: criterion.full > 0 ? (criterion.earned / criterion.full) * 100 : null, notApplicableRate: rate(criterion.notApplicable, criterion.visits) })),
  };
}

