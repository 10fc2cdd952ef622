/**
 * Comments coded by hand. The stems in the comments are Snowball's: from Snowball's own
 * `stemwords -l finnish` / `-l english`, built from github.com/snowballstem/snowball at
 * 6ddd7dd (jonottaa → jonot, jonotin → jonot, jonotus → jonotus, odottaa → odot, odotin →
 * odot, odotus → odotus, vastannut → vastanu, ystävällinen → ystävällin, asiakaspalvelua →
 * asiakaspalvelu, kallis → kallis, kalliit → kal, hinnat → hin; waited → wait, helped → help).
 */
import { describe, expect, it } from 'vitest';
import { codeComment } from './code-comment.js';
import { defineCodebook } from './define-codebook.js';

const finnish = defineCodebook({
  language: 'fi',
  themes: [
    { id: 'queue', match: ['jono*', 'jonottaa', 'odottaa'] },
    { id: 'no-answer', match: ['"ei vastannut"'] },
    { id: 'staff', match: ['asiakaspalvelu*', 'myyjä', 'ystävällinen'], exclude: ['"ei asiakaspalvelua"'] },
    { id: 'not-recommend', match: ['"en suosittele"'] },
    { id: 'price', match: ['kallis', 'hinnat'] },
  ],
});

const ids = (text: unknown) => codeComment(finnish, text).themes.map((theme) => theme.id);

describe('codeComment in Finnish', () => {
  it('inflections meet on their stem, compounds on a prefix; spans point at the words', () => {
    // "Jonotin": stem jonot, as jonottaa's.
    expect(codeComment(finnish, 'Jonotin kassalla puoli tuntia.').themes).toEqual([{ id: 'queue', spans: [[0, 7]] }]);
    // "Jonotus" (stem jonotus) by the prefix jono*; "odotin" (odot) by odottaa.
    expect(codeComment(finnish, 'Jonotus kesti, odotin kauan.').themes).toEqual([{ id: 'queue', spans: [[0, 7], [15, 21]] }]);
  });

  it('where Snowball keeps forms apart, so does the codebook: odotus is not odottaa, kalliit is not kallis', () => {
    expect(ids('Odotus oli pitkä')).toEqual([]);
    expect(ids('Kalliit tuotteet')).toEqual([]);
    expect(codeComment(finnish, 'Liian kallis ja hinnat nousevat').themes).toEqual([{ id: 'price', spans: [[6, 12], [16, 22]] }]);
  });

  it('negation is a word: a phrase with it matches only the words in a row', () => {
    expect(codeComment(finnish, 'Soitin, mutta ei vastannut kukaan.').themes).toEqual([{ id: 'no-answer', spans: [[14, 26]] }]);
    // "eikä kukaan vastannut": not "ei vastannut" in a row.
    expect(ids('Soitin kolme kertaa eikä kukaan vastannut.')).toEqual([]);
    expect(codeComment(finnish, 'En suosittele, palvelu oli hidasta.').themes).toEqual([{ id: 'not-recommend', spans: [[0, 13]] }]);
    expect(ids('Suosittelen lämpimästi!')).toEqual([]);
  });

  it('a prefix is the start of the word as written: Asiakaspalvelija is not asiakaspalvelu*', () => {
    expect(codeComment(finnish, 'Asiakaspalvelija oli ystävällinen.').themes).toEqual([{ id: 'staff', spans: [[21, 33]] }]);
  });

  it('an exclusion cancels the theme in the comment, whatever else matched', () => {
    expect(ids('Ei asiakaspalvelua ollenkaan, vaikka asiakaspalvelu lupasi.')).toEqual([]);
    expect(ids('Asiakaspalvelu lupasi soittaa.')).toEqual(['staff']);
  });

  it('NFD text is matched as NFC; the spans stay offsets of the text as given', () => {
    const nfd = 'Myyja\u0308 oli ystäva\u0308llinen';
    expect(codeComment(finnish, nfd).themes).toEqual([{ id: 'staff', spans: [[0, 6], [11, 24]] }]);
  });

  it('blank, emoji, numbers and non-text', () => {
    expect(codeComment(finnish, '   ')).toEqual({ blank: true, themes: [] });
    expect(codeComment(finnish, null)).toEqual({ blank: true, themes: [] });
    expect(codeComment(finnish, '😡😡')).toEqual({ blank: false, themes: [] });
    expect(codeComment(finnish, 42)).toEqual({ blank: false, themes: [] });
    expect(() => codeComment(finnish, { text: 'jono' })).toThrow('a comment must be text, got an object');
  });

  it('a 100 kB comment is coded in pieces (one 100 kB string ran Intl.Segmenter out of memory)', () => {
    const long = `${'Jonotin kauan. '.repeat(7000)}ei vastannut`;
    const coded = codeComment(finnish, long);
    expect(coded.themes.map((theme) => [theme.id, theme.spans.length])).toEqual([
      ['queue', 7000],
      ['no-answer', 1],
    ]);
    expect(long.slice(...coded.themes[1]!.spans[0]!)).toBe('ei vastannut');
  });

  it('takes a definition too, and builds its index once per codebook object', () => {
    const definition = { language: 'fi' as const, themes: [{ id: 'queue', match: ['jono*'] }] };
    expect(codeComment(definition, 'jonossa').themes.map((theme) => theme.id)).toEqual(['queue']);
    expect(codeComment(definition, 'kassa').themes).toEqual([]);
  });
});

describe('codeComment in English', () => {
  const english = defineCodebook({
    language: 'en',
    themes: [
      { id: 'wait', match: ['wait', 'queue*', '"on hold"'] },
      { id: 'no-help', match: ['"not helpful"', '"n\'t help"'] },
      { id: 'people', label: 'Staff' },
      { id: 'staff', parent: 'people', match: ['staff', 'friendly'] },
      { id: 'rude', parent: 'people', match: ['rude'] },
    ],
  });

  it('stems, prefixes and phrases', () => {
    expect(codeComment(english, 'I waited on hold for an hour').themes).toEqual([{ id: 'wait', spans: [[2, 8], [9, 16]] }]);
    expect(codeComment(english, 'Queueing was fine').themes).toEqual([{ id: 'wait', spans: [[0, 8]] }]);
  });

  it("n't is a word of its own: didn't help → did + n't + help", () => {
    expect(codeComment(english, "They didn't help at all").themes).toEqual([{ id: 'no-help', spans: [[8, 16]] }]);
    expect(codeComment(english, 'They didn’t help at all').themes).toEqual([{ id: 'no-help', spans: [[8, 16]] }]);
    expect(codeComment(english, 'They helped a lot').themes).toEqual([]);
  });

  it('a parent is found with the themes under it, with their spans', () => {
    expect(codeComment(english, 'Staff were rude').themes).toEqual([
      { id: 'people', spans: [[0, 5], [11, 15]] },
      { id: 'staff', spans: [[0, 5]] },
      { id: 'rude', spans: [[11, 15]] },
    ]);
  });
});
