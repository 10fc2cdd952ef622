import { stemmer as finnishStem } from '@orama/stemmers/finnish';
import { englishStem } from './english-stemmer.js';

/** The languages a codebook can be in. */
export type TextLanguage = 'fi' | 'en';

/** A word of a comment: where it is, how it is written (case-folded, NFC), and its stem. */
export interface Token {
  /** UTF-16 offsets in the comment as given: `text.slice(start, end)` is the word as written. */
  readonly start: number;
  readonly end: number;
  /** The word in lower case, Unicode NFC, typographic apostrophes as `'`. */
  readonly form: string;
  /** Its Snowball stem in the language. */
  readonly stem: string;
}

/**
 * Pieces of a long text are segmented one at a time: Node 20's Intl.Segmenter copies the whole
 * input into every segment it returns, so one 100 kB comment ran out of memory. A piece ends at
 * white space where there is some, never inside a surrogate pair.
 */
const PIECE = 512;

/** English contractions split off as a word of their own, so that a phrase can use the negation: didn't → did + n't. */
const NEGATED = /^(.+?)(n't)$/;

/** How words are cut and stemmed in one language, with a cache of the words seen (comments repeat their words). */
export interface Tokenizer {
  readonly language: TextLanguage;
  tokens(text: string): Token[];
}

/** Written words remembered per tokenizer before the cache is cleared: bounded, whatever the vocabulary. */
const MAX_CACHED_STEMS = 200_000;

/** A written word's forms: its token form and stem, or (an English contraction) the word and n't. */
type Forms = { readonly form: string; readonly stem: string; readonly negatedAt?: number; readonly base?: { readonly form: string; readonly stem: string } };

export function tokenizer(language: TextLanguage): Tokenizer {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const stemOf = language === 'fi' ? finnishStem : englishStem;
  // Written words seen before, with their forms: comments repeat their words, and case
  // folding, NFC and stemming are most of the cost of a word.
  const cache = new Map<string, Forms>();
  const formsOf = (written: string): Forms => {
    let known = cache.get(written);
    if (known === undefined) {
      if (cache.size >= MAX_CACHED_STEMS) cache.clear();
      const form = written.normalize('NFC').toLowerCase().replaceAll('\u2019', "'");
      const negated = language === 'en' ? NEGATED.exec(form) : null;
      known =
        negated !== null && negated[1] !== "'"
          ? { form: "n't", stem: "n't", negatedAt: written.length - 3, base: { form: negated[1]!, stem: stemOf(negated[1]!) } }
          : { form, stem: stemOf(form) };
      cache.set(written, known);
    }
    return known;
  };
  const push = (out: Token[], start: number, written: string) => {
    const forms = formsOf(written);
    if (forms.base !== undefined) {
      // didn't → did + n't: the offsets of the written word split where its last three characters start.
      const cut = start + forms.negatedAt!;
      out.push({ start, end: cut, form: forms.base.form, stem: forms.base.stem });
      out.push({ start: cut, end: start + written.length, form: forms.form, stem: forms.stem });
      return;
    }
    out.push({ start, end: start + written.length, form: forms.form, stem: forms.stem });
  };
  return {
    language,
    tokens(text) {
      const out: Token[] = [];
      for (let from = 0; from < text.length; ) {
        const to = pieceEnd(text, from);
        for (const segment of segmenter.segment(from === 0 && to === text.length ? text : text.slice(from, to))) {
          if (segment.isWordLike === true) push(out, from + segment.index, segment.segment);
        }
        from = to;
      }
      return out;
    },
  };
}

/** Where the piece of `text` starting at `from` ends: after the last white space within PIECE characters, or at PIECE. */
function pieceEnd(text: string, from: number): number {
  const limit = from + PIECE;
  if (limit >= text.length) return text.length;
  for (let at = limit; at > from + PIECE / 2; at--) if (/\s/.test(text[at - 1]!)) return at;
  // No white space: cut anyway, but not between the halves of a surrogate pair.
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}
