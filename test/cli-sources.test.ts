/**
 * Every source (issue 23): standard input (`-`), a pipe given as /dev/stdin, a process
 * substitution, and gzip — recognised by its first bytes, from a file or a pipe — for CSV,
 * JSON, NDJSON and workbooks, giving the same numbers as the plain file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
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

describe('a named pipe and a tall workbook', () => {
  it('a FIFO made with mkfifo is read as its writer writes it', () => {
    const fifo = `${file('placeholder-fifo', '')}.fifo`;
    spawnSync('mkfifo', [fifo]);
    const plain = file('for-fifo.csv', CSV);
    // The writer starts first and blocks until the command opens the FIFO for reading.
    const run = spawnSync('bash', ['-c', `cat ${plain} > ${fifo} & ${process.execPath} --import tsx packages/cli/src/main.ts summarize ${fifo} --nps q; wait`], { cwd: root, encoding: 'utf8' });
    expect(run.stdout).toMatch(TOTAL);
  });

  it('a workbook of 200 000 rows is streamed: the right counts, in bounded memory', () => {
    // Rows cycle through the answers 10, 9, 3, 0 (and a group A, B): 50 000 of each. Promoters
    // 100 000, detractors 100 000 of 200 000: NPS 0.
    const answers = [10, 9, 3, 0];
    const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>q</t></is></c><c r="B1" t="inlineStr"><is><t>g</t></is></c></row>'];
    for (let r = 0; r < 200_000; r++) rows.push(`<row r="${r + 2}"><c r="A${r + 2}"><v>${answers[r % 4]}</v></c><c r="B${r + 2}" t="s"><v>${r % 2}</v></c></row>`);
    const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const workbook = file(
      'tall.xlsx',
      zipSync({
        'xl/workbook.xml': strToU8(`<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
        'xl/_rels/workbook.xml.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
        'xl/sharedStrings.xml': strToU8(`<sst ${NS}><si><t>A</t></si><si><t>B</t></si></sst>`),
        'xl/worksheets/sheet1.xml': strToU8(`<worksheet ${NS}><sheetData>${rows.join('')}</sheetData></worksheet>`),
      }),
    );
    // GNU time reports the peak memory (Debian's \`time\`); without it the counts are still checked.
    const timed = existsSync('/usr/bin/time');
    const command = [process.execPath, '--import', 'tsx', 'packages/cli/src/main.ts', 'summarize', workbook, '--nps', 'q', '--by', 'g', '--format', 'csv', '--raw-csv'];
    const run = timed ? spawnSync('/usr/bin/time', ['-f', '%M', ...command], { cwd: root, encoding: 'utf8' }) : spawnSync(command[0]!, command.slice(1), { cwd: root, encoding: 'utf8' });
    // A: rows 0, 2, 4… hold 10 and 3 (NPS 0); B: 9 and 0 (NPS 0).
    expect(run.stdout).toMatch(/^A,nps,q,100000,100000,0,0,0(\.0)?,/m);
    expect(run.stdout).toMatch(/^total,nps,q,200000,200000,0,0,0(\.0)?,/m);
    // Peak memory in kB, from GNU time: Node and tsx take about 150 MB; the sheet is 12 MB of XML.
    if (timed) expect(Number(run.stderr.trim().split('\n').at(-1))).toBeLessThan(400_000);
  }, 60_000);
});
