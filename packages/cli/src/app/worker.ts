import { CxValidationError } from '../../../../src/core/errors.js';
import { openReadInput } from '../../../../src/read/read-input.js';
import { bytesSource } from '../../../../src/read/source.js';
import { openParquetTable } from '../input/parquet-table.js';
import type { InputOptions } from '../input/open-table.js';
import type { Table } from '../../../../src/read/table.js';
import { single, type ParsedArgs } from '../args.js';
import { followUpList } from '../commands/followups.js';
import { followUpsSheet } from '../output/followups.js';
import { csvText, sheetCsv } from '../output/text-table.js';
import { buildReport, reportPlan } from '../report/build-report.js';
import { describeValidation } from '../shared/messages.js';
import { chosenTable, readingOptions } from '../shared/input-flags.js';
import type { ReportRequest, WorkerMessage } from './messages.js';
import { profileColumns } from './profile.js';
import { renderSvgsInWorker } from './render-in-worker.js';

declare const CX_METRICS_VERSION: string;

/**
 * The page's worker: reads the dropped file with the command line's readers and options, and
 * makes the report with the command line's own function, so the page's report is the CLI's.
 * It runs off the page's thread: the page stays responsive, and a cancel ends it.
 */
const scope = self as unknown as { onmessage: (event: MessageEvent<ReportRequest>) => void; postMessage: (message: WorkerMessage) => void };
scope.onmessage = (event: MessageEvent<ReportRequest>) => {
  void answer(event.data).then(
    (message) => scope.postMessage(message),
    (error: unknown) => scope.postMessage({ id: event.data.id, type: 'error', message: messageOf(error) } satisfies WorkerMessage),
  );
};

async function answer(request: ReportRequest): Promise<WorkerMessage> {
  const started = performance.now();
  const args: ParsedArgs = { file: request.file.name, flags: new Map(request.flags.map(([name, values]) => [name, [...values]])) };
  const notes: string[] = [];
  const note = (message: string) => notes.push(message);
  const lang = single(args, 'lang') === 'fi' ? 'fi' : 'en';
  // Usage errors before reading, as on the command line.
  const plan = request.profileOnly ? null : reportPlan(args, lang);
  const { options, conditions } = readingOptions(args);
  let last = 0;
  const onProgress = (position: number, size: number) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    scope.postMessage({ id: request.id, type: 'progress', position, size } satisfies WorkerMessage);
  };
  // A table streams its rows once; the follow-up list reads the file again.
  const open = async (noteTo: (message: string) => void) => chosenTable(await openInPage(request.file, options, onProgress), args, conditions, noteTo);
  const table = await open(note);
  if (plan === null) return { id: request.id, type: 'profile', columns: await profileColumns(table), layout: layoutOf(table), notes };
  const report = await buildReport(args, plan, table, { note, rowsRead: () => {}, renderSvgs: renderSvgsInWorker, source: request.file.name, created: new Date(), version: CX_METRICS_VERSION });
  const tablesCsv = report.tables.map((shown) => `${csvText([[shown.section], shown.head, ...shown.rows])}\n`).join('\n');
  let followUpsCsv: string | null = null;
  // As `cx-metrics followups`, the list takes one column per metric.
  const oneEach = ['nps', 'csat', 'ces'].every((metric) => (args.flags.get(metric) ?? []).length <= 1);
  if (single(args, 'id') !== undefined && !oneEach) note('the follow-up list takes one column per metric (as cx-metrics followups): choose one to download it');
  if (single(args, 'id') !== undefined && oneEach) {
    const again = await open(() => {});
    const { list, metrics } = await followUpList(args, again, () => {});
    // Ending in a newline, as the command writes it.
    followUpsCsv = `${sheetCsv(followUpsSheet(list, metrics.columns, again), { raw: false })}\n`;
  }
  return { id: request.id, type: 'report', html: report.html, results: report.results, tablesCsv, followUpsCsv, notes, seconds: (performance.now() - started) / 1000 };
}

/**
 * The file as a table: Parquet by the command line's reader (hyparquet works in a browser; the
 * library's readers leave Parquet out to stay small), everything else by the library's.
 */
async function openInPage(file: File, options: InputOptions, onProgress: (position: number, size: number) => void): Promise<Table> {
  const parquet = options.format === 'parquet' || /\.parquet$/i.test(file.name) || new TextDecoder().decode(await file.slice(0, 4).arrayBuffer()) === 'PAR1';
  if (!parquet) return openReadInput(file, file.name, { ...options, onProgress });
  const numbers = { decimalComma: false, labels: options.labels ?? null, dateUnit: options.dateUnit, dateFormat: options.dateFormat };
  return openParquetTable(bytesSource(new Uint8Array(await file.arrayBuffer()), file.name), null, numbers, onProgress);
}

/** The detected layout in a few words: "CSV (;), windows-1252, Qualtrics, 3 header rows". */
function layoutOf(table: Table): string {
  const parts: string[] = [table.format.toUpperCase() + (table.delimiter !== null && table.format === 'csv' ? ` (${table.delimiter === '\t' ? 'tab' : table.delimiter})` : '')];
  if (table.encoding !== null && table.encoding !== 'utf-8') parts.push(table.encoding);
  if (table.platform !== null) parts.push(table.platform === 'qualtrics' ? 'Qualtrics' : 'SurveyMonkey');
  if (table.headerRows > 1) parts.push(`${table.headerRows} header rows`);
  return parts.join(', ');
}

/** The command line's message for an error: file, line and column where the readers know them. */
function messageOf(error: unknown): string {
  if (error instanceof CxValidationError) return describeValidation(error, null);
  return error instanceof Error ? error.message : String(error);
}
