import { describe, expect, it } from 'vitest';
import { periodLines } from './period-runs.js';

describe('periodLines', () => {
  it('drops the empty ends, folds an inner run into one line and keeps a lone empty period', () => {
    // Periods 0–9 with answers in 2, 3, 5, 8: 0–1 and 9 dropped, 4 alone, 6–7 one line.
    const answered = new Set([2, 3, 5, 8]);
    expect(periodLines(10, (p) => !answered.has(p))).toEqual([
      { kind: 'period', index: 2 },
      { kind: 'period', index: 3 },
      { kind: 'period', index: 4 },
      { kind: 'period', index: 5 },
      { kind: 'gap', from: 6, to: 7 },
      { kind: 'period', index: 8 },
    ]);
  });

  it('nothing when no period has answers, and every period when all have', () => {
    expect(periodLines(3, () => true)).toEqual([]);
    expect(periodLines(2, () => false)).toEqual([
      { kind: 'period', index: 0 },
      { kind: 'period', index: 1 },
    ]);
  });
});
