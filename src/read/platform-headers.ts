import type { Table } from './table.js';

/**
 * Survey platforms put more than column names above the data. Recognised from the first
 * records of a file (or forced with --header-rows):
 * - Qualtrics: three rows — column ids (Q1, Q2_NPS_GROUP…), the question texts, and one
 *   `{"ImportId":"QID1"}` per column (the 2017 "Insights" exports write it
 *   `{'ImportId': 'QID1'}`); the legacy layout has two — `V1…V10` and the question ids, then
 *   ResponseID…Finished and the question texts;
 * - SurveyMonkey: two rows — the question text over the first column of each question (the
 *   others blank), then "Response", "Open-Ended Response" or the option or row label per
 *   column; identified by its "Respondent ID" and "Collector ID" columns (older exports: a
 *   "RespondentID" column over a second row with "Response" in it).
 * Google Forms and plain exports have one header row: the names are the questions.
 */

/** The header of a file: how many rows, the column names and, where the file has them, question texts. */
export interface Header {
  readonly rows: number;
  readonly names: readonly string[];
  readonly questions: readonly string[] | null;
  /** The second header row's label of each column (a matrix row, a choice) where the first names only the question; else null. */
  readonly labels: readonly string[] | null;
  readonly platform: 'qualtrics' | 'surveymonkey' | null;
  /** Per column, the time zone a Qualtrics export states its dates are in ("Z" or an IANA name); null where none is stated. */
  readonly zones: readonly (string | null)[] | null;
  /** Per column, the question's id in a Qualtrics export (its third row: `{"ImportId":"QID4"}`); null where none is given. */
  readonly importIds: readonly (string | null)[] | null;
  /** What the user should know about the header (forced header rows that look like answers). */
  readonly notes: readonly string[];
}

/** What a table says of its header, as the {@link Table} fields of the same meaning. */
export function headerFields(header: Header): Pick<Table, 'importIds' | 'timeZones' | 'columns' | 'questions' | 'labels' | 'notes' | 'platform' | 'headerRows'> {
  return {
    importIds: header.importIds,
    timeZones: header.zones,
    columns: header.names,
    questions: header.questions,
    labels: header.labels,
    notes: header.notes,
    platform: header.platform,
    headerRows: header.rows,
  };
}

const IMPORT_ID = /^\{\s*["']ImportId["']\s*:/;
/** Qualtrics' legacy export: V1 to V10 are ResponseID … Finished, named in the second row. */
const LEGACY_IDS = ['V1', 'V2', 'V3', 'V4', 'V5'];

/**
 * The header of a file from its first records (up to three, or as many as `forcedRows`);
 * `forcedRows` overrides detection. Forced header rows that look like answers are noted:
 * a row of responses read as a header is lost without a word otherwise.
 */
export function readHeader(records: readonly (readonly string[])[], forcedRows: number | undefined): Header {
  const [first = [], second = [], third = []] = records;
  const names = first.map((name) => name.trim());
  const qualtrics = isImportIdRow(third);
  if (forcedRows !== undefined) {
    const notes = dataLikeRows(records.slice(0, forcedRows), forcedRows);
    if (forcedRows === 3 && qualtrics) return { ...qualtricsHeader(names, second, third), notes };
    // Question text over the first column of each question, the others blank (SurveyMonkey's way): each column named by its question and label.
    if (forcedRows >= 2 && names.some((name) => name === '')) return { ...filledForward(first, second, null), notes };
    return { rows: forcedRows, names, questions: forcedRows >= 2 ? second.map((text) => text.trim()) : null, labels: null, platform: null, zones: null, importIds: null, notes };
  }
  if (qualtrics) return { ...qualtricsHeader(names, second, third), notes: [] };
  if (LEGACY_IDS.every((id, i) => names[i] === id) && second.some((cell) => cell.trim() === 'ResponseID')) return { ...legacyHeader(names, second), notes: [] };
  if (isSurveyMonkey(names, second) && records.length >= 2) return { ...filledForward(first, second, 'surveymonkey'), notes: [] };
  return { rows: 1, names, questions: null, labels: null, platform: null, zones: null, importIds: null, notes: [] };
}

/**
 * SurveyMonkey's two header rows: its "Respondent ID" and "Collector ID" columns, or in older
 * exports (fivethirtyeight's Star Wars survey) a "RespondentID" column over a second row of
 * "Response" and option or row labels.
 */
function isSurveyMonkey(names: readonly string[], second: readonly string[]): boolean {
  if (names.includes('Respondent ID') && names.includes('Collector ID')) return true;
  return names.includes('RespondentID') && second.some((cell) => PLAIN_ANSWER.has(cell.trim().toLowerCase()) && cell.trim() !== '');
}

/** Qualtrics' third header row: one `{"ImportId":…}` per column (blank for a few). */
function isImportIdRow(row: readonly string[]): boolean {
  const filled = row.filter((cell) => cell.trim() !== '');
  return filled.length > 0 && filled.filter((cell) => IMPORT_ID.test(cell.trim())).length * 2 >= filled.length;
}

function qualtricsHeader(names: readonly string[], second: readonly string[], third: readonly string[]): Omit<Header, 'notes'> {
  const stated = third.map(importCell);
  return { rows: 3, names, questions: second.map((text) => text.trim()), labels: null, platform: 'qualtrics', zones: stated.map((cell) => cell.timeZone), importIds: stated.map((cell) => cell.importId) };
}

/**
 * Qualtrics' legacy layout: the V columns (V1 … V10) are named by the second row (ResponseID,
 * Status, StartDate, Finished…), the questions keep their ids (Q1, Q2_1) with the second
 * row as their question texts.
 */
function legacyHeader(first: readonly string[], second: readonly string[]): Omit<Header, 'notes'> {
  const names = first.map((id, i) => (/^V\d+$/.test(id) && (second[i] ?? '').trim() !== '' ? second[i]!.trim() : id));
  return { rows: 2, names, questions: second.map((text) => text.trim()), labels: null, platform: 'qualtrics', zones: null, importIds: first.map((id) => id) };
}

/** The id and the zone of `{"ImportId":"startDate","timeZone":"America/Denver"}` (or Insights' single-quoted form), each null when not given. */
function importCell(cell: string): { importId: string | null; timeZone: string | null } {
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  if (!IMPORT_ID.test(cell.trim())) return { importId: null, timeZone: null };
  try {
    const json = cell.trim().startsWith("{'") ? cell.replace(/'/g, '"') : cell;
    const parsed = JSON.parse(json) as { ImportId?: unknown; timeZone?: unknown };
    return { importId: text(parsed.ImportId), timeZone: text(parsed.timeZone) };
  } catch {
    return { importId: null, timeZone: null };
  }
}

/** Labels in SurveyMonkey's second row that say "the answer itself", not a sub-item. */
const PLAIN_ANSWER = new Set(['', 'response', 'open-ended response']);

/** Two header rows with each question over the first of its columns: "question - label" per column. */
function filledForward(first: readonly string[], second: readonly string[], platform: 'surveymonkey' | null): Omit<Header, 'notes'> {
  const questions: string[] = [];
  const names: string[] = [];
  const labels: string[] = [];
  let question = '';
  first.forEach((raw, i) => {
    const cell = raw.trim();
    if (cell !== '') question = cell;
    const label = (second[i] ?? '').trim();
    questions.push(question);
    labels.push(label);
    // A question's answer column keeps its text as the name; a sub-item (a row label, a choice) adds its label.
    names.push(PLAIN_ANSWER.has(label.toLowerCase()) ? question : `${question} - ${label}`);
  });
  return { rows: 2, names, questions, labels, platform, zones: null, importIds: null };
}

const NUMBER_CELL = /^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)$/;

/**
 * Forced header rows below the first that look like responses: most of their filled cells
 * are numbers where the first row names the column with text. A Google Forms file read with
 * `--header-rows 2` lost its first response this way.
 */
function dataLikeRows(rows: readonly (readonly string[])[], forced: number): string[] {
  const [first = []] = rows;
  const notes: string[] = [];
  rows.slice(1).forEach((row, r) => {
    const filled = row.filter((cell) => cell.trim() !== '');
    const numbers = row.filter((cell, c) => NUMBER_CELL.test(cell.trim()) && (first[c] ?? '').trim() !== '' && !NUMBER_CELL.test((first[c] ?? '').trim()));
    if (numbers.length >= 2 && numbers.length * 2 >= filled.length) {
      notes.push(`warning: --header-rows ${forced} reads row ${r + 2} as a header, but it looks like a response (${numbers.length} of its ${filled.length} filled cells are numbers under named columns): it is not counted`);
    }
  });
  return notes;
}

/** A name given to two columns would hide one of them (unnamed columns are fine: nobody can ask for them). */
export function duplicateName(names: readonly string[]): string | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === '') continue;
    const first = seen.get(name);
    if (first !== undefined) return `the header names column ${JSON.stringify(name)} twice (columns ${first + 1} and ${i + 1})`;
    seen.set(name, i);
  }
  return null;
}

/**
 * The delimiter of a CSV file from its first line: whichever of comma, semicolon and tab
 * occurs most often outside quotes (comma when none does).
 */
export function sniffDelimiter(firstBytes: Uint8Array): number {
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
