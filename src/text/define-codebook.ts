import * as z from 'zod/mini';
import { CxValidationError } from '../core/errors.js';
import { parseWith } from '../core/internal/parse-options.js';
import { indexCodebook } from './internal/codebook-index.js';
import type { TextLanguage } from './internal/tokens.js';

export type { TextLanguage } from './internal/tokens.js';

/** A theme as written: its id, what names it, and the patterns that find it in a comment. */
export interface ThemeDefinition {
  readonly id: string;
  readonly label?: string | undefined;
  /** The id of the theme this one belongs under (a hierarchy: "staff" › "friendliness"). */
  readonly parent?: string | undefined;
  /**
   * Patterns, any of which codes a comment to the theme: a word (matched on its Snowball stem:
   * `jonottaa` meets `jonotin` where Snowball says so), a prefix `jono*` (the start of the word
   * as written, for compounds such as `asiakaspalvelu*`), or a quoted phrase `"ei vastannut"`
   * (consecutive words, each matched as a word or a prefix). A theme with children may have none.
   */
  readonly match?: readonly string[] | undefined;
  /** Patterns that cancel the theme in a comment where any of them is found ("ei jonoa"). */
  readonly exclude?: readonly string[] | undefined;
}

/** What {@link defineCodebook} accepts. */
export interface CodebookDefinition {
  /** The language of the patterns and the comments: words are stemmed by its Snowball stemmer. */
  readonly language: TextLanguage;
  readonly themes: readonly ThemeDefinition[];
}

/**
 * A checked, frozen codebook: the output of {@link defineCodebook}, itself a valid definition
 * with its defaults filled in (a label for every theme, lists for match and exclude).
 */
export interface Codebook extends CodebookDefinition {
  readonly themes: readonly (ThemeDefinition & { readonly label: string; readonly match: readonly string[]; readonly exclude: readonly string[] })[];
}

const codebookSchema = z.strictObject({
  language: z.enum(['fi', 'en']),
  themes: z
    .array(
      z.strictObject({
        id: z.string().check(z.minLength(1)),
        label: z.optional(z.string()),
        parent: z.optional(z.string()),
        match: z.optional(z.array(z.string())),
        exclude: z.optional(z.array(z.string())),
      }),
    )
    .check(z.minLength(1)),
});

/**
 * Checks a codebook of themes and compiles its patterns: ids unique, parents known and
 * without cycles, every theme with a pattern or a child, every pattern with a word in it
 * and `*` only at the end of a word. Comments are read in the codebook's language: cut into
 * words by `Intl.Segmenter`, case-folded and NFC-normalised, each word stemmed by Snowball's
 * Finnish or English stemmer. Nothing is dropped: negations (en, ei, not, no, n't…) are words
 * a phrase can use.
 *
 * @throws {CxValidationError} naming the theme and the pattern of each mistake.
 * @example
 * ```ts
 * const codebook = defineCodebook({
 *   language: 'fi',
 *   themes: [
 *     { id: 'queue', label: 'Jonot', match: ['jono*', 'odottaa'] },
 *     { id: 'no-answer', match: ['"ei vastannut"'] },
 *   ],
 * });
 * codebook.themes[1]?.label; // 'no-answer'
 * codebook.themes[1]?.exclude; // []
 * ```
 */
export function defineCodebook(definition: CodebookDefinition): Codebook {
  const parsed = parseWith(codebookSchema, definition);
  const codebook: Codebook = Object.freeze({
    language: parsed.language,
    themes: Object.freeze(
      parsed.themes.map((theme) =>
        Object.freeze({ id: theme.id, label: theme.label ?? theme.id, ...(theme.parent === undefined ? {} : { parent: theme.parent }), match: Object.freeze([...(theme.match ?? [])]), exclude: Object.freeze([...(theme.exclude ?? [])]) }),
      ),
    ),
  });
  // Compiling the patterns finds their mistakes; the index it builds serves every comment coded with this codebook.
  const issues = indexCodebook(codebook);
  if (issues.length > 0) throw new CxValidationError(issues);
  return codebook;
}
