import * as cx from '../src/index.js';
const weird: unknown[] = [undefined, null, NaN, Infinity, -Infinity, -0, 0, 1, 1.5, 11, -1, '5', '', true, {}, [], [1], () => 1, Symbol('s'), 10n, new Date(), Object.create(null), 1e308, -1e308, Number.MIN_VALUE];
function hasNaN(x: unknown, seen = new Set()): boolean {
  if (typeof x === 'number') return Number.isNaN(x);
  if (x && typeof x === 'object') { if (seen.has(x)) return false; seen.add(x); return Object.values(x).some((v) => hasNaN(v, seen)); }
  return false;
}
const label = (a: unknown) => { try { return typeof a === 'symbol' ? 'sym' : typeof a === 'bigint' ? a + 'n' : String(a); } catch { return 'nullproto'; } };
const report = (name: string, arg: unknown, f: () => unknown) => {
  try { const r = f(); if (hasNaN(r)) console.log('NaN in result', name, label(arg)); }
  catch (e) { if (!(e instanceof cx.CxValidationError)) console.log('non-validation error', name, label(arg), (e as Error).message.slice(0, 100)); }
};
const fns: Record<string, (x: any) => unknown> = {
  nps: (x) => cx.nps([x, 9, 3]),
  npsOpt: (x) => cx.nps([1, 9, 3], x),
  npsLevel: (x) => cx.nps([1, 9, 3], { level: x }),
  npsWeights: (x) => cx.nps([1, 9, 3], { weights: [x, 1, 1] }),
  csat: (x) => cx.csat([x, 5, 3]),
  csatOpt: (x) => cx.csat([1, 5], x),
  csatSat: (x) => cx.csat([1, 5], { satisfied: x }),
  ces: (x) => cx.ces([x, 5, 3]),
  cesOpt: (x) => cx.ces([1, 5], x),
  compareNps: (x) => cx.compareNps(x, [1, 2]),
  compareCsat: (x) => cx.compareCsat([1, 2], x),
  compareCes: (x) => cx.compareCes([1, 2], x),
  npsSS: (x) => cx.npsSampleSize(x),
  npsSS2: (x) => cx.npsSampleSize({ marginOfError: x }),
  csatSS: (x) => cx.csatSampleSize({ marginOfError: x }),
  tally: (x) => cx.tally([x], cx.NPS_SCALE),
  tallyScale: (x) => cx.tally([1], x),
  tallyFromCounts: (x) => cx.tallyFromCounts(x, cx.NPS_SCALE),
  merge: (x) => cx.mergeTallies(x),
  round: (x) => cx.round(x, 2),
  roundDigits: (x) => cx.round(1.2345, x),
  roundPct: (x) => cx.roundPercentages(x, 1),
  summarize: (x) => cx.summarize([{ a: x, g: x }], { nps: 'a', by: 'g' }),
  summarizeOpt: (x) => cx.summarize([{ a: 1 }], x),
  summarizeRows: (x) => cx.summarize(x, { nps: 'a' }),
  trend: (x) => cx.trend([{ t: x, a: 5 }], { at: 't', period: 'month', nps: 'a' }),
  trendP: (x) => cx.trend([{ t: '2024-01-01', a: 5 }], { at: 't', period: x, nps: 'a' }),
  trendTz: (x) => cx.trend([{ t: '2024-01-01', a: 5 }], { at: 't', period: 'week', nps: 'a', timeZone: x }),
  keyDrivers: (x) => cx.keyDrivers([{ o: x, d: 1 }, { o: 3, d: 2 }, { o: 4, d: 4 }], { outcome: 'o', drivers: ['d'] }),
  keyDriversConst: (x) => cx.keyDrivers([{ o: 1, d: x }, { o: 3, d: x }, { o: 4, d: x }], { outcome: 'o', drivers: ['d'] }),
  keyDriversOpt: (x) => cx.keyDrivers([{ o: 1, d: 2 }], x),
  followUps: (x) => cx.followUps([{ id: x, n: 3 }], { id: 'id', nps: 'n' }),
  satIdx: (x) => cx.satisfactionIndex([{ a: x, b: 3 }], { items: [{ field: 'a', scale: { min: 1, max: 5 } }, { field: 'b', scale: { min: 1, max: 5 } }] }),
  satIdxOpt: (x) => cx.satisfactionIndex([{ a: 1 }], x),
  defineJourney: (x) => cx.defineJourney(x),
  defineJourneyStage: (x) => cx.defineJourney({ stages: [{ id: x }] }),
  journeyReport: (x) => cx.journeyReport([{ s: x, a: 3 }], cx.defineJourney({ stages: [{ id: 'a' }, { id: 'b' }] }), { stage: 's', nps: 'a', headline: 'nps' }),
  defineScorecard: (x) => cx.defineScorecard(x),
  scoreVisit: (x) => cx.scoreVisit(cx.serviceEncounterScorecard ?? (cx as any).serviceEncounterTemplate, x),
  tallySql: (x) => cx.tallySql({ table: x, score: 's', scale: cx.NPS_SCALE }),
  tallySqlScore: (x) => cx.tallySql({ table: 't', score: x, scale: cx.NPS_SCALE }),
  tallyFromRows: (x) => cx.tallyFromRows(x, { scale: cx.NPS_SCALE } as any),
  normalQ: (x) => cx.normalQuantile(x),
  tQ: (x) => cx.studentTQuantile(0.9, x),
  tQp: (x) => cx.studentTQuantile(x, 5),
  tCdf: (x) => cx.studentTCdf(x, 5),
  tCdfDf: (x) => cx.studentTCdf(1, x),
};
for (const [name, f] of Object.entries(fns)) for (const arg of weird) { process.stderr.write(name + ' ' + (typeof arg === 'symbol' ? 'sym' : label(arg)) + '\n'); report(name, arg, () => f(arg)); }
console.log('done');
