#!/usr/bin/env node
/**
 * The `cx-metrics` command line, for analysts:
 *
 *   cx-metrics summarize FILE [--by COL]... [--nps COL] [--csat COL] [--ces COL]
 *                        [--na CODES] [--weight COL] [--skip-invalid]
 *                        [--input csv|json|ndjson] [--format table|json|csv]
 *
 * Reads CSV (header line, quoted fields), NDJSON or a JSON array, all streamed a row at a
 * time, so files larger than memory work. Problems are one line on stderr and a non-zero exit:
 * 1 for bad data, 2 for a wrong command.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { summarizeStream, type SummarizeOptions } from '../analysis/summarize.js';
import { CxValidationError } from '../core/errors.js';
import { InputError, formatOf, readRows } from './read-rows.js';
import { renderCsv, renderTable } from './render.js';

const USAGE = `usage: cx-metrics summarize FILE [--by COL]... [--nps COL] [--csat COL] [--ces COL]
                            [--na CODES] [--weight COL] [--skip-invalid]
                            [--input csv|json|ndjson] [--format table|json|csv]

  --nps, --csat, --ces  the column of each metric (0–10, 1–5, 1–7); at least one
  --by COL              group by a column (repeat for several)
  --na CODES            codes that mean "not applicable", e.g. 0 or 0,99
  --weight COL          a column of respondent weights
  --skip-invalid        count invalid answers instead of stopping at them
  --format              table (default), json (the library's result objects) or csv`;

class UsageError extends Error {}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}

/** "row 12, column "Seat comfort": 6 is outside the scale 1–5 (and 3 more)". */
function describeValidation(error: CxValidationError): string {
  const [issue] = error.issues;
  if (issue === undefined) return error.message;
  const [first, second] = issue.path;
  const where = typeof first === 'number' ? `row ${first + 1}${second !== undefined ? `, column ${JSON.stringify(second)}` : ''}` : `option ${issue.path.join('.')}`;
  const more = error.issueCount > 1 ? ` (and ${error.issueCount - 1} more)` : '';
  return `${where}: ${issue.message}${more}`;
}

async function summarizeCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      by: { type: 'string', multiple: true },
      nps: { type: 'string' },
      csat: { type: 'string' },
      ces: { type: 'string' },
      na: { type: 'string' },
      weight: { type: 'string' },
      'skip-invalid': { type: 'boolean' },
      input: { type: 'string' },
      format: { type: 'string', default: 'table' },
    },
  });
  const [file, extra] = positionals;
  if (file === undefined || extra !== undefined) throw new UsageError('summarize takes one FILE');
  if (values.nps === undefined && values.csat === undefined && values.ces === undefined) throw new UsageError('give at least one of --nps, --csat and --ces');
  if (!['table', 'json', 'csv'].includes(values.format!)) throw new UsageError(`unknown --format "${values.format}" (table, json or csv)`);
  const notApplicable = values.na === undefined ? undefined : values.na.split(',').map((code) => {
    const number = Number(code.trim());
    if (code.trim() === '' || !Number.isFinite(number)) throw new UsageError(`--na takes numbers separated by commas, got "${values.na}"`);
    return number;
  });
  const metric = (column: string | undefined) => (column === undefined ? undefined : { field: column, ...(notApplicable ? { notApplicable } : {}) });
  const by = values.by ?? [];
  const options: SummarizeOptions<Record<string, unknown>> = {
    ...(values.nps !== undefined ? { nps: metric(values.nps) } : {}),
    ...(values.csat !== undefined ? { csat: metric(values.csat) } : {}),
    ...(values.ces !== undefined ? { ces: metric(values.ces) } : {}),
    ...(by.length === 1 ? { by: by[0] } : by.length > 1 ? { by } : {}),
    ...(values.weight !== undefined ? { weight: values.weight } : {}),
    ...(values['skip-invalid'] ? { invalid: 'skip' as const } : {}),
  };
  const wanted = [values.nps, values.csat, values.ces, values.weight, ...by].filter((column): column is string => column !== undefined);
  const checkColumns = (columns: readonly string[]) => {
    const missing = wanted.find((column) => !columns.includes(column));
    if (missing !== undefined) throw new InputError(`${file} has no column ${JSON.stringify(missing)} (it has ${columns.join(', ')})`);
  };
  const summary = await summarizeStream(readRows(file, formatOf(file, values.input), checkColumns), options);
  if (values.format === 'json') return JSON.stringify(summary, null, 2);
  const byLabel = by.length > 0 ? by.join(' / ') : 'group';
  return values.format === 'csv' ? renderCsv(summary, byLabel) : renderTable(summary, byLabel);
}

async function main(args: string[]): Promise<number> {
  try {
    const [command, ...rest] = args;
    if (command === '--version' || command === '-v') {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command !== 'summarize') throw new UsageError(`unknown command "${command}"`);
    process.stdout.write(`${await summarizeCommand(rest)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`cx-metrics: ${(error as Error).message}\n${USAGE.split('\n')[0]}\n`);
      return 2;
    }
    const message = error instanceof CxValidationError ? describeValidation(error) : (error as Error).message;
    process.stderr.write(`cx-metrics: ${message}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
