import { performance } from 'node:perf_hooks';
const N = 10_000_000;
let state = 2463534242;
const plain: (number|null)[] = [];
for (let i = 0; i < N; i++) { state ^= state << 13; state ^= state >>> 17; state ^= state << 5; const r = (state >>> 0) % 550; plain.push(r >= 539 ? null : r % 11); }
function slow(x: unknown, s: { missing: number }) { if (x === null || x === undefined) s.missing++; else throw new Error('x'); }
const variants: Record<string, (values: ArrayLike<unknown>, min: number, span: number) => number> = {
  hand(values) { const counts = new Float64Array(11); let missing = 0;
    for (let i = 0; i < values.length; i++) { const v = values[i];
      if (typeof v === 'number' && v >= 0 && v <= 10 && Math.floor(v) === v) counts[v]!++;
      else if (v === null || v === undefined) missing++; else throw new Error('x'); }
    return missing; },
  genericFloor(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const k = v - min; if (k >= 0 && k <= span && Math.floor(k) === k) { counts[k]!++; n++; continue; } } slow(v, s); }
    return n; },
  genericOr(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const k = v - min; if (k >= 0 && k <= span && (k | 0) === k) { counts[k]!++; n++; continue; } } slow(v, s); }
    return n; },
  genericArrayCounts(values, min, span) { const counts = new Array<number>(span + 1).fill(0); const s = { missing: 0 }; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const k = v - min; if (k >= 0 && k <= span && Math.floor(k) === k) { counts[k]!++; n++; continue; } } slow(v, s); }
    return n; },
  genericNoN(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const k = v - min; if (k >= 0 && k <= span && Math.floor(k) === k) { counts[k]!++; continue; } } slow(v, s); }
    return s.missing; },
  genericLocalMissing(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; let missing = 0; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const k = v - min; if (k >= 0 && k <= span && Math.floor(k) === k) { counts[k]!++; n++; continue; } } else if (v === null || v === undefined) { missing++; continue; } slow(v, s); }
    return n + missing; },
  genericNoSub(values, min, span) { const counts = new Float64Array(span + 1 + min); const s = { missing: 0 }; let missing = 0; let n = 0; const length = values.length; const max = min + span;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { if (v >= min && v <= max && Math.floor(v) === v) { counts[v]!++; n++; continue; } } else if (v === null || v === undefined) { missing++; continue; } slow(v, s); }
    return n + missing; },
  genericIntIndex(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; let missing = 0; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const d = v - min; const k = d | 0; if (k === d && k >= 0 && k <= span) { counts[k]!++; n++; continue; } } else if (v === null || v === undefined) { missing++; continue; } slow(v, s); }
    return n + missing; },
  genericIntIndexSlowCall(values, min, span) { const counts = new Float64Array(span + 1); const s = { missing: 0 }; let n = 0; const length = values.length;
    for (let i = 0; i < length; i++) { const v = values[i]; if (typeof v === 'number') { const d = v - min; const k = d | 0; if (k === d && k >= 0 && k <= span) { counts[k]!++; n++; continue; } } slow(v, s); }
    return n; },
};
const name = process.argv[2]!;
const f = variants[name]!;
const xs: number[] = []; f(plain, 0, 10); f(plain, 0, 10);
for (let i = 0; i < 15; i++) { const s = performance.now(); f(plain, 0, 10); xs.push(performance.now() - s); }
xs.sort((a, b) => a - b);
console.log(name, xs[7]!.toFixed(1), 'min', xs[0]!.toFixed(1));
