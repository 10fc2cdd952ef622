import * as z from 'zod/mini';
import { describeValue, fail } from '../core/errors.js';
import { fieldReader, type Field } from '../core/internal/field-reader.js';
import { groupText } from '../core/internal/group-keys.js';
import { logIssue, newIssueLog, throwIfIssues } from '../core/internal/issue-log.js';
import { parseWith } from '../core/internal/parse-options.js';
import { readFailure } from '../core/internal/read-failure.js';
import { checkFieldExists } from '../core/internal/row-answers.js';
import { fieldSchema } from '../common/metric-specs.js';
import { checkRowArray } from '../common/row-pass.js';
import { isBlank, rowComment } from './code-comment.js';
import { tokenizer, type TextLanguage } from './internal/tokens.js';

/** Options of {@link distinctiveWords}. */
export interface DistinctiveWordsOptions<Row> {
  /** The comment of each row. */
  readonly text: Field<Row>;
  /** Which of the two groups a row is in (null or undefined: in neither, left out). */
  readonly compare: Field<Row>;
  /** The comments' language: words are compared by their Snowball stems. */
  readonly language: TextLanguage;
  /** The two groups, first and second (default: the two values of `compare`, in the order they appear). */
  readonly groups?: readonly [unknown, unknown] | undefined;
  /** Leave out stems seen fewer times than this in both groups together (default 1). */
  readonly minCount?: number | undefined;
}

/** A stem and how characteristic it is of the first group against the second. */
export interface DistinctiveWord {
  readonly stem: string;
  /** The form (lower case) the stem was written in most often. */
  readonly form: string;
  /** Times it occurs in the first group's comments, and in the second's. */
  readonly countA: number;
  readonly countB: number;
  /** δ: the log-odds ratio of the word, first group against second, with the prior added. */
  readonly logOddsRatio: number;
  /** δ / √(1/(y_A + α) + 1/(y_B + α)): above 0 the word is characteristic of the first group, below of the second. */
  readonly z: number;
}

/** The result of {@link distinctiveWords}. */
export interface DistinctiveWords {
  /** The first and the second group. */
  readonly groups: readonly [unknown, unknown];
  /** Comments (not blank) in each group, and words in each. */
  readonly comments: readonly [number, number];
  readonly words: readonly DistinctiveWord[];
  /** Rows in neither group, or with a blank comment. */
  readonly leftOut: number;
  /** What was computed, in words. */
  readonly method: string;
}

const optionsSchema = z.strictObject({
  text: fieldSchema,
  compare: fieldSchema,
  language: z.enum(['fi', 'en']),
  groups: z.optional(z.tuple([z.unknown(), z.unknown()])),
  minCount: z.optional(z.int().check(z.gte(1))),
});

/**
 * The words most characteristic of one group of comments against another — detractors
 * against promoters, one store against the rest — by the weighted log-odds ratio with an
 * informative Dirichlet prior of Monroe, Colaresi & Quinn (2008, "Fightin' Words", eq. 16–22):
 * the two groups are compared with each other (not each with the pooled counts, as tidylo's
 * `bind_log_odds` does), and the prior of a word is its count in both groups together (α_w =
 * y_w, α₀ = n, tidylo's empirical-Bayes choice). For a word with counts y_A and y_B in groups
 * of n_A and n_B words,
 * δ = ln((y_A + α)/(n_A + α₀ − y_A − α)) − ln((y_B + α)/(n_B + α₀ − y_B − α)) and
 * z = δ / √(1/(y_A + α) + 1/(y_B + α)). Words are stems (Snowball), each with the form it was
 * written in most often; nothing is dropped (negations included). Sorted by z, most
 * characteristic of the first group first.
 *
 * @throws {CxValidationError} when `compare` has more than two values (or fewer than two),
 * for a comment that is not text, a field no row has, or bad options.
 * @example
 * ```ts
 * const rows = [
 *   { text: 'slow slow service', group: 'detractor' },
 *   { text: 'slow delivery', group: 'detractor' },
 *   { text: 'friendly service', group: 'promoter' },
 *   { text: 'friendly and fast', group: 'promoter' },
 * ];
 * const result = distinctiveWords(rows, { text: 'text', compare: 'group', language: 'en' });
 * result.groups; // ['detractor', 'promoter']
 * result.words[0]?.stem; // 'slow'
 * result.words.at(-1)?.stem; // 'friend'
 * ```
 */
export function distinctiveWords<Row extends object>(rows: readonly Row[], options: DistinctiveWordsOptions<Row>): DistinctiveWords {
  const parsed = parseWith(optionsSchema, options);
  checkRowArray(rows);
  const text = fieldReader(options.text, 'text');
  const compare = fieldReader(options.compare, 'compare');
  checkFieldExists(rows, text, ['text']);
  checkFieldExists(rows, compare, ['compare']);
  const cutter = tokenizer(parsed.language);
  const log = newIssueLog();
  // The two groups by their values compared as group keys (text normalised).
  const key = (value: unknown) => (typeof value === 'string' ? groupText(value) : value);
  const groups: unknown[] = parsed.groups === undefined ? [] : parsed.groups.map((value) => value);
  const groupKeys = groups.map(key);
  if (groupKeys.length === 2 && Object.is(groupKeys[0], groupKeys[1])) fail('invalid_option', ['groups'], 'the two groups must differ');
  const counts = [new Map<string, number>(), new Map<string, number>()];
  const forms = new Map<string, Map<string, number>>();
  const totals = [0, 0];
  const comments: [number, number] = [0, 0];
  let leftOut = 0;
  let r = 0;
  try {
    for (; r < rows.length; r++) {
      const row = rows[r]!;
      const value = compare.read(row, r);
      if (value === null || value === undefined) {
        leftOut++;
        continue;
      }
      let g = groupKeys.findIndex((known) => Object.is(known, key(value)));
      if (g < 0) {
        if (parsed.groups !== undefined) {
          leftOut++;
          continue;
        }
        if (groups.length === 2) {
          logIssue(log, { code: 'invalid_option', path: [r, compare.label], message: `a third group ${describeValue(value)}: compare takes two (${groups.map(describeValue).join(' and ')}); give groups: [a, b] to choose` });
          continue;
        }
        g = groups.push(value) - 1;
        groupKeys.push(key(value));
      }
      const comment = rowComment(text, row, r, log);
      if (comment === undefined) continue;
      if (isBlank(comment)) {
        leftOut++;
        continue;
      }
      comments[g]!++;
      for (const token of cutter.tokens(comment)) {
        totals[g]!++;
        counts[g]!.set(token.stem, (counts[g]!.get(token.stem) ?? 0) + 1);
        const seen = forms.get(token.stem) ?? new Map<string, number>();
        seen.set(token.form, (seen.get(token.form) ?? 0) + 1);
        forms.set(token.stem, seen);
      }
    }
  } catch (error) {
    throw readFailure(error, rows[r], r, [text, compare]);
  }
  throwIfIssues(log);
  if (groups.length < 2) fail('invalid_option', ['compare'], `compare must give two groups; the rows give ${groups.length === 0 ? 'none' : `only ${describeValue(groups[0])}`}`);
  const [nA, nB] = totals as [number, number];
  const prior = nA + nB;
  const minCount = parsed.minCount ?? 1;
  const words: DistinctiveWord[] = [];
  for (const [stem, seen] of forms) {
    const countA = counts[0]!.get(stem) ?? 0;
    const countB = counts[1]!.get(stem) ?? 0;
    if (countA + countB < minCount) continue;
    const alpha = countA + countB;
    const logOddsRatio = Math.log((countA + alpha) / (nA + prior - countA - alpha)) - Math.log((countB + alpha) / (nB + prior - countB - alpha));
    const z = logOddsRatio / Math.sqrt(1 / (countA + alpha) + 1 / (countB + alpha));
    words.push({ stem, form: mostFrequent(seen), countA, countB, logOddsRatio, z });
  }
  words.sort((a, b) => b.z - a.z || (a.stem < b.stem ? -1 : a.stem > b.stem ? 1 : 0));
  return {
    groups: [groups[0], groups[1]],
    comments,
    words,
    leftOut,
    method: 'log-odds ratio of the first group against the second with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), the prior of a word its count in both groups',
  };
}

/** The form seen most often (the first seen among equals). */
function mostFrequent(seen: ReadonlyMap<string, number>): string {
  let best = '';
  let most = 0;
  for (const [form, count] of seen) {
    if (count > most) [best, most] = [form, count];
  }
  return best;
}
