/**
 * cx-metrics/text: what customers write. Comments coded into themes by a codebook (Snowball
 * stems in Finnish and English, prefixes, phrases, exclusions; negation never dropped), each
 * theme's share and its impact on NPS, CSAT or CES with a test; the words that set two groups
 * apart; and agreement between codings (Cohen's κ, Krippendorff's α). Pure functions, for
 * Node and the browser; nothing here enters `import { nps }`.
 *
 * @packageDocumentation
 */
export { defineCodebook } from './define-codebook.js';
export type { Codebook, CodebookDefinition, TextLanguage, ThemeDefinition } from './define-codebook.js';
export { codeComment } from './code-comment.js';
export type { CodedComment, Span } from './code-comment.js';
export { themeReport } from './theme-report.js';
export type { CesImpact, CsatImpact, NpsImpact, Quote, ThemeImpact, ThemeReport, ThemeReportOptions, ThemeResult, ThemeSummary } from './theme-report.js';
export { distinctiveWords } from './distinctive-words.js';
export type { DistinctiveWord, DistinctiveWords, DistinctiveWordsOptions } from './distinctive-words.js';
export { codingAgreement } from './coding-agreement.js';
export type { CodingAgreement, ThemeAgreement } from './coding-agreement.js';
export { krippendorffAlpha } from './krippendorff-alpha.js';
export type { KrippendorffAlpha, KrippendorffOptions } from './krippendorff-alpha.js';
