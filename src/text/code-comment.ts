import { describeValue, fail } from '../core/errors.js';
import type { FieldReader } from '../core/internal/field-reader.js';
import { logIssue, type IssueLog } from '../core/internal/issue-log.js';
import type { Codebook, CodebookDefinition } from './define-codebook.js';
import { codeText, type Span } from './internal/codebook-index.js';
import { codebookIndex } from './internal/use-codebook.js';

export type { Span } from './internal/codebook-index.js';

/** The themes of one comment, as {@link codeComment} finds them. */
export interface CodedComment {
  /** True for no comment: null, undefined, or only white space. A blank comment is never coded. */
  readonly blank: boolean;
  /** The themes found, in codebook order, each with the spans of the text that matched (`text.slice(start, end)`). */
  readonly themes: readonly { readonly id: string; readonly spans: readonly Span[] }[];
}

/**
 * The text of a comment as a reader finds it in a row: a string as it is, a number or a
 * boolean (a spreadsheet cell) as its text, null and undefined as no comment. Anything else
 * is not a comment.
 */
export function commentText(value: unknown): string | null | { readonly notText: unknown } {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  return { notText: value };
}

/**
 * The comment of a row as text, null for none, or undefined when it is not text (the issue
 * logged, naming the row and the field).
 */
export function rowComment(reader: FieldReader, row: object, r: number, log: IssueLog): string | null | undefined {
  const comment = commentText(reader.read(row, r));
  if (typeof comment !== 'object' || comment === null) return comment;
  logIssue(log, { code: 'invalid_type', path: [r, reader.label], message: `a comment must be text, got ${describeValue(comment.notText)}` });
  return undefined;
}

/** Whether a comment's text is blank: nothing but white space. */
export function isBlank(text: string | null): text is null {
  return text === null || text.trim() === '';
}

/**
 * The themes of one comment, each with the character spans that matched, so that a reader
 * can see why. Words are found as the codebook says (stems, prefixes, phrases, exclusions);
 * a theme under another also finds its parent. The codebook's index is built once per
 * codebook object, however many comments are coded.
 *
 * @throws {CxValidationError} for a codebook {@link defineCodebook} refuses, or a comment
 * that is an object rather than text.
 * @example
 * ```ts
 * const codebook = defineCodebook({ language: 'fi', themes: [{ id: 'queue', match: ['jono*'] }, { id: 'no-answer', match: ['"ei vastannut"'] }] });
 * const coded = codeComment(codebook, 'Jonotin puoli tuntia, eikä kukaan ei vastannut.');
 * coded.themes.map((theme) => theme.id); // ['queue', 'no-answer']
 * coded.themes[0]?.spans[0]; // [0, 7]
 * codeComment(codebook, '   ').blank; // true
 * ```
 */
export function codeComment(codebook: Codebook | CodebookDefinition, text: unknown): CodedComment {
  const index = codebookIndex(codebook);
  const comment = commentText(text);
  if (typeof comment === 'object' && comment !== null) fail('invalid_type', [], `a comment must be text, got ${describeValue(comment.notText)}`);
  if (isBlank(comment)) return { blank: true, themes: [] };
  const found = codeText(index, comment);
  const themes = index.codebook.themes.flatMap((theme, t) => {
    const spans = found.get(t);
    return spans === undefined ? [] : [{ id: theme.id, spans }];
  });
  return { blank: false, themes };
}
