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

/** How words are cut and stemmed in one language, with a cache of stems (comments repeat their words). */
export interface Tokenizer {
  readonly language: TextLanguage;
  tokens(text: string): Token[];
  /** The stem of one word form (lower case, NFC). */
  stem(form: string): string;
}

/** Stems remembered per tokenizer before the cache is cleared: bounded, whatever the vocabulary. */
const MAX_CACHED_STEMS = 200_000;

export function tokenizer(language: TextLanguage): Tokenizer {
  const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
  const stems = new Map<string, string>();
  const stemOf = language === 'fi' ? finnishStem : englishStem;
  const stem = (form: string): string => {
    let found = stems.get(form);
    if (found === undefined) {
      if (stems.size >= MAX_CACHED_STEMS) stems.clear();
      found = stemOf(form);
      stems.set(form, found);
    }
    return found;
  };
  const push = (out: Token[], start: number, written: string) => {
    const form = written.normalize('NFC').toLowerCase().replaceAll('\u2019', "'");
    const negated = language === 'en' ? NEGATED.exec(form) : null;
    if (negated !== null && negated[1] !== "'") {
      // The offsets of the written word split where its last three characters start.
      const cut = start + written.length - 3;
      out.push({ start, end: cut, form: negated[1]!, stem: stem(negated[1]!) });
      out.push({ start: cut, end: start + written.length, form: "n't", stem: "n't" });
      return;
    }
    out.push({ start, end: start + written.length, form, stem: stem(form) });
  };
  return {
    language,
    stem,
    tokens(text) {
      const out: Token[] = [];
      for (let from = 0; from < text.length; ) {
        const to = pieceEnd(text, from);
        for (const segment of segmenter.segment(text.slice(from, to))) {
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
