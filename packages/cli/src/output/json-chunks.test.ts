import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from './json-chunks.js';

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2), byte for byte, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('leaves out what JSON leaves out: undefined and functions in objects, as null in lists; dates through toJSON', () => {
    const value = { a: undefined, b: [undefined, () => 1, new Date(0)], c: { d: 'x\ny' }, e: [], f: {} };
    expect([...jsonChunks(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  it('writes a long list a member at a time', () => {
    const chunks = [...jsonChunks({ groups: Array.from({ length: 1000 }, (_, i) => ({ key: i })) })];
    expect(chunks.length).toBeGreaterThan(1000);
    expect(Math.max(...chunks.map((chunk) => chunk.length))).toBeLessThan(40);
  });
});
