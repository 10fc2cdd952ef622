import { describeValue, fail } from '../core/errors.js';
import type { CriterionDefinition, Scorecard, ScorecardDefinition } from './define-scorecard.js';
import { defineScorecard } from './define-scorecard.js';

/** The situations the service-encounter template covers. */
export const SERVICE_SITUATIONS = ['service-order', 'product-order', 'purchase', 'complaint', 'feedback'] as const;

/** A situation of {@link serviceEncounterScorecard}. */
export type ServiceSituation = (typeof SERVICE_SITUATIONS)[number];

const RATED = { scale: { min: 1, max: 5 } } as const;

/** Resolution outcomes with their points; earning nothing here is a critical failure. */
const OUTCOMES = { resolved: 4, 'partly resolved': 2, 'not resolved': 0 } as const;

/** Salesmanship differs most between situations: a bonus when serving, central when selling, absent otherwise. */
function salesmanship(situation: ServiceSituation): CriterionDefinition[] {
  const criterion = { id: 'salesmanship', label: 'Salesmanship: needs explored, a fitting offer made', answer: RATED };
  switch (situation) {
    case 'service-order':
      return [{ ...criterion, points: 1, bonus: true }];
    case 'product-order':
      return [{ ...criterion, points: 2 }];
    case 'purchase':
      return [{ ...criterion, points: 3 }];
    default:
      return [];
  }
}

function resolution(situation: ServiceSituation): CriterionDefinition {
  if (situation === 'feedback') {
    return { id: 'resolution', label: 'Resolution: feedback recorded and acknowledged', answer: 'yes-no', points: 2, critical: true, required: true };
  }
  const label = situation === 'complaint' ? 'Resolution: the complaint resolved or a firm next step agreed' : 'Resolution: the request completed correctly';
  return { id: 'resolution', label, answer: { options: OUTCOMES }, critical: true, required: true };
}

/**
 * A ready mystery-shopping scorecard for a service encounter in one of five situations
 * (service order, product order, purchase, complaint, feedback). Four sections, all
 * criteria points-weighted:
 *
 * | section | criterion | answer | points |
 * | --- | --- | --- | --- |
 * | opening | first-impression, tone-of-voice | 1–5 | 2 each |
 * | handling | response-script (required) | yes/no | 2 |
 * | handling | listening · professional-skill | 1–5 | 2 · 3 |
 * | outcome | salesmanship | 1–5 | bonus 1 (service order), 2 (product order), 3 (purchase), absent otherwise |
 * | outcome | resolution (critical, required) | resolved 4 / partly resolved 2 / not resolved 0; feedback: yes/no 2 | 4 |
 * | closing | closing-greeting (required) | yes/no | 1 |
 *
 * A visit passes at 80 % with no critical failure (`criticalPolicy: 'flag'`). Use it as is,
 * or spread its sections into a definition of your own.
 *
 * @throws {CxValidationError} for a situation that is not one of the five.
 * @example
 * ```ts
 * const card = serviceEncounterScorecard('complaint');
 * card.id; // 'service-encounter/complaint'
 * card.sections.map((section) => section.id).join(' '); // 'opening handling outcome closing'
 * ```
 */
export function serviceEncounterScorecard(situation: ServiceSituation): Scorecard {
  if (!(SERVICE_SITUATIONS as readonly unknown[]).includes(situation)) {
    fail('invalid_option', ['situation'], `the service-encounter template has the situations ${SERVICE_SITUATIONS.join(', ')}; got ${describeValue(situation)}`);
  }
  const definition: ScorecardDefinition = {
    id: `service-encounter/${situation}`,
    label: `Service encounter: ${situation.replace('-', ' ')}`,
    passThreshold: 80,
    criticalPolicy: 'flag',
    sections: [
      {
        id: 'opening',
        criteria: [
          { id: 'first-impression', label: 'First impression: prompt, attentive welcome', answer: RATED, points: 2 },
          { id: 'tone-of-voice', label: 'Tone of voice: friendly, calm, clear', answer: RATED, points: 2 },
        ],
      },
      {
        id: 'handling',
        criteria: [
          { id: 'response-script', label: 'Follows the response script', answer: 'yes-no', points: 2, required: true },
          { id: 'listening', label: 'Listening: lets the customer finish, confirms understanding', answer: RATED, points: 2 },
          { id: 'professional-skill', label: 'Professional skill: accurate knowledge of products and procedures', answer: RATED, points: 3 },
        ],
      },
      { id: 'outcome', criteria: [...salesmanship(situation), resolution(situation)] },
      { id: 'closing', criteria: [{ id: 'closing-greeting', label: 'Closing greeting: thanks and farewell', answer: 'yes-no', points: 1, required: true }] },
    ],
  };
  return defineScorecard(definition);
}
