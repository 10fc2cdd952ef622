/**
 * Benchmarks of cx-metrics against hand-written loops and peers.
 *
 *   npm run bench            # every section, each in a fresh process (under a minute)
 *   npm run bench -- nps     # one section: nps, typed, summarize, rake, peers, memory, cli, sources, warehouse, text, banner
 *
 * Each figure is the median of several timed runs after warm-up runs. A ratio compares with
 * a hand-written loop doing the same validation on the same data in the same process; each
 * section runs in a process of its own so that one section's data and JIT state do not slow
 * another's.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';
import { summarizeCommand } from '../packages/cli/src/commands/summarize.js';
import { airlineCsv } from '../test/shared-data.js';
import { chromiumPath, launchChromium } from '../test/browser.js';
import { readdirSync } from 'node:fs';
import * as ss from 'simple-statistics';
import * as zc from 'zod';
import { NPS_SCALE, bannerTable, createTally, nps, rake, summarize, summaryFromRows, summarySql, tallyStream } from '../src/index.js';
import { defineCodebook, themeReport } from '../src/text/index.js';
import { stemmer as finnishStem } from '@orama/stemmers/finnish';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median milliseconds of `library` and of `hand` over `runs` runs each, after two warm-up
 * runs, interleaved (library, hand, library, hand…) so that drift on a shared machine hits
 * both alike; `sink` keeps results alive.
 */
let sink: unknown;
function timePair(library: () => unknown, hand: () => unknown, runs = RUNS): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let i = -2; i < runs; i++) {
    [library, hand].forEach((work, w) => {
      const start = performance.now();
      sink = work();
      if (i >= 0) times[w]!.push(performance.now() - start);
    });
  }
  return [median(times[0]), median(times[1])];
}

/** Deterministic answers (xorshift), about 2 % missing. */
function answers(count: number): (number | null)[] {
  let state = 2463534242;
  const out = new Array<number | null>(count);
  for (let i = 0; i < count; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const r = (state >>> 0) % 550;
    out[i] = r >= 539 ? null : r % 11;
  }
  return out;
}

/** The loop a careful developer would write: validate every answer, count per point. */
function handNps(values: ArrayLike<unknown>): { score: number | null; missing: number } {
  const counts = new Float64Array(11);
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' && v >= 0 && v <= 10 && Math.floor(v) === v) counts[v]!++;
    else if (v === null || v === undefined) missing++;
    else throw new Error(`invalid answer at ${i}`);
  }
  let n = 0;
  for (const c of counts) n += c;
  const promoters = counts[9]! + counts[10]!;
  let detractors = 0;
  for (let k = 0; k <= 6; k++) detractors += counts[k]!;
  return { score: n === 0 ? null : ((promoters - detractors) / n) * 100, missing };
}

const rows: string[][] = [];
const row = (...cells: string[]) => rows.push(cells);
const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;

const TEN_M = 10_000_000;
const ONE_M = 1_000_000;

/** 1. nps over 10 M answers in a number[], validation included. */
function npsSection(): void {
  const plain = answers(TEN_M);
  const [library, hand] = timePair(() => nps(plain).score, () => handNps(plain));
  row('nps, 10 M answers in a number[]', ms(library), ms(hand), ratio(library / hand));
}

/** 2. Typed arrays, read in place (no copy). */
function typedSection(): void {
  const plain = answers(TEN_M);
  for (const [name, array] of [
    ['Uint8Array', Uint8Array.from(plain, (v) => v ?? 0)],
    ['Float64Array', Float64Array.from(plain, (v) => v ?? 0)],
  ] as const) {
    const [library, hand] = timePair(() => nps(array).score, () => handNps(array));
    row(`nps, 10 M answers in a ${name}`, ms(library), ms(hand), ratio(library / hand));
  }
}

/** 3. summarize 1 M row objects by one field with NPS, CSAT and CES. */
function summarizeSection(): void {
  const channels = ['web', 'phone', 'store', 'app'];
  const source = answers(ONE_M * 3);
  const objects = Array.from({ length: ONE_M }, (_, i) => ({
    channel: channels[i % 4]!,
    recommend: source[i],
    satisfaction: source[ONE_M + i] === null ? null : (source[ONE_M + i]! % 5) + 1,
    effort: source[2 * ONE_M + i] === null ? null : (source[2 * ONE_M + i]! % 7) + 1,
  }));
  /** The group-by a developer would write: a Map of count arrays per metric, every value validated. */
  function handSummary(data: typeof objects) {
    const groups = new Map<string, { nps: Float64Array; csat: Float64Array; ces: Float64Array }>();
    const check = (v: unknown, min: number, max: number, counts: Float64Array) => {
      if (typeof v === 'number' && v >= min && v <= max && Math.floor(v) === v) counts[v - min]!++;
      else if (v !== null && v !== undefined) throw new Error('invalid');
    };
    for (const r of data) {
      let group = groups.get(r.channel);
      if (!group) groups.set(r.channel, (group = { nps: new Float64Array(11), csat: new Float64Array(5), ces: new Float64Array(7) }));
      check(r.recommend, 0, 10, group.nps);
      check(r.satisfaction, 1, 5, group.csat);
      check(r.effort, 1, 7, group.ces);
    }
    return groups;
  }
  const options = { by: 'channel', nps: 'recommend', csat: 'satisfaction', ces: 'effort' } as const;
  const [library, hand] = timePair(() => summarize(objects, options), () => handSummary(objects), 9);
  row('summarize, 1 M rows × NPS, CSAT, CES by channel', ms(library), ms(hand), ratio(library / hand));
}

/**
 * 3b. Raking 1 M rows to 4 margins of 10 categories each (40 in all), from rows whose
 * categories are drawn unevenly, against `summarize` of the same rows by one of the margins
 * with NPS: the whole run (reading the four fields, the cells, the fitting over the cells, the
 * weights and the report) as a multiple of one summary. The iterations run over the cells
 * (at most 10 000 here), not the rows: the run is reading the rows, once.
 */
function rakeSection(): void {
  const fields = ['region', 'age', 'channel', 'segment'] as const;
  // Category c of each field with probability ∝ c + 1 (uneven), from a fixed linear congruential sequence.
  let seed = 12345;
  const draw = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const u = (seed / 2147483648) * 55; // Σ (c + 1) for c < 10
    let c = 0;
    for (let acc = 1; acc <= u && c < 9; acc += c + 2) c++;
    return c;
  };
  const source = answers(ONE_M);
  const objects = Array.from({ length: ONE_M }, (_, i) => ({ region: `r${draw()}`, age: `a${draw()}`, channel: `c${draw()}`, segment: `s${draw()}`, recommend: source[i] }));
  const even = (prefix: string) => Object.fromEntries(Array.from({ length: 10 }, (_, c) => [`${prefix}${c}`, 0.1]));
  const margins = { region: even('r'), age: even('a'), channel: even('c'), segment: even('s') };
  const [raking, summary] = timePair(() => rake(objects, { margins }), () => summarize(objects, { by: 'region', nps: 'recommend' }), 5);
  const iterations = rake(objects, { margins }).report.iterations;
  row(`rake, 1 M rows to ${fields.length} margins × 10 categories (${iterations} iterations, over the cells) vs summarize by one of them`, ms(raking), ms(summary), `${ratio(raking / summary)} one summarize`);
}

/** 4. Peers on the same answers: a per-element zod parse and simple-statistics (no validation). */
function peersSection(): void {
  const peerSlice = answers(ONE_M).map((v) => v ?? 0);
  const zodSchema = zc.array(zc.int().min(0).max(10));
  const [librarySlice, zodTime] = timePair(() => nps(peerSlice).score, () => zodSchema.parse(peerSlice), 3);
  row('zod classic z.array(z.int().min(0).max(10)).parse, 1 M', ms(zodTime), ms(librarySlice), `nps is ${(zodTime / librarySlice).toFixed(0)}× faster`);
  const [, ssTime] = timePair(() => nps(peerSlice).score, () => ss.mean(peerSlice.map((v) => (v >= 9 ? 100 : v <= 6 ? -100 : 0))));
  row('simple-statistics mean of ±100 scores, 1 M (no validation)', ms(ssTime), ms(librarySlice), `nps is ${(ssTime / librarySlice).toFixed(1)}× faster`);
}

/** 5. Memory: 100 M answers through createTally and tallyStream in 1 M chunks, one buffer reused. */
async function memorySection(): Promise<void> {
  const HUNDRED_M = 100_000_000;
  const chunk = new Uint8Array(ONE_M);
  for (let i = 0; i < chunk.length; i++) chunk[i] = i % 11;
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const running = createTally(NPS_SCALE);
  let start = performance.now();
  for (let done = 0; done < HUNDRED_M; done += ONE_M) {
    running.addAll(chunk);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const accumulatorTime = performance.now() - start;
  async function* chunks() {
    for (let done = 0; done < HUNDRED_M; done += ONE_M) {
      peak = Math.max(peak, process.memoryUsage().heapUsed);
      yield chunk;
    }
  }
  start = performance.now();
  const streamed = await tallyStream(chunks(), NPS_SCALE);
  const streamTime = performance.now() - start;
  const growth = (peak - before) / 1024 / 1024;
  row('createTally.addAll, 100 M answers in 1 M chunks', ms(accumulatorTime), '', `heap growth ≤ ${growth.toFixed(1)} MB`);
  row('tallyStream, 100 M answers in 1 M chunks', ms(streamTime), '', `n = ${streamed.n.toLocaleString('en-US')}`);
}

/** Median milliseconds of two async jobs run alternately `runs` times after one warm-up each. */
async function timePairAsync(first: () => Promise<unknown>, second: () => Promise<unknown>, runs: number): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  for (let i = -1; i < runs; i++) {
    for (const [w, work] of [first, second].entries()) {
      const start = performance.now();
      sink = await work();
      if (i >= 0) times[w as 0 | 1].push(performance.now() - start);
    }
  }
  return [median(times[0]), median(times[1])];
}

/** Wall-clock milliseconds of a command run to its end. */
function wallTime(command: string, args: readonly string[]): number {
  const start = performance.now();
  execFileSync(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  return performance.now() - start;
}

/**
 * 6. The command line on a survey export of a million rows: the airline survey repeated 40
 * times (1 039 040 rows, 121 MB), `summarize --by Class --csat "Seat comfort" --na 0` against
 * DuckDB's read_csv_auto with the GROUP BY that gives the same counts. In the same process
 * (both warm) and as whole commands from start to exit (both cold: Node starting the bundled
 * command line, Node loading DuckDB).
 */
/** The airline survey repeated 40 times (1 039 040 rows, 121 MB), written once to the temporary folder; undefined without the survey. */
function millionRowCsv(): string | undefined {
  if (airlineCsv === undefined) return undefined;
  const file = join(tmpdir(), 'cx-metrics-bench-airline-x40.csv');
  const text = readFileSync(airlineCsv, 'utf8');
  const headerEnd = text.indexOf('\n') + 1;
  const body = text.slice(headerEnd).replace(/(\r?\n)?$/, (end) => end || '\r\n');
  if (!existsSync(file) || statSync(file).size !== headerEnd + 40 * Buffer.byteLength(body)) writeFileSync(file, text.slice(0, headerEnd) + body.repeat(40));
  return file;
}

async function cliSection(): Promise<void> {
  const file = millionRowCsv();
  if (file === undefined) {
    row('cx-metrics summarize, 1 M-row CSV: skipped (the airline survey is not here)', '', '', '');
    return;
  }
  const args = [file, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0', '--quiet'];
  const sql = `SELECT "Class", "Seat comfort", count(*) AS n FROM read_csv_auto('${file}') GROUP BY ALL`;
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const [inProcess, duckInProcess] = await timePairAsync(() => summarizeCommand(args), () => connection.runAndReadAll(sql), 5);
  row('cx-metrics summarize, 1 M-row CSV, in process', ms(inProcess), ms(duckInProcess), `${ratio(inProcess / duckInProcess)} DuckDB`);
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  const cliTimes: number[] = [];
  const duckTimes: number[] = [];
  const duckScript = `import { DuckDBInstance } from '@duckdb/node-api'; const c = await (await DuckDBInstance.create(':memory:')).connect(); await c.runAndReadAll(${JSON.stringify(sql)});`;
  for (let i = 0; i < 5; i++) {
    cliTimes.push(wallTime(process.execPath, [CLI, 'summarize', ...args]));
    duckTimes.push(wallTime(process.execPath, ['--input-type=module', '-e', duckScript]));
  }
  row('cx-metrics summarize, 1 M-row CSV, whole command', ms(median(cliTimes)), ms(median(duckTimes)), `${ratio(median(cliTimes) / median(duckTimes))} DuckDB`);
}

/**
 * 11. The offline page on the same million rows: the report of `--csat "Seat comfort" --by Class
 * --na 0` made in headless Chromium (from choosing the file to the result in the page) against
 * `cx-metrics report` with the same flags as a whole command; and the page's peak memory, the
 * resident memory of all Chromium's processes sampled every 100 ms above what they held before.
 */
async function pageSection(): Promise<void> {
  const file = millionRowCsv();
  if (file === undefined || chromiumPath === undefined) {
    row('page, 1 M-row CSV: skipped (no airline survey or no Chromium)', '', '', '');
    return;
  }
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  const flags = ['--csat', 'Seat comfort', '--by', 'Class', '--na', '0'];
  const cli = bestRun(process.execPath, [CLI, 'report', file, ...flags, '--quiet', '--out', join(tmpdir(), 'cx-metrics-bench-report.html')], 3);
  const browser = await launchChromium();
  const times: number[] = [];
  let peak = 0;
  for (let i = 0; i < 3; i++) {
    const page = await browser.newPage();
    await page.goto(`file://${join(process.cwd(), 'dist/cx-metrics.html')}#csat=Seat%20comfort&by=Class&na=0`);
    const before = chromiumRssMb();
    const sampler = setInterval(() => (peak = Math.max(peak, chromiumRssMb() - before)), 100);
    // Timed in the page, from the file input's change (the user's choice) to the result being in
    // the page: Playwright's own handing over of the file to the input took 0.1–0.3 s more,
    // which no user waits for.
    await page.evaluate(() => {
      const { document, performance: clock } = globalThis as unknown as { document: { getElementById: (id: string) => { addEventListener: (type: string, listener: () => void) => void } | null; body: unknown }; performance: { now: () => number } };
      const timing = ((globalThis as unknown as { cxTiming: { start: number; end: number } }).cxTiming = { start: 0, end: 0 });
      document.getElementById('file')!.addEventListener('change', () => (timing.start = clock.now()));
      const { MutationObserver: Observer } = globalThis as unknown as { MutationObserver: new (callback: () => void) => { observe: (target: unknown, options: unknown) => void } };
      new Observer(() => {
        if (timing.end === 0 && document.getElementById('cx-metrics-result') !== null) timing.end = clock.now();
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.setInputFiles('#file', file);
    await page.waitForSelector('#cx-metrics-result', { state: 'attached', timeout: 600_000 });
    const timing = await page.evaluate(() => (globalThis as unknown as { cxTiming: { start: number; end: number } }).cxTiming);
    times.push(timing.end - timing.start);
    clearInterval(sampler);
    await page.close();
  }
  await browser.close();
  row('page report, 1 M-row CSV (Chromium)', ms(Math.min(...times)), ms(cli.seconds * 1000), `${ratio(Math.min(...times) / (cli.seconds * 1000))} the CLI`);
  row('page report, 1 M-row CSV: peak memory', `${peak.toFixed(0)} MB`, `${cli.peakMb.toFixed(0)} MB`, 'Chromium above idle / CLI peak RSS');
}

/** The resident memory of every Chromium process, in MB. */
function chromiumRssMb(): number {
  let kilobytes = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      if (/^Name:\s+chrom/m.test(status)) kilobytes += Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    } catch {
      // a process that ended while being read
    }
  }
  return kilobytes / 1024;
}

/** The bundled command line (npm run build). */
const CLI = 'packages/cli/dist/main.js';

/** Seconds and peak resident memory (MB) of a command, by GNU time. */
function timedRun(command: string, args: readonly string[]): { seconds: number; peakMb: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', command, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [seconds, kilobytes] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  return { seconds: seconds!, peakMb: kilobytes! / 1024 };
}

/** The fastest of `runs` timed runs (and its peak memory). */
function bestRun(command: string, args: readonly string[], runs: number): { seconds: number; peakMb: number } {
  const times = Array.from({ length: runs }, () => timedRun(command, args));
  return times.reduce((best, next) => (next.seconds < best.seconds ? next : best));
}

/**
 * A workbook of Excel's full height: the airline survey's 25 columns over 1 048 576 rows (the
 * header and 1 048 575 answers, the survey repeated and cut), numbers as numbers, text as
 * shared strings with cell references, as Excel writes it; deflated at fflate's default level.
 */
async function fullHeightWorkbook(csv: string): Promise<string> {
  const file = join(tmpdir(), 'cx-metrics-bench-airline-1048576.xlsx');
  if (existsSync(file)) return file;
  const { Zip, ZipDeflate, strToU8 } = await import('fflate');
  const lines = readFileSync(csv, 'utf8').split(/\r?\n/).filter((line) => line !== '');
  const header = lines[0]!.split(',');
  const strings = new Map<string, number>();
  const shared = (text: string) => strings.get(text) ?? (strings.set(text, strings.size), strings.size - 1);
  const letters = header.map((_, i) => String.fromCharCode(65 + i));
  const out = createWriteStream(file);
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.write(chunk);
  });
  const add = (name: string, text: string) => {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(strToU8(text), true);
  };
  add('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>');
  add('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  add('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Survey" sheetId="1" r:id="rId1"/></sheets></workbook>');
  add('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>');
  const sheet = new ZipDeflate('xl/worksheets/sheet1.xml');
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'));
  const cell = (value: string, at: string) => (value === '' ? '' : /^-?\d+(\.\d+)?$/.test(value) ? `<c r="${at}"><v>${value}</v></c>` : `<c r="${at}" t="s"><v>${shared(value)}</v></c>`);
  let batch: string[] = [];
  for (let r = 0; r < 1_048_576; r++) {
    const line = r === 0 ? lines[0]! : lines[1 + ((r - 1) % (lines.length - 1))]!;
    const values = r === 0 ? header : line.split(',');
    batch.push(`<row r="${r + 1}">${values.map((value, c) => cell(value, `${letters[c]}${r + 1}`)).join('')}</row>`);
    if (batch.length === 10_000) {
      sheet.push(strToU8(batch.join('')));
      batch = [];
    }
  }
  sheet.push(strToU8(`${batch.join('')}</sheetData></worksheet>`), true);
  const items = [...strings.keys()].map((text) => `<si><t>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></si>`).join('');
  add('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${items}</sst>`);
  zip.end();
  await new Promise((done) => out.end(done));
  return file;
}

/**
 * 7. Every source, as whole commands (time and peak memory, best of 3; the workbooks once):
 * the 1 M-row CSV, the same as .csv.gz and as Parquet (written by DuckDB), through the command
 * line and through DuckDB (read_csv_auto reads gzip; read_parquet); and a workbook of Excel's
 * full 1 048 576 rows through the command line and through Python's openpyxl in read-only
 * mode, the memory-saving way openpyxl documents for large files.
 */
async function sourcesSection(): Promise<void> {
  const csv = millionRowCsv();
  if (csv === undefined) {
    row('sources: skipped (the airline survey is not here)', '', '', '');
    return;
  }
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'ignore' });
  const gz = `${csv}.gz`;
  if (!existsSync(gz)) writeFileSync(gz, gzipSync(readFileSync(csv)));
  const parquet = csv.replace(/\.csv$/, '.parquet');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  if (!existsSync(parquet)) await connection.run(`COPY (SELECT * FROM read_csv_auto('${csv}')) TO '${parquet}' (FORMAT PARQUET)`);
  const flags = ['--by', 'Class', '--csat', 'Seat comfort', '--na', '0', '--quiet'];
  const duck = (from: string) => ['--input-type=module', '-e', `import { DuckDBInstance } from '@duckdb/node-api'; const c = await (await DuckDBInstance.create(':memory:')).connect(); await c.runAndReadAll(${JSON.stringify(`SELECT "Class", "Seat comfort", count(*) AS n FROM ${from} GROUP BY ALL`)});`];
  const shown = (run: { seconds: number; peakMb: number }) => `${ms(run.seconds * 1000)} (${Math.round(run.peakMb)} MB)`;
  for (const [label, file, from] of [
    ['CSV', csv, `read_csv_auto('${csv}')`],
    ['.csv.gz', gz, `read_csv_auto('${gz}')`],
    ['Parquet', parquet, `read_parquet('${parquet}')`],
  ] as const) {
    const ours = bestRun(process.execPath, [CLI, 'summarize', file, ...flags], 3);
    const theirs = bestRun(process.execPath, duck(from), 3);
    row(`1 M rows as ${label}: \`cx-metrics summarize\` vs DuckDB, whole commands (peak memory)`, shown(ours), shown(theirs), `${ratio(ours.seconds / theirs.seconds)} DuckDB`);
  }
  const workbook = await fullHeightWorkbook(csv);
  const ours = timedRun(process.execPath, [CLI, 'summarize', workbook, ...flags]);
  const script = `import collections, openpyxl, sys
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = book.worksheets[0].iter_rows(values_only=True)
header = next(rows)
c, s = header.index('Class'), header.index('Seat comfort')
print(len(collections.Counter((row[c], row[s]) for row in rows)))`;
  const theirs = timedRun('/usr/bin/python3', ['-c', script, workbook]);
  row(`xlsx of 1 048 576 rows × 25 (${Math.round(statSync(workbook).size / 1e6)} MB): \`cx-metrics summarize\` vs openpyxl read-only (peak memory)`, shown(ours), shown(theirs), `${ratio(ours.seconds / theirs.seconds)} openpyxl`);
}

/**
 * 8. When push-down pays: a summary (NPS and CSAT by channel) of 10 M rows. In the warehouse:
 * summarySql run by DuckDB on a table it already holds, plus summaryFromRows on the few rows
 * that come back. Against: summarize over the same rows read from a CSV file by the command
 * line (`cx-metrics summarize`, in process), and DuckDB reading that file itself.
 */
async function warehouseSection(): Promise<void> {
  const count = TEN_M;
  const file = join(tmpdir(), 'cx-metrics-bench-warehouse-10m.csv');
  if (!existsSync(file)) {
    const channels = ['web', 'phone', 'store', 'app'];
    let state = 2463534242;
    const chunks: string[] = ['channel,recommend,satisfaction\n'];
    let chunk = '';
    for (let i = 0; i < count; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      const r = state >>> 0;
      chunk += `${channels[r & 3]},${r % 97 === 0 ? '' : (r >>> 2) % 11},${1 + ((r >>> 6) % 5)}\n`;
      if (chunk.length > 1 << 20) {
        chunks.push(chunk);
        chunk = '';
      }
    }
    chunks.push(chunk);
    writeFileSync(file, chunks.join(''));
  }
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`CREATE TABLE answers AS SELECT * FROM read_csv('${file}', header = true, columns = {'channel': 'VARCHAR', 'recommend': 'INTEGER', 'satisfaction': 'INTEGER'})`);
  const query = summarySql({ table: 'answers', by: 'channel', nps: 'recommend', csat: 'satisfaction' });
  const pushDown = async () => summaryFromRows((await connection.runAndReadAll(query.sql)).getRowObjectsJS() as object[], query);
  const args = [file, '--by', 'channel', '--nps', 'recommend', '--csat', 'satisfaction', '--quiet'];
  const [warehouse, command] = await timePairAsync(pushDown, () => summarizeCommand(args), 5);
  row('summary of 10 M rows: summarySql in DuckDB (table loaded) vs `cx-metrics summarize` of the CSV', ms(warehouse), ms(command), `push-down ${ratio(command / warehouse)} faster`);
  const fileQuery = query.sql.replace(/FROM "answers"/g, `FROM read_csv('${file}', header = true, columns = {'channel': 'VARCHAR', 'recommend': 'INTEGER', 'satisfaction': 'INTEGER'})`);
  const [duckFile, commandAgain] = await timePairAsync(async () => summaryFromRows((await connection.runAndReadAll(fileQuery)).getRowObjectsJS() as object[], query), () => summarizeCommand(args), 5);
  row('`cx-metrics summarize` of the same CSV vs DuckDB reading the file with the pushed-down query', ms(commandAgain), ms(duckFile), `${ratio(commandAgain / duckFile)} DuckDB`);
}

/**
 * 9. themeReport over 1 M Finnish comments of about 100 characters with a 40-theme codebook
 * (words, prefixes and phrases), NPS beside them, against the loop a developer would write:
 * Intl.Segmenter per comment, each word lower-cased, stemmed once per form (a Map), its themes
 * looked up by stem in a Map, mentions counted.
 */
function textSection(): void {
  const words = ['palvelu', 'asiakaspalvelu', 'jono', 'jonotin', 'odotin', 'kassalla', 'myyjä', 'ystävällinen', 'tyly', 'hinta', 'kallis', 'halpa', 'toimitus', 'paketti', 'myöhässä', 'laatu', 'rikki', 'sovellus', 'kirjautuminen', 'nettisivu', 'soitin', 'ei', 'vastannut', 'en', 'suosittele', 'hyvä', 'huono', 'nopea', 'hidas', 'kiitos', 'oli', 'ja', 'mutta', 'todella', 'aina', 'taas', 'tänään', 'kauppa', 'tuote', 'valikoima'];
  let state = 2463534242;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  const comments = Array.from({ length: ONE_M }, () => {
    let text = '';
    while (text.length < 95) text += `${words[next() % words.length]}${next() % 9 === 0 ? ', ' : ' '}`;
    return { comment: `${text.trim()}.`, nps: next() % 11 };
  });
  // 40 themes: 20 by words, 12 by prefixes, 8 by phrases; three patterns each.
  const themes = Array.from({ length: 40 }, (_, t) => {
    const pick = (k: number) => words[(t * 3 + k) % words.length]!;
    const match = t < 20 ? [pick(0), pick(1), pick(2)] : t < 32 ? [`${pick(0).slice(0, 4)}*`, `${pick(1).slice(0, 4)}*`, pick(2)] : [`"${pick(0)} ${pick(1)}"`, `"${pick(1)} ${pick(2)}"`, pick(2)];
    return { id: `theme-${t}`, match };
  });
  const codebook = defineCodebook({ language: 'fi', themes });
  const byStem = new Map<string, number[]>();
  themes.forEach((theme, t) => {
    for (const pattern of theme.match.filter((text) => !text.includes('*') && !text.includes('"'))) {
      const stem = finnishStem(pattern);
      byStem.set(stem, [...(byStem.get(stem) ?? []), t]);
    }
  });
  function handThemes(data: typeof comments) {
    const segmenter = new Intl.Segmenter('fi', { granularity: 'word' });
    const stems = new Map<string, string>();
    const mentions = new Float64Array(themes.length);
    for (const { comment } of data) {
      const found = new Set<number>();
      for (const segment of segmenter.segment(comment)) {
        if (!segment.isWordLike) continue;
        const form = segment.segment.toLowerCase();
        let stem = stems.get(form);
        if (stem === undefined) stems.set(form, (stem = finnishStem(form)));
        for (const t of byStem.get(stem) ?? []) found.add(t);
      }
      for (const t of found) mentions[t]!++;
    }
    return mentions;
  }
  const [library, hand] = timePair(() => themeReport(comments, codebook, { text: 'comment', nps: 'nps' }), () => handThemes(comments), 3);
  row('themeReport, 1 M comments of ~100 characters, 40 themes, NPS impacts', ms(library), ms(hand), ratio(library / hand));
}

/**
 * 10. bannerTable on 1 M row objects: two banner fields (4 channels, 3 regions), CSAT and a
 * categorical field of 3 plans, every pair tested — against the counting loop a developer
 * would write (a Map of counts per group of each field, every answer validated; the tests on
 * a few dozen counts cost nothing beside it).
 */
function bannerSection(): void {
  const channels = ['web', 'phone', 'store', 'app'];
  const regions = ['north', 'south', 'east'];
  const plans = ['basic', 'plus', 'gold'];
  const source = answers(ONE_M);
  const objects = Array.from({ length: ONE_M }, (_, i) => ({
    channel: channels[i % 4]!,
    region: regions[i % 3]!,
    plan: plans[(i * 7) % 3]!,
    satisfaction: source[i] === null ? null : (source[i]! % 5) + 1,
  }));
  function handBanner(data: typeof objects) {
    const fields = ['channel', 'region'] as const;
    const groups = fields.map(() => new Map<string, { csat: Float64Array; plans: Map<string, number> }>());
    for (const r of data) {
      const v = r.satisfaction;
      const valid = typeof v === 'number' && v >= 1 && v <= 5 && Math.floor(v) === v;
      if (!valid && v !== null) throw new Error('invalid');
      for (let f = 0; f < fields.length; f++) {
        const key = r[fields[f]!];
        let group = groups[f]!.get(key);
        if (!group) groups[f]!.set(key, (group = { csat: new Float64Array(5), plans: new Map() }));
        if (valid) group.csat[v - 1]!++;
        group.plans.set(r.plan, (group.plans.get(r.plan) ?? 0) + 1);
      }
    }
    return groups;
  }
  const options = { banner: ['channel', 'region'], csat: 'satisfaction', categories: 'plan' };
  const [library, hand] = timePair(() => bannerTable(objects, options), () => handBanner(objects), 5);
  row('bannerTable, 1 M rows × CSAT and a category by 2 banner fields, all pairs tested', ms(library), ms(hand), ratio(library / hand));
}

const SECTIONS: Record<string, () => void | Promise<void>> = { nps: npsSection, typed: typedSection, summarize: summarizeSection, rake: rakeSection, peers: peersSection, memory: memorySection, cli: cliSection, sources: sourcesSection, warehouse: warehouseSection, text: textSection, banner: bannerSection, page: pageSection };
const [only, json] = process.argv.slice(2);
const names = only === undefined ? Object.keys(SECTIONS) : [only];
if (only !== undefined && !(only in SECTIONS)) throw new Error(`unknown section ${only}; sections: ${Object.keys(SECTIONS).join(', ')}`);
if (json === '--json') {
  // A child of the run below: one section, its rows as JSON for the parent.
  await SECTIONS[only!]!();
  console.log(JSON.stringify(rows));
} else {
  for (const name of names) {
    const output = execFileSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, name, '--json'], { encoding: 'utf8' });
    rows.push(...(JSON.parse(output.trim().split('\n').at(-1)!) as string[][]));
  }
  console.log(`Node ${process.version}, ${process.platform} ${process.arch}; median of ${RUNS} interleaved runs (9 for summarize, 3 for zod, 5 for the command line); each section in its own process\n`);
  console.log('| benchmark | cx-metrics ms | hand loop (or DuckDB) ms | ratio |');
  console.log('| --- | ---: | ---: | --- |');
  for (const cells of rows) console.log(`| ${cells.join(' | ')} |`);
}
void sink;
