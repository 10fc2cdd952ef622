/**
 * Every source (issue 23): standard input (`-`), a pipe given as /dev/stdin, a process
 * substitution, and gzip — recognised by its first bytes, from a file or a pipe — for CSV,
 * JSON, NDJSON and workbooks, giving the same numbers as the plain file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import writeExcelFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import { cli, root, scratch } from './cli-helpers.js';

const { file } = scratch('sources');

/** The command line with bytes on its standard input. */
function piped(input: Uint8Array | string, ...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Four answers: 10, 9, 3, blank. Promoters 2, detractors 1 of 3: NPS 33.3.
const CSV = 'q,store\n10,A\n9,A\n3,B\n,B\n';
const TOTAL = /^total +4 +3 +33\.3 /m;

describe('sources', () => {
  it('standard input (-), plain and gzip-compressed', () => {
    expect(piped(CSV, 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
    expect(piped(gzipSync(CSV), 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
  });

  it('a .gz file (and a compressed file of any name), a pipe as /dev/stdin, a process substitution', () => {
    const gz = file('answers.csv.gz', gzipSync(CSV));
    expect(cli('summarize', gz, '--nps', 'q').stdout).toMatch(TOTAL);
    expect(cli('summarize', file('answers.dat', gzipSync(CSV)), '--nps', 'q').stdout).toMatch(TOTAL);
    const plain = file('answers.csv', CSV);
    const shell = (command: string) => spawnSync('bash', ['-c', command], { cwd: root, encoding: 'utf8' });
    expect(shell(`cat ${plain} | ${process.execPath} --import tsx packages/cli/src/main.ts summarize /dev/stdin --nps q`).stdout).toMatch(TOTAL);
    expect(shell(`${process.execPath} --import tsx packages/cli/src/main.ts summarize <(gunzip -c ${gz}) --nps q`).stdout).toMatch(TOTAL);
  });

  it('JSON and NDJSON from standard input are told by their first character; a workbook by its zip header', async () => {
    const rows = [{ q: 10 }, { q: 9 }, { q: 3 }, { q: null }];
    expect(piped(JSON.stringify(rows), 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
    expect(piped(gzipSync(rows.map((row) => JSON.stringify(row)).join('\n')), 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
    const workbook = file('answers.xlsx', new Uint8Array());
    await writeExcelFile([['q'], [10], [9], [3], [null]]).toFile(workbook);
    // A trailing row of empty cells is no row of a sheet: 3 rows, the same 3 answers.
    expect(piped(readFileSync(workbook), 'summarize', '-', '--nps', 'q').stdout).toMatch(/^total +3 +3 +33\.3 /m);
  });

  it('messages name standard input; bytes that are not UTF-8 in a pipe are named by byte; a side file cannot be -', () => {
    expect(piped('q\n11\n', 'summarize', '-', '--nps', 'q').stderr).toBe('cx-metrics: standard input, line 2, column "q": 11 is outside the scale 0–10\n');
    const latin = Buffer.from('q,store\n10,M\xfcller\n', 'latin1');
    expect(piped(latin, 'summarize', '-', '--nps', 'q', '--by', 'store').stderr).toMatch(/^cx-metrics: standard input, byte 13: bytes that are not UTF-8 \(0xFC 0x6C 0x6C 0x65\); say which encoding/);
    expect(piped(latin, 'summarize', '-', '--nps', 'q', '--by', 'store', '--encoding', 'latin1').stdout).toMatch(/^Müller /m);
    expect(piped(CSV, 'journey', '-', '--journey', '-', '--stage', 'store', '--nps', 'q').stderr).toBe('cx-metrics: - (standard input) is for the data; give the file by its name\n');
    expect(piped(gzipSync(CSV).subarray(0, 20), 'summarize', '-', '--nps', 'q').stderr).toMatch(/^cx-metrics: cannot read standard input: it starts as gzip but does not inflate/);
  });
});

describe('Parquet written by DuckDB', () => {
  /** Runs SQL on an in-memory DuckDB (the test's writer of Parquet, as a warehouse export would be). */
  async function duck(sql: string): Promise<void> {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(sql);
    connection.closeSync();
  }

  // BIGINT scores, a VARCHAR group, a DATE and a TIMESTAMP, one NULL score; two row groups
  // of 2 rows each (ROW_GROUP_SIZE 2), so the reader crosses a row group.
  const parquet = `${file('placeholder', '')}.parquet`;
  const select = `SELECT * FROM (VALUES
      (10::BIGINT, 'A', DATE '2024-01-01', TIMESTAMP '2024-01-01 10:00:00'),
      (9::BIGINT,  'A', DATE '2024-01-02', TIMESTAMP '2024-01-02 10:00:00'),
      (3::BIGINT,  'B', DATE '2024-01-08', TIMESTAMP '2024-01-08 10:00:00'),
      (NULL,       'B', DATE '2024-01-09', TIMESTAMP '2024-01-09 10:00:00')) AS t(q, store, day, stamp)`;

  it('reads the columns asked for across row groups, from a file and from standard input, gzip-compressed too', async () => {
    await duck(`COPY (${select}) TO '${parquet}' (FORMAT PARQUET, ROW_GROUP_SIZE 2)`);
    expect(cli('summarize', parquet, '--nps', 'q').stdout).toMatch(TOTAL);
    // By group: A has 10 and 9 (NPS 100), B has 3 and a blank (NPS −100 of 1 answer).
    const byStore = cli('summarize', parquet, '--nps', 'q', '--by', 'store', '--min-n', '1').stdout;
    expect(byStore).toMatch(/^A +2 +2 +100\.0 /m);
    expect(byStore).toMatch(/^B +2 +1 +-100\.0 /m);
    expect(piped(readFileSync(parquet), 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
    expect(piped(gzipSync(readFileSync(parquet)), 'summarize', '-', '--nps', 'q').stdout).toMatch(TOTAL);
  });

  it('a DATE column is its day and a TIMESTAMP its instant: weeks from either agree', async () => {
    await duck(`COPY (${select}) TO '${parquet}' (FORMAT PARQUET, ROW_GROUP_SIZE 2)`);
    // Weeks starting Monday 2024-01-01 and 2024-01-08: 2 answers each.
    for (const at of ['day', 'stamp']) {
      const out = cli('trend', parquet, '--at', at, '--period', 'week', '--nps', 'q', '--format', 'csv', '--raw-csv').stdout;
      expect(out).toMatch(/^2024-W01,2024-01-01,nps,q,2,2,0,0,100,/m);
      expect(out).toMatch(/^2024-W02,2024-01-08,nps,q,2,1,1,0,-100,/m);
    }
  });

  it('a file that says Parquet by name but is not one is refused with the name', () => {
    expect(cli('summarize', file('broken.parquet', 'PAR1 not really'), '--nps', 'q').stderr).toMatch(/^cx-metrics: cannot read .*broken\.parquet as Parquet: /);
  });
});
