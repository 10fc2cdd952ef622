import type { ComplementaryRule, SuppressionOptions } from '../../../../src/common/suppression.js';
import { isSet, single, type FlagGroup, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';

const RULES: readonly ComplementaryRule[] = ['glint', 'strict', 'none'];

/** The flags that hide small groups, shared by every command whose results are per group. */
export const SUPPRESSION_FLAGS: FlagGroup = {
  heading: 'Small groups',
  flags: [
    { name: 'min-n', value: 'N', help: 'hide a group\'s figures when fewer than N respondents answered (people, not weights)' },
    { name: 'min-n-comments', value: 'N', help: 'hide comments and quotes of a group of fewer than N respondents (default: --min-n)' },
    { name: 'complementary', value: 'RULE', help: 'also hide the next-smallest group so a hidden one cannot be worked out by subtraction: glint (default: while the hidden hold one person), strict (until they hold N), none' },
    { name: 'show-counts', help: 'keep the counts of hidden groups (their figures stay hidden)' },
  ],
};

/** What `cx-metrics report` hides when not told otherwise: Viva Glint's thresholds. */
export const REPORT_SUPPRESSION = { minN: 5, minNComments: 10 } as const;

/**
 * The suppression options of the command line, checked: whole numbers from 1, comments not
 * below scores. `defaults` (the report's) apply when `--min-n` is not given; `--min-n 1`
 * hides nothing. Returns `{}` when nothing is to be hidden.
 * @throws {UsageError} for a count that is not a whole number from 1, or a flag without `--min-n`.
 */
export function suppressionFlags(args: ParsedArgs, defaults?: { readonly minN: number; readonly minNComments: number }): SuppressionOptions {
  const minN = count(args, 'min-n');
  const minNComments = count(args, 'min-n-comments');
  const complementary = single(args, 'complementary');
  if (complementary !== undefined && !(RULES as readonly string[]).includes(complementary)) throw new UsageError(`--complementary takes ${RULES.join(', ')}, got ${JSON.stringify(complementary)}`);
  const showCounts = isSet(args, 'show-counts');
  const base = minN !== undefined ? { minN } : defaults;
  if (base === undefined) {
    const stray = ['min-n-comments', 'complementary', 'show-counts'].find((name) => isSet(args, name));
    if (stray !== undefined) throw new UsageError(`--${stray} goes with --min-n N`);
    return {};
  }
  const comments = minNComments ?? (minN === undefined ? defaults!.minNComments : minN);
  if (base.minN === 1 && comments === 1) return {};
  if (comments < base.minN) throw new UsageError(`--min-n-comments ${comments} is below --min-n ${base.minN}: comments say more about a person than a score`);
  return { minN: base.minN, minNComments: comments, ...(complementary === undefined ? {} : { complementary: complementary as ComplementaryRule }), ...(showCounts ? { showCounts } : {}) };
}

function count(args: ParsedArgs, name: string): number | undefined {
  const text = single(args, name);
  if (text === undefined) return undefined;
  if (!/^\s*\d+\s*$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) throw new UsageError(`--${name} takes a whole number of respondents from 1, got ${JSON.stringify(text)}`);
  return Number(text);
}
