/**
 * Survey platforms put more than column names above the data. Recognised from the first
 * records of a file (or forced with --header-rows):
 * - Qualtrics: three rows — column ids (Q1, Q2_NPS_GROUP…), the question texts, and one
 *   `{"ImportId":"QID1"}` per column;
 * - SurveyMonkey: two rows — the question text over the first column of each question (the
 *   others blank), then "Response", "Open-Ended Response" or the option or row label per
 *   column; identified by its "Respondent ID" and "Collector ID" columns.
 * Google Forms and plain exports have one header row: the names are the questions.
 */

/** The header of a file: how many rows, the column names and, where the file has them, question texts. */
export interface Header {
  readonly rows: number;
  readonly names: readonly string[];
  readonly questions: readonly string[] | null;
  readonly platform: 'qualtrics' | 'surveymonkey' | null;
}

const IMPORT_ID = /^\{\s*"ImportId"\s*:/;

/** The header of a file from its first records (up to three); `forcedRows` overrides detection. */
export function readHeader(records: readonly (readonly string[])[], forcedRows: number | undefined): Header {
  const [first = [], second = [], third = []] = records;
  const names = first.map((name) => name.trim());
  if (forcedRows !== undefined) return { rows: forcedRows, names, questions: forcedRows >= 2 ? second.map((text) => text.trim()) : null, platform: null };
  const filled = third.filter((cell) => cell.trim() !== '');
  if (filled.length > 0 && filled.filter((cell) => IMPORT_ID.test(cell.trim())).length * 2 >= filled.length) {
    return { rows: 3, names, questions: second.map((text) => text.trim()), platform: 'qualtrics' };
  }
  if (names.includes('Respondent ID') && names.includes('Collector ID') && records.length >= 2) return surveyMonkey(names, second);
  return { rows: 1, names, questions: null, platform: null };
}

/** Labels in SurveyMonkey's second row that say "the answer itself", not a sub-item. */
const PLAIN_ANSWER = new Set(['', 'response', 'open-ended response']);

function surveyMonkey(first: readonly string[], second: readonly string[]): Header {
  const questions: string[] = [];
  const names: string[] = [];
  let question = '';
  first.forEach((cell, i) => {
    if (cell !== '') question = cell;
    const label = (second[i] ?? '').trim();
    questions.push(question);
    // One column per question keeps its text as the name; a sub-item adds its label.
    names.push(PLAIN_ANSWER.has(label.toLowerCase()) ? question : `${question} - ${label}`);
  });
  return { rows: 2, names, questions, platform: 'surveymonkey' };
}

/**
 * The delimiter of a CSV file from its first line: whichever of comma, semicolon and tab
 * occurs most often outside quotes (comma when none does).
 */
export function sniffDelimiter(firstBytes: Buffer): number {
  const counts = new Map<number, number>([
    [0x2c, 0],
    [0x3b, 0],
    [0x09, 0],
  ]);
  let quoted = false;
  for (const byte of firstBytes) {
    if (byte === 0x22) quoted = !quoted;
    else if (!quoted && byte === 0x0a) break;
    else if (!quoted && counts.has(byte)) counts.set(byte, counts.get(byte)! + 1);
  }
  let best = 0x2c;
  for (const [byte, count] of counts) if (count > counts.get(best)!) best = byte;
  return best;
}
