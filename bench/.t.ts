import * as cx from '../src/index.js';
const r = cx.journeyReport([{ s: NaN, a: 3 }], cx.defineJourney({ stages: [{ id: 'a' }, { id: 'b' }] }), { stage: 's', nps: 'a', headline: 'nps' });
console.log(JSON.stringify(r.unmapped), r.unmapped);
