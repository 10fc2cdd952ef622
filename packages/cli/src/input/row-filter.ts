import { groupText } from '../../../../src/core/internal/group-keys.js';
import { UsageError } from '../errors.js';
import { keptRows, newLineMap, type ColumnPlan, type Row, type Table } from '../../../../src/read/table.js';

/** A condition on a column's text: `COL=VALUE` or `COL!=VALUE` (`--where`). */
export interface RowCondition {
  readonly column: string;
  /** True for `=`, false for `!=`. */
  readonly equals: boolean;
  readonly value: string;
  /** As given, for messages. */
  readonly text: string;
}

/** `--where 'Status=IP Address'`, `--where 'Finished!=False'`: the column is what comes before the first `=` or `!=`. */
export function parseCondition(text: string): RowCondition {
  const at = text.indexOf('=');
  const negated = at > 0 && text[at - 1] === '!';
  const column = text.slice(0, negated ? at - 1 : at).trim();
  if (at < 0 || column === '') throw new UsageError(`--where takes COLUMN=VALUE or COLUMN!=VALUE, got ${JSON.stringify(text)}`);
  return { column, equals: !negated, value: text.slice(at + 1), text };
}

/**
 * Qualtrics' Status values that are not responses from respondents: previews, test
 * responses and spam, as text labels and as the codes of numeric exports (the codes of
 * Qualtrics' SPSS value labels: 1 Survey Preview, 2 Survey Test, 8 Spam, 9 Survey Preview
 * Spam, 12 Imported Spam, 17 Offline Survey Preview, 40 EX Spam). IP Address (0), Imported
 * (4), Offline (16) and EX responses are responses.
 */
const NOT_RESPONSES = new Set(['survey preview', 'survey test', 'spam', 'survey preview spam', 'imported spam', 'offline survey preview', 'ex spam', '1', '2', '8', '9', '12', '17', '40']);

/** A rule a row must pass: a condition, or Qualtrics' "a real response". */
interface RowRule {
  readonly column: string;
  readonly passes: (text: string) => boolean;
  /** What a left-out row was, for the note: "Status=Survey Test", or the condition. */
  readonly describe: (text: string) => string;
}

/** How rows are chosen: `--where` conditions (all must hold) and whether Qualtrics test responses are left out. */
export interface RowChoice {
  readonly conditions: readonly RowCondition[];
  readonly keepTestResponses: boolean;
}

/**
 * The table with only the rows that pass: `--where` conditions on any column (the cell's
 * text compared as group text: NFC, trimmed), and for a recognised Qualtrics export only real
 * responses unless `keepTestResponses` (15 of 44 rows of a real export were "Survey Test",
 * and 5 of 13 follow-up contacts went to them). Rows left out are counted and `note`d when
 * the rows have been read; row numbers in messages stay those of the file.
 */
export function chooseRows(table: Table, choice: RowChoice, resolve: (column: string) => string, note: (message: string) => void): Table {
  const rules: RowRule[] = choice.conditions.map((condition) => {
    const value = groupText(condition.value);
    return { column: resolve(condition.column), passes: (text) => (groupText(text) === value) === condition.equals, describe: () => `not ${condition.text}` };
  });
  const status = table.columns?.includes('Status') ? 'Status' : undefined;
  if (table.platform === 'qualtrics' && status !== undefined && !choice.keepTestResponses) {
    rules.push({ column: status, passes: (text) => !NOT_RESPONSES.has(groupText(text).toLowerCase()), describe: (text) => `Status ${groupText(text)}` });
  }
  if (rules.length === 0) return table;
  // Kept row k is row lineOf(k) of the file: the same run-length map a reader keeps of lines.
  const kept = newLineMap();

  function rows(plan: readonly ColumnPlan[]): Iterable<Row> | AsyncIterable<Row> {
    const keys = rules.map((_, r) => `\u0000where ${r}`);
    const source = table.rows([...plan, ...rules.map((rule, r): ColumnPlan => ({ name: rule.column, kind: 'text', key: keys[r]! }))]);
    const left = new Map<string, number>();
    let read = 0;
    let passed = 0;
    const pass = (row: Row): boolean => {
      const index = read++;
      for (let r = 0; r < rules.length; r++) {
        const cell = row[keys[r]!];
        const text = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
        if (!rules[r]!.passes(text)) {
          const why = rules[r]!.describe(text);
          left.set(why, (left.get(why) ?? 0) + 1);
          return false;
        }
      }
      kept.note(passed++, index);
      return true;
    };
    const finish = () => {
      if (read === passed) return;
      const reasons = [...left].map(([why, count]) => `${count} ${why}`).join(', ');
      const keep = table.platform === 'qualtrics' && !choice.keepTestResponses && [...left.keys()].some((why) => why.startsWith('Status ')) ? '; --keep-test-responses keeps Qualtrics previews, tests and spam' : '';
      note(`left out ${read - passed} of ${read} rows (${reasons})${keep}`);
    };
    return keptRows(source, pass, finish);
  }

  return { ...table, rows, where: (index) => table.where(kept.lineOf(index)) };
}
