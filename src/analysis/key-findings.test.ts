import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { themeReport } from '../text/theme-report.js';
import { defineCodebook } from '../text/define-codebook.js';
import { defineJourney } from './define-journey.js';
import { journeyReport } from './journey-report.js';
import { keyDrivers } from './key-drivers.js';
import { keyFindings } from './key-findings.js';
import { summarize } from './summarize.js';
import { trend } from './trend.js';

const repeat = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));

// CSAT on 1–5 (satisfied 4–5). A: 45 of 60 satisfied (75 %); B and C: 36 of 60 each (60 %).
// A against the rest (B + C: 72 of 120, 60 %): R 4.2.2 prop.test(c(45, 72), c(60, 120),
// correct = FALSE)$p.value = 0.04670334075; B (or C) against the rest (A + the other: 81 of
// 120): prop.test(c(36, 81), c(60, 120), correct = FALSE)$p.value = 0.31998421760.
// p.adjust(c(0.0467, 0.3200, 0.3200), "holm") = 0.1401100222, 0.6399684352, 0.6399684352.
const stores = ['A', 'B', 'C'].flatMap((store) => repeat(60, (i) => ({ store, q: i < (store === 'A' ? 45 : 36) ? 5 : 2 })));

describe('keyFindings: groups against the rest of the respondents', () => {
  it('a difference significant only before adjustment is not a finding: the family says nothing differs', () => {
    const { findings, families } = keyFindings({ summary: summarize(stores, { csat: 'q', by: 'store' }) });
    expect(families).toEqual([{ kind: 'group', metric: 'csat', field: null, tests: 3, adjust: 'holm', level: 0.95, significant: 0 }]);
    expect(findings).toEqual([{ kind: 'group', family: families[0], subject: null, label: null, direction: null, better: null, score: null, reference: null, difference: null, n: null, pValue: null, adjustedPValue: null }]);
  });

  it('without adjustment the same test is a finding: A 75 % against the rest 60 %, p 0.0467', () => {
    const { findings } = keyFindings({ summary: summarize(stores, { csat: 'q', by: 'store' }) }, { adjust: 'none' });
    expect(findings).toHaveLength(1);
    const [a] = findings;
    expect(a).toMatchObject({ kind: 'group', subject: 'A', direction: 'above', better: true, score: 75, n: 60 });
    expect(a!.reference).toBeCloseTo(60, 10);
    expect(a!.difference).toBeCloseTo(15, 10);
    expect(a!.pValue).toBeCloseTo(0.04670334075, 9);
    expect(a!.adjustedPValue).toBeCloseTo(0.04670334075, 9);
  });

  it('each group against everyone else, not against the total it is part of: the rest excludes the group', () => {
    // Kamppi: 40 × 10 (NPS 100). Itis, Sello: 20 × 10 and 20 × 3 each (NPS 0). Kamppi's rest is
    // Itis + Sello: NPS 0, so the difference is 100 (against the total, NPS 33.3, it would be 66.7).
    const rows = [...repeat(40, () => ({ store: 'Kamppi', q: 10 })), ...['Itis', 'Sello'].flatMap((store) => repeat(40, (i) => ({ store, q: i < 20 ? 10 : 3 })))];
    const { findings } = keyFindings({ summary: summarize(rows, { nps: 'q', by: 'store' }) });
    expect(findings.map((finding) => [finding.subject, finding.direction])).toEqual([
      ['Kamppi', 'above'],
      ['Itis', 'below'],
      ['Sello', 'below'],
    ]);
    expect(findings[0]!.difference).toBe(100);
    // Itis (NPS 0) against Kamppi + Sello (60 promoters, 20 detractors of 80: NPS 50): −50.
    // SE: Itis √((.5 + .5 − 0)/40) = 0.158114, rest √((.75 + .25 − .25)/80) = 0.096825;
    // z = −0.5 / √(0.158114² + 0.096825²) = −2.69680, p = 2Φ(−2.69680) = 0.0070005 (R: 2 * pnorm(-2.69680)).
    expect(findings[1]!.difference).toBeCloseTo(-50, 10);
    expect(findings[1]!.pValue).toBeCloseTo(0.0070005, 6);
  });

  it('hidden groups are not tested; their respondents stay in the rest of the others', () => {
    // As above, plus a store of 2 answers (both 0) hidden by minN 5 (Glint: the hidden hold 2 people, no more hidden).
    const rows = [...repeat(40, () => ({ store: 'Kamppi', q: 10 })), ...repeat(40, (i) => ({ store: 'Itis', q: i < 20 ? 10 : 3 })), { store: 'Pieni', q: 0 }, { store: 'Pieni', q: 0 }];
    const { findings, families } = keyFindings({ summary: summarize(rows, { nps: 'q', by: 'store', minN: 5 }) });
    expect(families[0]!.tests).toBe(2);
    expect(findings.map((finding) => finding.subject)).not.toContain('Pieni');
    // Kamppi's rest: Itis + Pieni = 20 promoters, 22 detractors of 42: NPS −4.7619; difference 104.7619.
    expect(findings.find((finding) => finding.subject === 'Kamppi')!.difference).toBeCloseTo(100 + 200 / 42, 9);
  });

  it('a summary without groups has no group family; several fields are one family each', () => {
    expect(keyFindings({ summary: summarize(stores, { csat: 'q' }) })).toEqual({ level: 0.95, findings: [], families: [] });
    const two = keyFindings({ summary: summarize(stores.map((row) => ({ ...row, r: row.q })), { csat: ['q', 'r'], by: 'store' }) });
    expect(two.families.map((family) => family.field)).toEqual(['q', 'r']);
  });
});

describe('keyFindings: changes, the journey, themes and drivers', () => {
  it("a trend's significant change, with the trend's own adjustment", () => {
    // January: 20 × 10 and 10 × 0 (NPS 33.33); February: 5 × 10 and 25 × 0 (NPS −66.67): −100.
    const rows = [...repeat(30, (i) => ({ at: `2026-01-${String(i + 1).padStart(2, '0')}`, q: i < 20 ? 10 : 0 })), ...repeat(28, (i) => ({ at: `2026-02-${String(i + 1).padStart(2, '0')}`, q: i < 5 ? 10 : 0 })), { at: '2026-02-28', q: 0 }, { at: '2026-02-28', q: 0 }];
    const { findings } = keyFindings({ trend: trend(rows, { at: 'at', period: 'month', nps: 'q' }) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'change', subject: '2026-02', direction: 'below', better: false, n: 30 });
    expect(findings[0]!.difference).toBeCloseTo(-100, 9);
    expect(findings[0]!.reference).toBeCloseTo(100 / 3, 9);
    expect(findings[0]!.family).toMatchObject({ kind: 'change', metric: 'nps', tests: 1, adjust: 'holm' });
  });

  it('a stage below the rest of the journey, as the journey report tested it', () => {
    const journey = defineJourney({ stages: [{ id: 'buy', label: 'Purchase' }, { id: 'help', label: 'Support' }] });
    const rows = [...repeat(50, (i) => ({ stage: 'buy', q: i < 40 ? 10 : 5 })), ...repeat(50, (i) => ({ stage: 'help', q: i < 10 ? 10 : 2 }))];
    const report = journeyReport(rows, journey, { nps: 'q', stage: 'stage' });
    const { findings } = keyFindings({ journey: report });
    const help = report.stages[1]!;
    expect(findings.filter((finding) => finding.kind === 'stage').map((finding) => [finding.subject, finding.label, finding.direction])).toEqual([
      ['buy', 'Purchase', 'above'],
      ['help', 'Support', 'below'],
    ]);
    expect(findings[1]!.adjustedPValue).toBe(help.comparison!.adjustedPValue);
  });

  it("a theme that lowers the score, as the theme report tested it", () => {
    const codebook = defineCodebook({ language: 'en', themes: [{ id: 'queue', label: 'Queues', match: ['queue*'] }] });
    const rows = [...repeat(40, (i) => ({ c: 'long queue', q: i < 30 ? 0 : 10 })), ...repeat(40, (i) => ({ c: 'nice staff', q: i < 30 ? 10 : 0 }))];
    const report = themeReport(rows, codebook, { text: 'c', nps: 'q' });
    const { findings } = keyFindings({ themes: report });
    expect(findings).toHaveLength(1);
    // Mentioned: 10 promoters, 30 detractors of 40 (NPS −50); the rest: NPS +50; all 80: 0. Impact 0 − 50 = −50.
    expect(findings[0]).toMatchObject({ kind: 'theme', subject: 'queue', label: 'Queues', direction: 'below', better: false, score: -50, reference: 50, difference: -50 });
    expect(findings[0]!.adjustedPValue).toBe(report.themes[0]!.nps!.adjustedPValue);
  });

  it("drivers: correlations adjusted across the drivers (Holm by default)", () => {
    // R 4.2.2: cor.test(c(5, 4, 1, 2, 3, 3), c(5, 4, 2, 1, 4, 2))$p.value = 0.0449087903503666;
    // price: r = 0 on its four pairs, p = 1. p.adjust(c(0.04491, 1), "holm") = 0.0898, 1: nothing.
    const rows = [5, 4, 1, 2, 3, 3].map((x, i) => ({ overall: [5, 4, 2, 1, 4, 2][i]!, staff: x, price: [2, 3, 3, 2, null, null][i] }));
    const drivers = keyDrivers(rows, { outcome: 'overall', drivers: ['staff', 'price'] });
    expect(keyFindings({ drivers }).findings).toMatchObject([{ kind: 'driver', subject: null }]);
    const plain = keyFindings({ drivers }, { adjust: 'none' }).findings;
    expect(plain).toMatchObject([{ kind: 'driver', subject: 'staff', direction: 'above', n: 6 }]);
    expect(plain[0]!.adjustedPValue).toBeCloseTo(0.0449087903503666, 10);
  });
});

describe('keyFindings: bad input', () => {
  it('refuses options out of range and inputs that are not results', () => {
    expect(issuesOf(() => keyFindings({}, { level: 1 }))[0]!.path).toEqual(['level']);
    expect(issuesOf(() => keyFindings({}, { perFamily: 0 }))[0]!.path).toEqual(['perFamily']);
    expect(issuesOf(() => keyFindings({}, { adjust: 'tukey' as never }))[0]!.path).toEqual(['adjust']);
    expect(issuesOf(() => keyFindings({ summary: [] as never }))[0]!.path).toEqual(['summary']);
    expect(issuesOf(() => keyFindings({ stores } as never))[0]!.path).toEqual(['stores']);
  });
});
