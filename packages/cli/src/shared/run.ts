import { CxValidationError } from '../../../../src/core/errors.js';
import type { MetricName } from '../../../../src/common/metric-specs.js';
import { InputError, UsageError } from '../errors.js';
import { keptRows, type ColumnPlan, type Row, type Table } from '../../../../src/read/table.js';
import { single, type ParsedArgs } from '../args.js';
import type { MetricColumn, MetricPlan } from './metric-flags.js';
import { describeValidation } from './messages.js';

/** Runs a library call on a table's rows; its validation errors become one line about the file. */
export async function onTable<T>(table: Table, work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CxValidationError) throw new InputError(describeValidation(error, table));
    throw error;
  }
}

/**
 * The columns to read, once each: text columns (groups, stages, ids), date columns and the
 * number columns of the metrics and the weight. A column asked for as two kinds is refused.
 */
export function columnPlan(text: readonly string[], dates: readonly string[], numbers: readonly string[]): ColumnPlan[] {
  const plan = new Map<string, ColumnPlan>();
  const add = (name: string, kind: ColumnPlan['kind']) => {
    const before = plan.get(name);
    if (before !== undefined && before.kind !== kind) throw new UsageError(`the column ${JSON.stringify(name)} cannot be both ${describe(before.kind)} and ${describe(kind)}`);
    plan.set(name, { name, kind });
  };
  text.forEach((name) => add(name, 'text'));
  dates.forEach((name) => add(name, 'date'));
  numbers.forEach((name) => add(name, 'number'));
  return [...plan.values()];
}

function describe(kind: ColumnPlan['kind']): string {
  return kind === 'text' ? 'a group (text)' : kind === 'date' ? 'a date' : 'answers (numbers)';
}

/** Every row of a table in memory (only the planned columns), for analyses that take an array. */
export async function allRows(table: Table, plan: readonly ColumnPlan[]): Promise<Row[]> {
  const rows = table.rows(plan);
  const out: Row[] = [];
  if (Symbol.iterator in rows) for (const row of rows) out.push(row);
  else for await (const row of rows) out.push(row);
  if (out.length === 0) throw noRows(table);
  return out;
}

/** A file with a header and no rows is said to be one, not printed as an empty result. */
export function noRows(table: Table): InputError {
  return new InputError(`${table.file} has no rows${table.columns === null ? '' : ' below its header'}`);
}

/** The library options of the metric columns: one spec per metric, or a list where a metric has several. */
export function metricSpecs(plan: MetricPlan): Partial<Record<MetricName, unknown>> {
  const specs: Partial<Record<MetricName, unknown>> = {};
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    const columns = plan.columns.filter((column) => column.metric === metric);
    if (columns.length === 1) specs[metric] = columns[0]!.spec;
    else if (columns.length > 1) specs[metric] = columns.map((column) => column.spec);
  }
  return specs;
}

/** The metric column of an item of the results: a named field, or the one column of its metric. */
export function columnOfItem(plan: MetricPlan, item: { readonly metric: MetricName; readonly field: string | null }): string {
  return item.field ?? plan.columns.find((column: MetricColumn) => column.metric === item.metric)!.column;
}

/** Groups a command makes by default before it stops: each costs a few kilobytes, and a million took 3.7 GB. */
export const DEFAULT_MAX_GROUPS = 100_000;

/** The flag that raises the limit. */
export const MAX_GROUPS_FLAG = { name: 'max-groups', value: 'N', help: `stop when --by makes more groups than this (default ${DEFAULT_MAX_GROUPS}: an id column by mistake)` } as const;

/** The --max-groups flag as a number. */
export function maxGroups(args: ParsedArgs): number {
  const text = single(args, 'max-groups');
  if (text === undefined) return DEFAULT_MAX_GROUPS;
  if (!/^[1-9]\d*$/.test(text)) throw new UsageError(`--max-groups takes a whole number from 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

/**
 * The table with a limit on the distinct values of its group columns: one past `max` stops
 * the command naming the row, before memory runs out (grouping by an id column makes one
 * group per row). Values are counted as read, a little before the library merges look-alike
 * text, so the limit is never passed.
 */
export function limitGroups(table: Table, by: readonly string[], max: number): Table {
  if (by.length === 0) return table;
  function rows(plan: readonly ColumnPlan[]) {
    const seen = new Set<unknown>();
    let index = 0;
    const keep = (row: Row) => {
      const key = by.length === 1 ? row[by[0]!] : JSON.stringify(by.map((column) => row[column] ?? null));
      if (!seen.has(key)) {
        seen.add(key);
        if (seen.size > max) throw new InputError(`${table.file}, ${table.where(index)}: --by ${by.join(', ')} makes more than ${max} groups (is it an id column?); --max-groups N allows more`);
      }
      index++;
      return true;
    };
    return keptRows(table.rows(plan), keep, () => undefined);
  }
  return { ...table, rows };
}
