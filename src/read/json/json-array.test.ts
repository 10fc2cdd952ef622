import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inChunks } from '../../../test/chunks.js';
import { JsonArrayError, jsonArrayElements } from './json-array.js';

async function elements(text: string, size = text.length || 1): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const value of jsonArrayElements(inChunks(text, size))) out.push(value);
  return out;
}

async function failure(text: string): Promise<JsonArrayError> {
  try {
    await elements(text);
  } catch (error) {
    if (error instanceof JsonArrayError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
}

describe('jsonArrayElements', () => {
  it('cuts only at top-level commas, whatever the chunk size', async () => {
    // Commas, brackets, braces, quotes and backslashes inside strings and nested values.
    const text = '\uFEFF [ {"a": "x, ]}", "b": [1, [2, {"c": "\\"],"}]]},\n  7, "q\\\\", null , [], {} ]\n';
    const expected = [{ a: 'x, ]}', b: [1, [2, { c: '"],' }]] }, 7, 'q\\', null, [], {}];
    for (let size = 1; size <= text.length; size++) expect(await elements(text, size), `chunks of ${size}`).toEqual(expected);
  });

  it('gives what JSON.parse gives for any array, spaced and chunked at random', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.jsonValue()), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 50 }), async (array, indent, size) => {
        const text = JSON.stringify(array, null, indent);
        expect(await elements(text, size)).toEqual(JSON.parse(text));
      }),
    );
  });

  it('an empty array has no elements', async () => {
    expect(await elements('[]')).toEqual([]);
    expect(await elements(' [ \n ] ')).toEqual([]);
  });

  it('refuses what is not one JSON array, naming the element at fault', async () => {
    expect((await failure('{"q": 5}')).message).toBe('expected a JSON array of objects');
    expect((await failure('  ')).message).toBe('expected a JSON array of objects, got an empty file');
    expect((await failure('[{"q": 5}] x')).message).toBe('unexpected text after the array');
    expect((await failure('[{"q": 5}][]')).message).toBe('unexpected text after the array');
    expect((await failure('[{"q": 5}, {"q": 4}')).message).toBe('the array is not closed (after 1 elements)');
    const broken = await failure('[{"q": 5}, {q: 4}]');
    expect(broken.element).toBe(1);
    expect(broken.message).toMatch(/^element 1 is not valid JSON \(/);
    expect(broken.reason).toBe(broken.message.slice('element 1 is not valid JSON ('.length, -1));
    expect((await failure('[1, 2,]')).element).toBe(2); // a trailing comma leaves an empty element
    expect((await failure('[1 2]')).element).toBe(0);
    expect((await failure('[1}]')).element).toBe(0);
  });

  it('an element longer than the bound is refused by its row (a string never closed)', async () => {
    const read = async (text: string) => {
      for await (const value of jsonArrayElements(inChunks(text, 16), 64)) void value;
    };
    await expect(read(`[{"q":1},{"q":"${'x'.repeat(100)}`)).rejects.toThrow(new JsonArrayError('row 2 is longer than 64 bytes (a string, object or list opened and never closed)'));
    // 60 characters: read.
    const fits: unknown[] = [];
    for await (const value of jsonArrayElements(inChunks(`[{"q":"${'x'.repeat(52)}"}]`, 16), 64)) fits.push(value);
    expect(fits).toEqual([{ q: 'x'.repeat(52) }]);
  });
});
