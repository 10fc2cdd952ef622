/**
 * --format xlsx --out FILE.xlsx and --out FILE: workbooks read back by two independent readers
 * — read-excel-file for the values, and Python's openpyxl (Debian's python3-openpyxl) for the
 * number formats, the frozen header and the column widths — and the flags' bad uses refused.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cli, scratch } from './cli-helpers.js';

const { dir, file } = scratch('workbook');

// Debian's python3 (pyenv's may lack openpyxl): the tests that need it are skipped, not passed, without it.
const PYTHON = ['/usr/bin/python3', 'python3'].find((python) => spawnSync(python, ['-c', 'import openpyxl'], { encoding: 'utf8' }).status === 0);

/** Each sheet's title, frozen cell, and its cells' value and number format, by openpyxl. */
function openpyxl(path: string): Record<string, { frozen: string | null; widths: Record<string, number>; cells: [unknown, string][][] }> {
  const script = `
import json, sys, warnings
warnings.simplefilter('ignore')
import openpyxl
book = openpyxl.load_workbook(sys.argv[1])
print(json.dumps({ws.title: {'frozen': ws.freeze_panes, 'widths': {k: v.width for k, v in ws.column_dimensions.items()}, 'cells': [[[c.value, c.number_format] for c in row] for row in ws.iter_rows()]} for ws in book}))`;
  const run = spawnSync(PYTHON!, ['-c', script, path], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

// Store A: 3 answers (10, 10, 4 → NPS 33.3; CSAT 4–5 of 1–5: 2 of 3), store B: 2 (9, 6 → NPS 0).
const answers = file('answers.csv', ['store,nps,csat', 'A,10,5', 'A,10,4', 'A,4,2', 'B,9,5', 'B,6,3'].join('\n'));

describe('--format xlsx', () => {
  it('a sheet of numbers as numbers, read back by read-excel-file: CSAT stored as a fraction to show as a percentage', async () => {
    const out = `${dir}/summary.xlsx`;
    const run = cli('summarize', answers, '--by', 'store', '--nps', 'nps', '--csat', 'csat', '--format', 'xlsx', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`wrote ${out}: Summary (6 rows)\n`);
    const rows = (await readSheet(readFileSync(out), 1)) as unknown[][];
    expect(rows[0]).toEqual(['store', 'metric', 'column', 'rows', 'n', 'missing', 'invalid', 'score', 'standard_error', 'lower', 'upper', 'level']);
    expect(rows[1]!.slice(0, 5)).toEqual(['A', 'nps', 'nps', 3, 3]);
    expect(rows[1]![7]).toBeCloseTo(100 / 3, 10);
    // CSAT stored as a fraction: 2 of 3 satisfied = 0.6667, shown as 66.7 %.
    expect(rows[2]!.slice(0, 2)).toEqual(['A', 'csat']);
    expect(rows[2]![7]).toBeCloseTo(2 / 3, 10);
  });

  it.skipIf(PYTHON === undefined)('openpyxl reads the formats, the frozen header and widths that fit', () => {
    const out = `${dir}/formats.xlsx`;
    expect(cli('summarize', answers, '--by', 'store', '--nps', 'nps', '--csat', 'csat', '--min-n', '3', '--format', 'xlsx', '--out', out).status).toBe(0);
    const book = openpyxl(out);
    expect(Object.keys(book)).toEqual(['Summary', 'Notes']);
    const summary = book['Summary']!;
    expect(summary.frozen).toBe('A2');
    const [head, npsA, csatA] = summary.cells;
    const at = (row: [unknown, string][], name: string) => row[head!.findIndex(([value]) => value === name)]!;
    expect(at(npsA!, 'n')).toEqual([3, '0']);
    expect(at(npsA!, 'score')[1]).toBe('0.00');
    expect(at(csatA!, 'score')[1]).toBe('0.0%');
    expect(at(csatA!, 'level')).toEqual([0.95, '0%']);
    // B has 2 answers: hidden by --min-n 3 (and A by Glint's rule? no: the hidden hold 2 people).
    expect(summary.cells.find((row) => row[0]![0] === 'B')!.at(-1)![0]).toBe('insufficient');
    expect(summary.widths['A']).toBeGreaterThanOrEqual(8);
    expect(book['Notes']!.cells[1]![0]![0]).toMatch(/^hidden: fewer than 3 respondents answered/);
  });

  it.skipIf(PYTHON === undefined)('a banner table: the crosstab sheet and the pairs with their p-values', () => {
    const out = `${dir}/banner.xlsx`;
    expect(cli('banner', answers, '--banner', 'store', '--csat', 'csat', '--min-base', '2', '--format', 'xlsx', '--out', out).status).toBe(0);
    const book = openpyxl(out);
    expect(Object.keys(book)).toEqual(['Banner', 'Pairs', 'Notes']);
    expect(book['Banner']!.cells[0]!.map(([value]) => value)).toEqual([null, '(A) Total', '(B) store: A', '(C) store: B']);
    // CSAT: all 3 of 5 satisfied (60 %), A 2 of 3, B 1 of 2: stored as fractions.
    const csat = book['Banner']!.cells[1]!.slice(1);
    expect(csat.map(([, format]) => format)).toEqual(['0.0%', '0.0%', '0.0%']);
    [0.6, 2 / 3, 0.5].forEach((value, c) => expect(csat[c]![0]).toBeCloseTo(value, 12));
    expect(book['Pairs']!.cells[1]!.slice(0, 3).map(([value]) => value)).toEqual(['CSAT % csat', 'B', 'C']);
    expect(book['Pairs']!.cells[1]![4]![1]).toBe('0.0000');
  });

  it('--out writes any format to a file instead; never over the input', () => {
    const out = `${dir}/summary.csv`;
    expect(cli('summarize', answers, '--nps', 'nps', '--format', 'csv', '--out', out).stdout).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toMatch(/^group,metric,column,rows,n,/);
    const over = cli('summarize', answers, '--nps', 'nps', '--format', 'csv', '--out', answers);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain('is the input file');
    expect(readFileSync(answers, 'utf8')).toMatch(/^store,nps,csat/);
  });

  it('refuses a workbook without --out FILE.xlsx, and an .xlsx name without --format xlsx', () => {
    for (const [flags, message] of [
      [['--format', 'xlsx'], '--format xlsx writes a workbook: give --out FILE.xlsx'],
      [['--format', 'xlsx', '--out', 'summary.csv'], '--format xlsx writes an .xlsx workbook; --out "summary.csv" does not end in .xlsx'],
      [['--out', 'summary.xlsx'], '--out "summary.xlsx" ends in .xlsx: add --format xlsx for a workbook'],
      [['--format', 'xls'], 'unknown --format "xls" (table, csv, json or xlsx)'],
    ] as const) {
      const run = cli('summarize', answers, '--nps', 'nps', ...flags);
      expect(run.stderr.split('\n')[0]).toBe(`cx-metrics: ${message}`);
      expect(run.status).toBe(2);
    }
  });
});
