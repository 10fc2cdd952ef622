import type { ValidationIssue } from '../../core/errors.js';
import type { Codebook } from '../define-codebook.js';
import { tokenizer, type Token, type Tokenizer } from './tokens.js';

/** A part of a pattern: a word matched on its stem, or the start of a word as written. */
type PatternPart = { readonly kind: 'stem'; readonly stem: string } | { readonly kind: 'prefix'; readonly prefix: string };

/** A pattern of a theme, as the index finds it by its first word. */
interface Matcher {
  readonly theme: number;
  readonly parts: readonly PatternPart[];
  readonly exclude: boolean;
}

/** A codebook ready to code comments: its patterns indexed by their first word's stem or first letters. */
export interface CodebookIndex {
  readonly codebook: Codebook;
  readonly tokenizer: Tokenizer;
  readonly byStem: ReadonlyMap<string, readonly Matcher[]>;
  /** Prefix patterns by their first two letters (one for a one-letter prefix). */
  readonly byPrefix: ReadonlyMap<string, readonly Matcher[]>;
  /** Each theme's ancestors, nearest first, as theme indices. */
  readonly ancestors: readonly (readonly number[])[];
}

/** Indexes by the codebook object they were made for: coding a million comments builds one. */
const indexes = new WeakMap<object, CodebookIndex>();

/** The index built for a codebook object, if one was. */
export function knownIndex(codebook: object): CodebookIndex | undefined {
  return indexes.get(codebook);
}

/** Remembers the index of a codebook for another object that stands for it (the definition it came from). */
export function rememberIndex(codebook: object, index: CodebookIndex): void {
  indexes.set(codebook, index);
}

/**
 * Checks a codebook's themes and patterns and, when they are right, builds its index: ids
 * unique, parents known and without cycles, a pattern or a child for every theme, a word in
 * every pattern, `*` only at the end of a word. Returns the mistakes, each naming the theme
 * and the pattern.
 */
export function indexCodebook(codebook: Codebook): ValidationIssue[] {
  const cutter = tokenizer(codebook.language);
  const issues: ValidationIssue[] = [];
  const { themes } = codebook;
  const position = new Map<string, number>();
  themes.forEach((theme, t) => {
    if (position.has(theme.id)) issues.push({ code: 'invalid_option', path: ['themes', t, 'id'], message: `the theme id ${JSON.stringify(theme.id)} is used twice (themes ${position.get(theme.id)} and ${t})` });
    else position.set(theme.id, t);
  });
  const ancestors = themes.map((theme, t) => {
    const chain: number[] = [];
    for (let parent = theme.parent; parent !== undefined; parent = themes[position.get(parent)!]!.parent) {
      const at = position.get(parent);
      if (at === undefined) {
        if (parent === theme.parent) issues.push({ code: 'invalid_option', path: ['themes', t, 'parent'], message: `theme ${JSON.stringify(theme.id)}: no theme has the id ${JSON.stringify(parent)}` });
        break;
      }
      if (at === t || chain.includes(at)) {
        if (at === t) issues.push({ code: 'invalid_option', path: ['themes', t, 'parent'], message: `theme ${JSON.stringify(theme.id)} is its own ancestor` });
        break;
      }
      chain.push(at);
    }
    return chain;
  });
  const byStem = new Map<string, Matcher[]>();
  const byPrefix = new Map<string, Matcher[]>();
  const add = (map: Map<string, Matcher[]>, key: string, matcher: Matcher) => {
    const list = map.get(key);
    if (list === undefined) map.set(key, [matcher]);
    else list.push(matcher);
  };
  themes.forEach((theme, t) => {
    if (theme.match.length === 0 && !themes.some((other) => other.parent === theme.id)) {
      issues.push({ code: 'invalid_option', path: ['themes', t, 'match'], message: `theme ${JSON.stringify(theme.id)} has no pattern and no theme under it: it can never be found` });
    }
    for (const key of ['match', 'exclude'] as const) {
      theme[key].forEach((text, p) => {
        const parts = compilePattern(text, cutter);
        if (typeof parts === 'string') {
          issues.push({ code: 'invalid_option', path: ['themes', t, key, p], message: `theme ${JSON.stringify(theme.id)}, pattern ${JSON.stringify(text)}: ${parts}` });
          return;
        }
        const first = parts[0]!;
        const matcher = { theme: t, parts, exclude: key === 'exclude' };
        if (first.kind === 'stem') add(byStem, first.stem, matcher);
        else add(byPrefix, first.prefix.slice(0, 2), matcher);
      });
    }
  });
  if (issues.length === 0) indexes.set(codebook, { codebook, tokenizer: cutter, byStem, byPrefix, ancestors });
  return issues;
}

/** A pattern's parts, cut into words and stemmed exactly as comments are, or why it cannot be one. */
function compilePattern(raw: string, cutter: Tokenizer): PatternPart[] | string {
  const text = raw.trim();
  if (text === '') return 'a pattern cannot be empty';
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  const body = quoted ? text.slice(1, -1).trim() : text;
  if (!quoted && /\s/.test(body)) return 'a pattern of several words is a phrase: write it in double quotes';
  const parts: PatternPart[] = [];
  for (const chunk of body.split(/\s+/)) {
    if (chunk === '') continue;
    const star = chunk.indexOf('*');
    if (star >= 0 && star !== chunk.length - 1) return '"*" can only end a word (jono* matches the words that start with "jono")';
    const words = cutter.tokens(star >= 0 ? chunk.slice(0, -1) : chunk);
    if (star >= 0) {
      if (words.length !== 1) return `a prefix is one word before the "*", got ${words.length === 0 ? 'none' : words.map((word) => word.form).join(' + ')}`;
      parts.push({ kind: 'prefix', prefix: words[0]!.form });
    } else parts.push(...words.map((word): PatternPart => ({ kind: 'stem', stem: word.stem })));
  }
  if (parts.length === 0) return 'a pattern needs a word (it has only punctuation or symbols)';
  return parts;
}

function partMatches(part: PatternPart, token: Token): boolean {
  return part.kind === 'stem' ? token.stem === part.stem : token.form.startsWith(part.prefix);
}

/** Character spans of a theme in a comment: `[start, end)` offsets of the text as given. */
export type Span = readonly [number, number];

/**
 * The themes of one comment: for each theme index found, its spans (sorted, without
 * repeats). A theme is found when one of its patterns matches and none of its exclusions
 * does; a parent is found with any theme under it. One pass over the comment's words.
 */
export function codeText(index: CodebookIndex, text: string): Map<number, Span[]> {
  const tokens = index.tokenizer.tokens(text);
  const spans = new Map<number, Span[]>();
  const excluded = new Set<number>();
  const consider = (matchers: readonly Matcher[] | undefined, i: number) => {
    if (matchers === undefined) return;
    for (const matcher of matchers) {
      const { parts } = matcher;
      if (i + parts.length > tokens.length) continue;
      let k = 0;
      while (k < parts.length && partMatches(parts[k]!, tokens[i + k]!)) k++;
      if (k < parts.length) continue;
      if (matcher.exclude) excluded.add(matcher.theme);
      else {
        const list = spans.get(matcher.theme);
        const span: Span = [tokens[i]!.start, tokens[i + parts.length - 1]!.end];
        if (list === undefined) spans.set(matcher.theme, [span]);
        else list.push(span);
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    consider(index.byStem.get(token.stem), i);
    const two = token.form.slice(0, 2);
    consider(index.byPrefix.get(two), i);
    if (two.length === 2) consider(index.byPrefix.get(two[0]!), i);
  }
  for (const theme of excluded) spans.delete(theme);
  if (spans.size === 0) return spans;
  // A theme under another makes its parent (and theirs) found, with its spans.
  for (const [theme, found] of [...spans]) {
    for (const ancestor of index.ancestors[theme]!) spans.set(ancestor, [...(spans.get(ancestor) ?? []), ...found]);
  }
  for (const [theme, found] of spans) if (found.length > 1) spans.set(theme, tidy(found));
  return spans;
}

/** Spans in order, each once. */
function tidy(spans: readonly Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return sorted.filter((span, s) => s === 0 || span[0] !== sorted[s - 1]![0] || span[1] !== sorted[s - 1]![1]);
}
