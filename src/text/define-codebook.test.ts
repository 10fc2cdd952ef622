import { describe, expect, it } from 'vitest';
import { issuesOf } from '../../test/validation.js';
import { defineCodebook } from './define-codebook.js';

describe('defineCodebook', () => {
  it('fills in labels and lists, and is itself a valid definition', () => {
    const codebook = defineCodebook({ language: 'en', themes: [{ id: 'staff', match: ['friendly'] }, { id: 'rude', parent: 'staff', match: ['rude'], exclude: ['"not rude"'] }] });
    expect(codebook.themes).toEqual([
      { id: 'staff', label: 'staff', match: ['friendly'], exclude: [] },
      { id: 'rude', label: 'rude', parent: 'staff', match: ['rude'], exclude: ['"not rude"'] },
    ]);
    expect(defineCodebook(codebook)).toEqual(codebook);
  });

  it('a parent may have no pattern of its own', () => {
    expect(() => defineCodebook({ language: 'fi', themes: [{ id: 'staff' }, { id: 'slow', parent: 'staff', match: ['hidas'] }] })).not.toThrow();
  });

  it('names the theme and the pattern of each mistake', () => {
    const error = issuesOf(() =>
      defineCodebook({
        language: 'fi',
        themes: [
          { id: 'a', match: ['jono*'] },
          { id: 'a', match: ['x'] },
          { id: 'b', parent: 'nobody', match: ['y'] },
          { id: 'c', match: [] },
          { id: 'd', match: ['', '!!!', 'jo*no', 'kaksi sanaa', '"  "', '😀'] },
        ],
      }),
    );
    expect(error).toEqual([
      { code: 'invalid_option', path: ['themes', 1, 'id'] },
      { code: 'invalid_option', path: ['themes', 2, 'parent'] },
      { code: 'invalid_option', path: ['themes', 3, 'match'] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 0] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 1] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 2] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 3] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 4] },
      { code: 'invalid_option', path: ['themes', 4, 'match', 5] },
    ]);
  });

  it('says what is wrong in words', () => {
    expect(() => defineCodebook({ language: 'en', themes: [{ id: 'q', match: ['que*ue'] }] })).toThrow('theme "q", pattern "que*ue": "*" can only end a word');
    expect(() => defineCodebook({ language: 'en', themes: [{ id: 'q', match: ['!!'] }] })).toThrow('a pattern needs a word (it has only punctuation or symbols)');
    expect(() => defineCodebook({ language: 'en', themes: [{ id: 'q', match: ['on hold'] }] })).toThrow('write it in double quotes');
  });

  it('refuses a parent cycle and an unknown language', () => {
    expect(issuesOf(() => defineCodebook({ language: 'fi', themes: [{ id: 'a', parent: 'b', match: ['x'] }, { id: 'b', parent: 'a', match: ['y'] }] }))).toEqual([
      { code: 'invalid_option', path: ['themes', 0, 'parent'] },
      { code: 'invalid_option', path: ['themes', 1, 'parent'] },
    ]);
    expect(issuesOf(() => defineCodebook({ language: 'sv' as 'fi', themes: [{ id: 'a', match: ['x'] }] }))).toEqual([{ code: 'invalid_option', path: ['language'] }]);
  });
});
