import type { Scale } from '../../core/scale.js';

/** The fields of a metric result that say how each point scores. */
export interface ScoredResult {
  readonly metric: 'nps' | 'csat' | 'ces';
  readonly scale: Scale;
  readonly score: number | null;
  readonly bands?: { readonly detractorMax: number; readonly promoterMin: number };
  readonly satisfiedPoints?: readonly number[];
  readonly method?: 'mean' | 'percent-easy' | 'net-easy';
  readonly easyPoints?: readonly number[];
  readonly difficultPoints?: readonly number[];
}

/** The value of each scale point (by slot) in the units of a result's score, and the score's range. */
export interface PointScores {
  readonly score: (slot: number) => number;
  readonly range: readonly [number, number];
}

// One function per metric, so that `import { nps }` carries only the NPS one.

/** NPS: −100 for a detractor, 0 for a passive, 100 for a promoter. */
export function npsPointScores(result: ScoredResult): PointScores {
  const { min } = result.scale;
  const bands = result.bands!;
  return { score: (k) => (min + k <= bands.detractorMax ? -100 : min + k >= bands.promoterMin ? 100 : 0), range: [-100, 100] };
}

/** CSAT: 100 for a satisfied point, else 0. */
export function csatPointScores(result: ScoredResult): PointScores {
  const { min } = result.scale;
  const satisfied = new Set(result.satisfiedPoints);
  return { score: (k) => (satisfied.has(min + k) ? 100 : 0), range: [0, 100] };
}

/** CES: the point itself for the mean; 100 for easy (percent easy); ±100 (net easy). */
export function cesPointScores(result: ScoredResult): PointScores {
  const { min, max } = result.scale;
  const easy = new Set(result.easyPoints);
  const difficult = new Set(result.difficultPoints);
  if (result.method === 'percent-easy') return { score: (k) => (easy.has(min + k) ? 100 : 0), range: [0, 100] };
  if (result.method === 'net-easy') return { score: (k) => (easy.has(min + k) ? 100 : difficult.has(min + k) ? -100 : 0), range: [-100, 100] };
  return { score: (k) => min + k, range: [min, max] };
}

/** The point scores of any metric's result. */
export function pointScores(result: ScoredResult): PointScores {
  return result.metric === 'nps' ? npsPointScores(result) : result.metric === 'csat' ? csatPointScores(result) : cesPointScores(result);
}
