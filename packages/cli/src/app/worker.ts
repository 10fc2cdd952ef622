import { CxValidationError } from '../../../../src/core/errors.js';
import { openRawTable } from '../input/open-table.js';
import { useAttachedFiles } from '../input/input-path.js';
import { InputError } from '../errors.js';
import { LONGEST_RECORD } from '../../../../src/read/internal/longest-record.js';
import { keptRows, type Table } from '../../../../src/read/table.js';
import { single, type ParsedArgs } from '../args.js';
import { followUpList } from '../commands/followups.js';
import { followUpsSheet } from '../output/followups.js';
import { csvText, sheetCsv } from '../output/text-table.js';
import { buildReport, reportPlan } from '../report/build-report.js';
import { describeValidation } from '../shared/messages.js';
import { chosenTable, readingOptions } from '../shared/input-flags.js';
import { blobSource } from './blob-source.js';
import { PAGE_MAX_ROWS, type ReportRequest, type WorkerMessage } from './messages.js';
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
    (error: unknown) => scope.postMessage(failure(event.data.id, error)),
  );
};

async function answer(request: ReportRequest): Promise<WorkerMessage> {
  const started = performance.now();
  const args: ParsedArgs = { file: request.file.name, flags: new Map(request.flags.map(([name, values]) => [name, [...values]])) };
  const notes: string[] = [];
  const note = (message: string) => notes.push(message);
  const lang = single(args, 'lang') === 'fi' ? 'fi' : 'en';
  // The flags naming a journey, a codebook, … read these, as the command line reads the disk.
  useAttachedFiles(new Map(await Promise.all(request.sideFiles.map(async (side) => [side.name, await sideText(side)] as const))));
  // Usage errors before reading, as on the command line.
  const plan = request.profileOnly ? null : reportPlan(args, lang);
  const { options, conditions } = readingOptions(args);
  let last = 0;
  const progress = (position: number, size: number) => {
    const now = performance.now();
    if (now - last < 100) return;
    last = now;
    scope.postMessage({ id: request.id, type: 'progress', position, size } satisfies WorkerMessage);
  };
  // A table streams its rows once; the follow-up list reads the file again.
  const open = async (noteTo: (message: string) => void) => {
    const file = request.file;
    const source = blobSource(file, file.name);
    // The readers count inflated bytes in a gzip file, of a size not known: show the file's own bytes read then.
    const onProgress = (position: number, size: number) => (Number.isFinite(size) ? progress(position, size) : progress(source.position, file.size));
    const table = await openRawTable(source, { ...options, onProgress }, { named: file.name, at: file });
    return chosenTable(rowsBounded(table), args, conditions, noteTo);
  };
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

/** A side file's text; one larger than a record may be (64 MB) is refused before it is read: it is likely the export chosen in the wrong place. */
async function sideText(side: File): Promise<string> {
  if (side.size > LONGEST_RECORD) throw new InputError(`${side.name} is ${(side.size / 1024 ** 2).toFixed(0)} MB: the side files (a journey, a codebook, a card, raking margins, a label map) are small; choose the export above them`);
  return side.text();
}

/** Thrown at the row past {@link PAGE_MAX_ROWS}: the page says so in its own language. */
class TooManyRowsError extends Error {}

/**
 * The table with its rows counted as they stream, stopping past {@link PAGE_MAX_ROWS}: a tab
 * that runs out of memory dies without a word, so the page stops first (a gzip file of a few
 * megabytes can hold a hundred million rows).
 */
function rowsBounded(table: Table): Table {
  return {
    ...table,
    rows(plan) {
      let count = 0;
      const counted = (): boolean => {
        if (++count > PAGE_MAX_ROWS) throw new TooManyRowsError();
        return true;
      };
      return keptRows(table.rows(plan), counted, () => {});
    },
  };
}

/** The detected layout in a few words: "CSV (;), windows-1252, Qualtrics, 3 header rows". */
function layoutOf(table: Table): string {
  const parts: string[] = [table.format.toUpperCase() + (table.delimiter !== null && table.format === 'csv' ? ` (${table.delimiter === '\t' ? 'tab' : table.delimiter})` : '')];
  if (table.encoding !== null && table.encoding !== 'utf-8') parts.push(table.encoding);
  if (table.platform !== null) parts.push(table.platform === 'qualtrics' ? 'Qualtrics' : 'SurveyMonkey');
  if (table.headerRows > 1) parts.push(`${table.headerRows} header rows`);
  return parts.join(', ');
}

/** What the page is told of an error: the command line's message (file, line and column where the readers know them). */
function failure(id: number, error: unknown): WorkerMessage {
  if (error instanceof TooManyRowsError) return { id, type: 'too-many-rows' };
  const message = error instanceof CxValidationError ? describeValidation(error, null) : error instanceof Error ? error.message : String(error);
  return { id, type: 'error', message };
}
