import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { distinctiveWords } from './distinctive-words.js';

/** Monroe et al. (2008) written out in R by test/reference/text.R (the command is in that file). */
const { logOdds } = JSON.parse(readFileSync(new URL('../../test/reference/text.json', import.meta.url), 'utf8')) as {
  logOdds: { words: string[]; a: number[]; b: number[]; delta: number[]; z: number[] };
};

describe('distinctiveWords', () => {
  // Comments whose stems have the counts of text.R: slow 6/1, servic 3/3, friend 1/5, wait 4/0, fast 0/4, not 3/1.
  it('equals the formula of Monroe et al. written out in R, word by word', () => {
    const detractor = ['slow slow slow slow slow slow', 'service service service', 'friendly', 'waiting waited wait waits', 'not not not'];
    const promoter = ['slow', 'services service service', 'friendly friendly friendly friendly friendly', 'fast fast fast fast', 'not'];
    const data = [...detractor.map((text) => ({ text, group: 'detractor' })), ...promoter.map((text) => ({ text, group: 'promoter' }))];
    const result = distinctiveWords(data, { text: 'text', compare: 'group', language: 'en' });
    expect(result.groups).toEqual(['detractor', 'promoter']);
    expect(result.comments).toEqual([5, 5]);
    for (const [w, stem] of logOdds.words.entries()) {
      const word = result.words.find((entry) => entry.stem === stem)!;
      expect([word.countA, word.countB]).toEqual([logOdds.a[w], logOdds.b[w]]);
      expect(word.logOddsRatio).toBeCloseTo(logOdds.delta[w]!, 12);
      expect(word.z).toBeCloseTo(logOdds.z[w]!, 12);
    }
    // Sorted by z: fast (−1.41) is last, slow (1.20) first; each stem with its most frequent form.
    expect(result.words.map((word) => word.stem)).toEqual(['slow', 'wait', 'not', 'servic', 'friend', 'fast']);
    expect(result.words.find((word) => word.stem === 'servic')!.form).toBe('service');
  });

  it('groups in the order given; other values and blank comments left out', () => {
    const data = [
      { text: 'good', g: 'b' },
      { text: 'bad', g: 'a' },
      { text: '', g: 'a' },
      { text: 'meh', g: 'c' },
      { text: 'ok', g: null },
    ];
    const result = distinctiveWords(data, { text: 'text', compare: 'g', language: 'en', groups: ['a', 'b'] });
    expect(result.groups).toEqual(['a', 'b']);
    expect(result.leftOut).toBe(3);
    expect(result.words.map((word) => [word.stem, word.countA, word.countB])).toEqual([
      ['bad', 1, 0],
      ['good', 0, 1],
    ]);
  });

  it('a third group is refused naming its row; one group is refused', () => {
    const data = [
      { text: 'x', g: 'a' },
      { text: 'y', g: 'b' },
      { text: 'z', g: 'c' },
    ];
    expect(issuesOf(() => distinctiveWords(data, { text: 'text', compare: 'g', language: 'en' }))).toEqual([{ code: 'invalid_option', path: [2, 'g'] }]);
    expect(issuesOf(() => distinctiveWords(data.slice(0, 1), { text: 'text', compare: 'g', language: 'en' }))).toEqual([{ code: 'invalid_option', path: ['compare'] }]);
  });
});
