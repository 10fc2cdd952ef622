import type { CommandOutput } from '../output/write-output.js';
import { followUps, type FollowUpList, type FollowUpOptions } from '../../../../src/analysis/follow-ups.js';
import { tally } from '../../../../src/core/tally.js';
import { jsonChunks } from '../output/json-chunks.js';
import { parseCommand, single, type CommandSpec, type ParsedArgs } from '../args.js';
import { UsageError } from '../errors.js';
import type { Row, Table } from '../../../../src/read/table.js';
import { followUpsNotes, followUpsSheet, followUpsTable } from '../output/followups.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { CASE_LOG_FLAGS, joinCaseLog } from '../shared/case-log.js';
import { resolveColumn } from '../shared/columns.js';
import { INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { checkScaleUse, metricFlags, metricPlan, requireMetric, parseNumbers, type MetricPlan } from '../shared/metric-flags.js';
import { allRows, columnPlan, metricSpecs, onTable } from '../shared/run.js';

export const followUpsSpec: CommandSpec = {
  name: 'followups',
  usage: 'FILE --id COL --nps COL | --csat COL | --ces COL [options]',
  summary:
    'The respondents to contact now, with the reasons: NPS detractors (0–6), CSAT answers in the bottom two points (1–2), CES answers in the difficult points — or the points you give. With --format csv the id comes first, ready for a CRM import. With --log, each gets its case from the case log, overdue ones first, with the share contacted within the SLA and the time to contact; the command exits 3 when a case is overdue.',
  groups: [
    {
      heading: 'Contacts',
      flags: [
        { name: 'id', value: 'COL', help: 'the respondent id column (unique per row)' },
        { name: 'nps-points', value: 'POINTS', help: 'NPS answers that call for a contact (default 0–6)' },
        { name: 'csat-points', value: 'POINTS', help: 'CSAT answers that call for a contact (default the bottom two)' },
        { name: 'ces-points', value: 'POINTS', help: 'CES answers that call for a contact (default the difficult points)' },
      ],
    },
    CASE_LOG_FLAGS,
    metricFlags(false),
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: [
    'cx-metrics followups answers.csv --id respondent --nps recommend --csat satisfaction --format csv > contacts.csv',
    'cx-metrics followups answers.csv --id respondent --nps recommend --log cases.csv --sla 2d --business-hours 08:00-16:00 --holidays fi --time-zone Europe/Helsinki || notify "overdue follow-ups"',
  ],
};

/** The exit code when a case is open past the SLA, as `monitor` exits on a signal. */
export const OVERDUE_EXIT = 3;

export async function followUpsCommand(argv: readonly string[]): Promise<CommandOutput | { output: CommandOutput; status: number }> {
  const args = parseCommand(followUpsSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const idFlag = single(args, 'id');
  if (idFlag === undefined) throw new UsageError('followups needs --id COL');
  requireMetric(args);
  const { table, progress } = await openInput(args);
  const { list, metrics, id } = await followUpList(args, table, note, () => progress.done());
  const log = await joinCaseLog(args, list, id);
  const shown = log?.list ?? list;
  const output = deliver(args, format, {
    json: () => jsonChunks(log === null ? list : { ...shown, contacts: shown.contacts.map((contact, i) => ({ ...contact, case: log.cases[i] })), loop: log.loop }),
    csv: () => sheetCsv(followUpsSheet(shown, metrics.columns, table, log), csvStyle(args)),
    table: () => followUpsTable(shown, table, log),
    xlsx: () => workbook([followUpsSheet(shown, metrics.columns, table, log)], followUpsNotes(shown, log)),
  });
  return log === null ? output : { output: await output, status: log.overdue > 0 ? OVERDUE_EXIT : 0 };
}

/** The list of a table as the flags ask (--id, the metric columns, --nps-points…): what the command prints and the offline page offers as CSV. */
export async function followUpList(args: ParsedArgs, table: Table, note: (message: string) => void, rowsRead: () => void = () => {}): Promise<{ list: FollowUpList; metrics: MetricPlan; id: string }> {
  const metrics = metricPlan(args, table, note);
  const id = resolveColumn(table, single(args, 'id')!);
  const rules = Object.fromEntries(
    (['nps', 'csat', 'ces'] as const).flatMap((metric) => {
      const points = single(args, `${metric}-points`);
      if (points === undefined) return [];
      if (!metrics.columns.some((column) => column.metric === metric)) throw new UsageError(`--${metric}-points is for a --${metric} column`);
      return [[metric, parseNumbers(points, `${metric}-points`)]];
    }),
  );
  const plan = columnPlan([id], [], metrics.columns.map((column) => column.column));
  const rows = await onTable(table, () => allRows(table, plan));
  rowsRead();
  const options = { ...metricSpecs(metrics), id, ...(Object.keys(rules).length > 0 ? { rules } : {}), ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }) } as FollowUpOptions<Row>;
  const list = await onTable(table, () => followUps(rows, options));
  // The scale check needs the answers' tallies; invalid answers were reported above.
  checkScaleUse(
    metrics.columns.map((column) => ({
      metric: column.metric,
      column: column.column,
      tally: tally(rows.map((row) => row[column.column] as number | null), { scale: column.scale, notApplicable: (column.spec['notApplicable'] as number[] | undefined) ?? [], invalid: 'skip' }),
    })),
    args,
    note,
  );
  return { list, metrics, id };
}
