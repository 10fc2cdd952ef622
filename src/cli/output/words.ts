import { keyTexts } from '../../charts/internal/key-texts.js';
import type { DistinctiveWord, DistinctiveWords } from '../../text/distinctive-words.js';
import { fixed } from './format-number.js';
import { csvText, textTable, type CsvStyle, type TextCell } from './text-table.js';

/** The words most characteristic of each group: the `top` with the highest z for the first, the lowest for the second. */
export function wordsTable(result: DistinctiveWords, top: number): string {
  const [a, b] = keyTexts([...result.groups]);
  const line = (word: DistinctiveWord): TextCell[] => [word.form, word.stem, { number: String(word.countA) }, { number: String(word.countB) }, { number: fixed(word.z, 2) }];
  const head: TextCell[] = ['word', 'stem', { number: `in ${a}` }, { number: `in ${b}` }, { number: 'z' }];
  const first = result.words.filter((word) => word.z > 0).slice(0, top);
  const second = result.words.filter((word) => word.z < 0).slice(-top).reverse();
  return [
    `Characteristic of ${a} (${result.comments[0]} comments):`,
    textTable([head, ...first.map(line)]),
    '',
    `Characteristic of ${b} (${result.comments[1]} comments):`,
    textTable([head, ...second.map(line)]),
    '',
    `z: ${result.method}; |z| > 1.96 is about the 5 % level for one word alone.`,
  ].join('\n');
}

/** Every word, sorted by z, with its counts, log-odds ratio and z, full precision. */
export function wordsCsv(result: DistinctiveWords, style: CsvStyle): string {
  return csvText([['stem', 'form', 'count_a', 'count_b', 'log_odds_ratio', 'z'], ...result.words.map((word) => [word.stem, word.form, word.countA, word.countB, word.logOddsRatio, word.z])], style);
}
