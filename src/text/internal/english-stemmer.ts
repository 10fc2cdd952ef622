/**
 * The Snowball English stemmer ("Porter2") as Snowball 3 defines it
 * (https://snowballstem.org/algorithms/english/stemmer.html, algorithms/english.sbl), written
 * here because no package on npm follows the current definition: `porter2` and
 * `snowball-stemmers` give another stem for 57 of the 42 649 words of Snowball's test
 * vocabulary (added → ad, emergency → emerg), `@orama/stemmers` for 2 717. This one gives
 * Snowball's own output for all of them (checked while writing it; the tests keep a sample).
 * Input is one lower-case word.
 */

const VOWELS = 'aeiouy';
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.includes(c);
/** Vowels, and w, x and Y: what cannot end a short syllable. */
const isVowelWXY = (c: string | undefined) => c !== undefined && (VOWELS.includes(c) || c === 'w' || c === 'x' || c === 'Y');
const VALID_LI = 'cdeghkmnrt';
const DOUBLES = ['bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'];

/** Whole words with a stem of their own (Snowball's exception1). */
const EXCEPTIONS: ReadonlyMap<string, string> = new Map([
  ['skis', 'ski'],
  ['skies', 'sky'],
  ['idly', 'idl'],
  ['gently', 'gentl'],
  ['ugly', 'ugli'],
  ['early', 'earli'],
  ['only', 'onli'],
  ['singly', 'singl'],
  ['sky', 'sky'],
  ['news', 'news'],
  ['howe', 'howe'],
  ['atlas', 'atlas'],
  ['cosmos', 'cosmos'],
  ['bias', 'bias'],
  ['andes', 'andes'],
]);

/** Beginnings after which R1 starts, whatever the letters (generate/general share "gener"). */
const R1_PREFIXES = ['gener', 'commun', 'arsen', 'past', 'univers', 'later', 'emerg', 'organ', 'inter'];

/** A suffix list as Snowball's `among` reads it: the longest suffix that ends the word. */
function longestSuffix<T extends { readonly suffix: string }>(word: string, entries: readonly T[]): T | undefined {
  let found: T | undefined;
  for (const entry of entries) if (word.endsWith(entry.suffix) && (found === undefined || entry.suffix.length > found.suffix.length)) found = entry;
  return found;
}

/** The position after the first non-vowel that follows a vowel, from `from` on; the word's length if none. */
function regionStart(word: string, from: number): number {
  let i = from;
  while (i < word.length && !isVowel(word[i])) i++;
  while (i < word.length && isVowel(word[i])) i++;
  return i < word.length ? i + 1 : word.length;
}

/** Whether `word` ends in a short syllable (Snowball's shortv at the word's end). */
function endsShort(word: string): boolean {
  const n = word.length;
  if (n >= 3 && !isVowelWXY(word[n - 1]) && isVowel(word[n - 2]) && !isVowel(word[n - 3])) return true;
  if (n === 2 && !isVowel(word[1]) && isVowel(word[0])) return true;
  return word.endsWith('past');
}

type Rule = { readonly suffix: string; readonly apply: (stem: string) => string | null };
const to = (suffix: string, replacement: string): Rule => ({ suffix, apply: (stem) => stem + replacement });

const STEP_2: readonly Rule[] = [
  to('tional', 'tion'),
  to('enci', 'ence'),
  to('anci', 'ance'),
  to('abli', 'able'),
  to('entli', 'ent'),
  to('izer', 'ize'),
  to('ization', 'ize'),
  to('ational', 'ate'),
  to('ation', 'ate'),
  to('ator', 'ate'),
  to('alism', 'al'),
  to('aliti', 'al'),
  to('alli', 'al'),
  to('fulness', 'ful'),
  to('ousli', 'ous'),
  to('ousness', 'ous'),
  to('iveness', 'ive'),
  to('iviti', 'ive'),
  to('biliti', 'ble'),
  to('bli', 'ble'),
  to('ogist', 'og'),
  { suffix: 'ogi', apply: (stem) => (stem.endsWith('l') ? `${stem}og` : null) },
  to('fulli', 'ful'),
  to('lessli', 'less'),
  { suffix: 'li', apply: (stem) => (VALID_LI.includes(stem.at(-1) ?? '') ? stem : null) },
];

const STEP_4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'].map((suffix) => ({ suffix }));

/** The Snowball English stem of a lower-case word. */
export function englishStem(input: string): string {
  const exception = EXCEPTIONS.get(input);
  if (exception !== undefined) return exception;
  if ([...input].length < 3) return input;

  // Prelude: a leading apostrophe goes; a y that begins the word or follows a vowel is a consonant (Y).
  let word = input.startsWith("'") ? input.slice(1) : input;
  let sawY = false;
  if (word.startsWith('y')) {
    word = `Y${word.slice(1)}`;
    sawY = true;
  }
  for (let i = 1; i < word.length; i++) {
    if (word[i] === 'y' && isVowel(word[i - 1])) {
      word = `${word.slice(0, i)}Y${word.slice(i + 1)}`;
      sawY = true;
    }
  }

  const prefix = R1_PREFIXES.find((start) => word.startsWith(start));
  const p1 = prefix !== undefined ? prefix.length : regionStart(word, 0);
  const p2 = regionStart(word, p1);

  word = step1a(word);
  word = step1b(word, p1);
  word = step1c(word);
  word = step2(word, p1);
  word = step3(word, p1, p2);
  word = step4(word, p2);
  word = step5(word, p1, p2);
  return sawY ? word.replaceAll('Y', 'y') : word;
}

function step1a(input: string): string {
  let word = input;
  const apostrophe = longestSuffix(word, [{ suffix: "'" }, { suffix: "'s" }, { suffix: "'s'" }]);
  if (apostrophe !== undefined) word = word.slice(0, -apostrophe.suffix.length);
  const found = longestSuffix(word, [{ suffix: 'sses' }, { suffix: 'ied' }, { suffix: 'ies' }, { suffix: 's' }, { suffix: 'us' }, { suffix: 'ss' }]);
  if (found === undefined) return word;
  const stem = word.slice(0, -found.suffix.length);
  switch (found.suffix) {
    case 'sses':
      return `${stem}ss`;
    case 'ied':
    case 'ies':
      return stem.length >= 2 ? `${stem}i` : `${stem}ie`;
    case 's':
      // Deleted when a vowel comes before the letter just before the s: gaps → gap, gas stays.
      return [...stem.slice(0, -1)].some(isVowel) ? stem : word;
    default:
      return word; // -us, -ss
  }
}

function step1b(word: string, p1: number): string {
  const found = longestSuffix(word, [{ suffix: 'eed' }, { suffix: 'eedly' }, { suffix: 'ed' }, { suffix: 'edly' }, { suffix: 'ing' }, { suffix: 'ingly' }]);
  if (found === undefined) return word;
  const start = word.length - found.suffix.length;
  const stem = word.slice(0, start);
  if (found.suffix === 'eed' || found.suffix === 'eedly') {
    if (start < p1 || stem === 'proc' || stem === 'exc' || stem === 'succ') return word;
    return `${stem}ee`;
  }
  if (found.suffix === 'ing') {
    // dying → die, lying → lie; inning, outing, canning, herring, earring and evening stay.
    if (stem.length === 2 && stem[1] === 'y' && !isVowel(stem[0])) return `${stem[0]}ie`;
    if (['inn', 'out', 'cann', 'herr', 'earr', 'even'].includes(stem)) return word;
  }
  if (![...stem].some(isVowel)) return word;
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`;
  if (DOUBLES.some((double) => stem.endsWith(double))) {
    // add, ebb, odd keep their double letter.
    return stem.length === 3 && 'aeo'.includes(stem[0]!) ? stem : stem.slice(0, -1);
  }
  return start === p1 && endsShort(stem) ? `${stem}e` : stem;
}

function step1c(word: string): string {
  const n = word.length;
  if (n >= 3 && (word[n - 1] === 'y' || word[n - 1] === 'Y') && !isVowel(word[n - 2])) return `${word.slice(0, -1)}i`;
  return word;
}

function step2(word: string, p1: number): string {
  const found = longestSuffix(word, STEP_2);
  if (found === undefined || word.length - found.suffix.length < p1) return word;
  return found.apply(word.slice(0, -found.suffix.length)) ?? word;
}

function step3(word: string, p1: number, p2: number): string {
  const found = longestSuffix(word, [
    to('tional', 'tion'),
    to('ational', 'ate'),
    to('alize', 'al'),
    to('icate', 'ic'),
    to('iciti', 'ic'),
    to('ical', 'ic'),
    to('ful', ''),
    to('ness', ''),
    { suffix: 'ative', apply: () => null },
  ]);
  if (found === undefined) return word;
  const start = word.length - found.suffix.length;
  if (start < p1) return word;
  if (found.suffix === 'ative') return start >= p2 ? word.slice(0, start) : word;
  return found.apply(word.slice(0, start)) ?? word;
}

function step4(word: string, p2: number): string {
  const found = longestSuffix(word, STEP_4);
  if (found === undefined) return word;
  const start = word.length - found.suffix.length;
  if (start < p2) return word;
  if (found.suffix === 'ion' && word[start - 1] !== 's' && word[start - 1] !== 't') return word;
  return word.slice(0, start);
}

function step5(word: string, p1: number, p2: number): string {
  const start = word.length - 1;
  if (word.endsWith('e') && (start >= p2 || (start >= p1 && !endsShort(word.slice(0, start))))) return word.slice(0, start);
  if (word.endsWith('l') && start >= p2 && word[start - 1] === 'l') return word.slice(0, start);
  return word;
}
