import type { MarginTargets } from '../../../../src/weights/margins.js';
import { rake } from '../../../../src/weights/rake.js';
import type { CalibratedWeights, WeightingReport } from '../../../../src/weights/calibrated-weights.js';
import { readTable } from '../../../../src/read/index.js';
import { isSet, single, type FlagGroup, type ParsedArgs } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import { readTextFile } from '../input/input-path.js';
import type { Row, Table } from '../../../../src/read/table.js';
import { resolveColumn } from './columns.js';
import type { ReportStrings } from '../report/strings/report-strings.js';
import type { NumberStyle } from '../../../../src/charts/internal/options.js';

/** The flags that weight the rows to known margins, shared by the commands whose numbers they change. */
export const RAKE_FLAGS: FlagGroup = {
  heading: 'Weighting',
  flags: [
    { name: 'rake', value: 'FILE', help: 'weight the rows to match the margins in FILE — JSON {"column": {"category": target, …}, …} or a CSV with the columns margin, category, target (counts, or shares that sum to 1); --weight is then the base weight. The weighting report goes to stderr' },
    { name: 'rake-cap', value: 'X', help: 'cap each weight at X times the mean weight (e.g. 5), raking the rest again until both hold' },
  ],
};

/** The margins of `--rake`, their columns resolved in the table; null without the flag. */
export interface RakePlan {
  readonly margins: Readonly<Record<string, MarginTargets>>;
  readonly columns: readonly string[];
  readonly cap: number | undefined;
}

/** Reads `--rake FILE` and `--rake-cap`. */
export async function rakePlan(args: ParsedArgs, table: Table): Promise<RakePlan | null> {
  const file = single(args, 'rake');
  const capText = single(args, 'rake-cap');
  if (file === undefined) {
    if (isSet(args, 'rake-cap')) throw new UsageError('--rake-cap goes with --rake FILE');
    return null;
  }
  const cap = capText === undefined ? undefined : Number(capText);
  if (cap !== undefined && !(Number.isFinite(cap) && cap > 1)) throw new UsageError(`--rake-cap takes a multiple of the mean weight above 1 (e.g. 5), got ${JSON.stringify(capText)}`);
  // JSON by its name or its first character (a process substitution has no name to go by); else CSV.
  const text = readTextFile(file).replace(/^\uFEFF/, '');
  const given = /\.json$/i.test(file) || text.trimStart().startsWith('{') ? jsonMargins(file, text) : await csvMargins(file, text);
  const margins: Record<string, MarginTargets> = {};
  for (const [name, targets] of Object.entries(given)) margins[resolveColumn(table, name)] = targets;
  return { margins, columns: Object.keys(margins), cap };
}

function jsonMargins(file: string, text: string): Record<string, MarginTargets> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message})`);
  }
  const shape = `${file}: --rake takes {"column": {"category": target, …}, …}`;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new InputError(shape);
  for (const [column, targets] of Object.entries(parsed)) {
    if (typeof targets !== 'object' || targets === null || Array.isArray(targets)) throw new InputError(`${shape}; ${JSON.stringify(column)} is not an object of targets`);
    for (const [category, target] of Object.entries(targets)) {
      if (typeof target !== 'number') throw new InputError(`${shape}; the target of ${JSON.stringify(category)} in ${JSON.stringify(column)} is not a number`);
    }
  }
  return parsed as Record<string, MarginTargets>;
}

/** A CSV of margin, category, target — read by the same readers as the data (any delimiter, encoding, decimal comma). */
async function csvMargins(file: string, text: string): Promise<Record<string, MarginTargets>> {
  const table = await readTable(text, { name: file, format: 'csv' });
  const lower = (table.columns ?? []).map((name) => name.trim().toLowerCase());
  const [margin, category, target] = ['margin', 'category', 'target'].map((name) => table.columns![lower.indexOf(name)]);
  if (margin === undefined || category === undefined || target === undefined) throw new InputError(`${file}: a margins CSV has the columns margin, category and target (it has ${(table.columns ?? []).join(', ')})`);
  const margins: Record<string, Record<string, number>> = {};
  let index = 0;
  for await (const row of table.rows([{ name: margin, kind: 'text', key: 'm' }, { name: category, kind: 'text', key: 'c' }, { name: target, kind: 'number', key: 't' }])) {
    const where = `${file}, ${table.where(index++)}`;
    if (typeof row['m'] !== 'string' || typeof row['c'] !== 'string') throw new InputError(`${where}: a margin and a category are needed`);
    if (typeof row['t'] !== 'number') throw new InputError(`${where}: the target is not a number`);
    (margins[row['m']] ??= {})[row['c']] = row['t'];
  }
  return margins;
}

/** Rakes the rows; `weight` (a column) is the base weight. */
export function rakeRows(rows: readonly Row[], plan: RakePlan, weight: string | undefined): CalibratedWeights {
  return rake(rows, { margins: plan.margins, ...(weight === undefined ? {} : { baseWeight: weight }), ...(plan.cap === undefined ? {} : { trim: plan.cap, maxIterations: 1000 }) });
}

/** The weighting report as lines for stderr (and the report's methodology). */
export function weightingLines(report: WeightingReport): string[] {
  const fixed = (value: number, digits = 2) => value.toFixed(digits);
  const lines = [
    `weighted by raking to ${report.margins.length} margin${report.margins.length === 1 ? '' : 's'} in ${report.iterations} iteration${report.iterations === 1 ? '' : 's'}: weights ${fixed(report.min, 3)}–${fixed(report.max, 3)} (mean ${fixed(report.mean, 3)}), design effect ${fixed(report.designEffect)}, efficiency ${fixed(report.efficiency * 100, 1)} %${report.trimmed > 0 ? `, ${report.trimmed} capped` : ''}`,
  ];
  for (const margin of report.margins) {
    lines.push(`  ${margin.field}: ${margin.categories.map((c) => `${c.category} ${c.respondents} row${c.respondents === 1 ? '' : 's'} → ${fixed((c.achieved / report.sumWeights) * 100, 1)} % (target ${fixed((c.target / report.sumWeights) * 100, 1)} %)`).join('; ')}`);
  }
  return lines;
}

/** The weighting in the report's methodology, in its language. */
export function weightingSentence(report: WeightingReport, strings: ReportStrings, style: NumberStyle): string {
  const share = (value: number) => style.percent((value / report.sumWeights) * 100, 1);
  const margins = report.margins.map((margin) => `${margin.field}: ${margin.categories.map((c) => `${c.category} ${share(c.target)}`).join(', ')}`).join('; ');
  return strings.method.weighting(margins, style.fixed(report.iterations, 0), style.fixed(report.min / report.mean, 2), style.fixed(report.max / report.mean, 2), style.fixed(report.designEffect, 2), style.percent(report.efficiency * 100, 1));
}
