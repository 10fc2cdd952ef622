import type { Row, Table } from '../../../../src/read/table.js';

/** What a column's answers look like, and the role the page proposes for it. */
export type ColumnLook = 'nps' | 'csat' | 'ces' | 'date' | 'comments' | 'segment' | 'id' | 'number' | 'empty' | 'text';

export interface ColumnProfile {
  readonly name: string;
  readonly look: ColumnLook;
  /** Cells with a value among those sampled. */
  readonly filled: number;
  readonly distinct: number;
  /** The smallest and largest whole number, when every value is one. */
  readonly range: readonly [number, number] | null;
  /** Up to three values as written, for the user to recognise the column. */
  readonly examples: readonly string[];
}

/** Rows looked at: enough to tell a scale from an id, few enough to answer at once. */
const SAMPLE_ROWS = 5000;
// ISO 8601; D.M.YYYY and M/D/YYYY; Google Forms' "2026/11/02 9:00:00 AM GMT+2".
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$|^\d{1,2}[./]\d{1,2}[./]\d{4}( \d{1,2}:\d{2}(:\d{2})?)?$|^\d{4}\/\d{1,2}\/\d{1,2} \d{1,2}:\d{2}:\d{2}( [AP]M)?( GMT[+-]\d{1,2}(:?\d{2})?)?$/;

/** Profiles each column from the first rows: read as text, so nothing is refused while looking. */
export async function profileColumns(table: Table): Promise<ColumnProfile[]> {
  const names = table.columns ?? [];
  const rows = table.rows(names.map((name) => ({ name, kind: 'text' as const })));
  const sample: Row[] = [];
  if (Symbol.iterator in rows) {
    for (const row of rows) if (sample.push(row) >= SAMPLE_ROWS) break;
  } else for await (const row of rows) if (sample.push(row) >= SAMPLE_ROWS) break;
  return names.map((name) => profileOf(name, sample.map((row) => row[name])));
}

function profileOf(name: string, cells: readonly unknown[]): ColumnProfile {
  const values = cells.filter((cell): cell is string => typeof cell === 'string' && cell.trim() !== '').map((cell) => cell.trim());
  const distinct = new Set(values);
  // Cut by characters, not UTF-16 units: an emoji cut in half would show as a replacement sign.
  const examples = [...distinct].slice(0, 3).map((value) => {
    const characters = [...value];
    return characters.length > 40 ? `${characters.slice(0, 39).join('')}…` : value;
  });
  const base = { name, filled: values.length, distinct: distinct.size, examples };
  if (values.length === 0) return { ...base, look: 'empty', range: null };
  const whole = values.every((value) => /^-?\d+$/.test(value));
  if (whole) {
    const numbers = [...distinct].map(Number);
    const range = [numbers.reduce((a, b) => Math.min(a, b)), numbers.reduce((a, b) => Math.max(a, b))] as const;
    return { ...base, look: scaleLook(range, distinct.size, values.length), range };
  }
  if (values.every((value) => DATE.test(value))) return { ...base, look: 'date', range: null };
  if (values.every((value) => /^-?\d+([.,]\d+)?$/.test(value))) return { ...base, look: 'number', range: null };
  const meanLength = values.reduce((sum, value) => sum + value.length, 0) / values.length;
  if (meanLength > 25 || values.some((value) => value.split(/\s+/).length > 6)) return { ...base, look: 'comments', range: null };
  if (distinct.size <= Math.max(2, Math.min(30, values.length / 5))) return { ...base, look: 'segment', range: null };
  return { ...base, look: distinct.size === values.length ? 'id' : 'text', range: null };
}

/** Whole numbers: a scale by its range (0–10 NPS, 1–5 or 0–5 with 0 for N/A CSAT, 1–7 CES), else an id or a number. */
function scaleLook([min, max]: readonly [number, number], distinct: number, count: number): ColumnLook {
  if (min >= 0 && max <= 10 && max >= 7 && min <= 3 && !(max === 7 && min >= 1)) return 'nps';
  if (min >= 0 && max === 5 && min <= 1) return 'csat';
  if (min >= 1 && max === 7) return 'ces';
  if (distinct === count && count > 20) return 'id';
  if (distinct <= 12) return 'segment';
  return 'number';
}

/**
 * A first set-up from the profile, in the command line's flags: the NPS column, up to four CSAT
 * items (0 as not applicable where a 1–5 column also holds 0), the CES column, the first segment
 * as the groups and the first date column as a monthly trend. The user changes it as they like.
 */
export function proposeSetup(profiles: readonly ColumnProfile[]): Map<string, string[]> {
  const flags = new Map<string, string[]>();
  const of = (look: ColumnLook) => profiles.filter((profile) => profile.look === look);
  const nps = of('nps')[0];
  if (nps !== undefined) flags.set('nps', [nps.name]);
  const csat = of('csat').slice(0, 4);
  if (csat.length > 0) flags.set('csat', csat.map((profile) => profile.name));
  const ces = of('ces')[0];
  if (ces !== undefined) flags.set('ces', [ces.name]);
  if (csat.some((profile) => profile.range?.[0] === 0)) flags.set('na', ['0']);
  const segment = of('segment').find((profile) => profile.distinct >= 2 && profile.distinct <= 12);
  if (segment !== undefined && flags.size > 0) flags.set('by', [segment.name]);
  const date = of('date')[0];
  if (date !== undefined && flags.size > 0) {
    flags.set('at', [date.name]);
    flags.set('period', ['month']);
  }
  return flags;
}
