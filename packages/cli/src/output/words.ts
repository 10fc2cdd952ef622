import { keyTexts } from '../../../../src/charts/internal/key-texts.js';
import type { DistinctiveWord, DistinctiveWords } from '../../../../src/text/distinctive-words.js';
import { fixed } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import type { Sheet } from './workbook.js';

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
    ...wordsNotes(result),
  ].join('\n');
}

/** What the word lists say below them: how z is made and read. */
export function wordsNotes(result: DistinctiveWords): string[] {
  return [`z: ${result.method}; |z| > 1.96 is about the 5 % level for one word alone.`];
}

/** Every word, sorted by z, with its counts, log-odds ratio and z, full precision (a sheet, and the CSV). */
export function wordsSheet(result: DistinctiveWords): Sheet {
  const head = ['stem', 'form', 'count_a', 'count_b', 'log_odds_ratio', 'z'];
  return { name: 'Words', head, rows: result.words.map((word) => [word.stem, word.form, word.countA, word.countB, word.logOddsRatio, word.z]), format: (column) => (column === 2 || column === 3 ? 'count' : 'number') };
}
