import type { CommandOutput } from '../output/write-output.js';
import type { JourneyDefinition } from '../../../../src/analysis/define-journey.js';
import { journeyReport, type JourneyReportOptions } from '../../../../src/analysis/journey-report.js';
import { CxValidationError } from '../../../../src/core/errors.js';
import { jsonChunks } from '../output/json-chunks.js';
import { readJsonFile } from '../input/input-path.js';
import { parseCommand, single, type CommandSpec } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { journeyNotes, journeySheet, journeyTable } from '../output/journey.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { describeValidation } from '../shared/messages.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';
import { ADJUST_FLAG, adjustFlag } from '../shared/test-flags.js';
import { checkScaleUse, metricFlags, metricPlan, requireMetric } from '../shared/metric-flags.js';
import { allRows, columnPlan, metricSpecs, onTable } from '../shared/run.js';

export const journeySpec: CommandSpec = {
  name: 'journey',
  usage: 'FILE --journey JOURNEY.json --stage COL [--touchpoint COL] --nps COL | --csat COL | --ces COL [options]',
  summary:
    'Metrics per stage and touchpoint of a customer journey: rows outside the journey counted, the weighted journey index, the weakest stage and touchpoint, and those significantly below the rest. The rows of the columns asked for are held in memory.',
  groups: [
    {
      heading: 'Journey',
      flags: [
        { name: 'journey', value: 'FILE', help: 'the journey as JSON: {"stages": [{"id": "purchase", "weight": 2, "touchpoints": [{"id": "web"}]}, …]}' },
        { name: 'stage', value: 'COL', help: "the column of each row's stage id" },
        { name: 'touchpoint', value: 'COL', help: "the column of each row's touchpoint id" },
        { name: 'headline', value: 'METRIC', help: 'nps, csat or ces: the metric of the index and the tests (needed with more than one)' },
      ],
    },
    { heading: 'Tests', flags: [ADJUST_FLAG] },
    metricFlags(false),
    SUPPRESSION_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics journey answers.csv --journey journey.json --stage stage --touchpoint touchpoint --nps recommend'],
};

function readJourney(file: string): JourneyDefinition {
  return readJsonFile(file) as JourneyDefinition;
}

export async function journeyCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(journeySpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const journeyFile = single(args, 'journey');
  const stageFlag = single(args, 'stage');
  if (journeyFile === undefined) throw new UsageError('journey needs --journey FILE (the stages as JSON)');
  if (stageFlag === undefined) throw new UsageError('journey needs --stage COL');
  const headline = single(args, 'headline');
  if (headline !== undefined && !['nps', 'csat', 'ces'].includes(headline)) throw new UsageError(`--headline takes nps, csat or ces, got "${headline}"`);
  const journey = readJourney(journeyFile);
  const adjust = adjustFlag(args);
  const suppression = suppressionFlags(args);
  requireMetric(args);
  const { table, progress } = await openInput(args);
  const metrics = metricPlan(args, table, note);
  const stage = resolveColumn(table, stageFlag);
  const touchpointFlag = single(args, 'touchpoint');
  const touchpoint = touchpointFlag === undefined ? undefined : resolveColumn(table, touchpointFlag);
  const plan = columnPlan([stage, ...(touchpoint === undefined ? [] : [touchpoint])], [], [...metrics.columns.map((column) => column.column), ...(metrics.weight === undefined ? [] : [metrics.weight])]);
  const rows = await onTable(table, () => allRows(table, plan));
  progress.done();
  const options = {
    ...metricSpecs(metrics),
    stage,
    ...(touchpoint === undefined ? {} : { touchpoint }),
    ...(headline === undefined ? {} : { headline }),
    ...(metrics.weight === undefined ? {} : { weight: metrics.weight }),
    ...(metrics.invalid === undefined ? {} : { invalid: metrics.invalid }),
    ...(metrics.level === undefined ? {} : { level: metrics.level }),
    ...suppression,
    ...(adjust === undefined ? {} : { adjust }),
  } as JourneyReportOptions<Row>;
  let report: ReturnType<typeof journeyReport>;
  try {
    report = journeyReport(rows, journey, options);
  } catch (error) {
    // A mistake in the journey file is named as such, not as a line of the data.
    if (error instanceof CxValidationError && error.issues[0]?.path[0] === 'stages') throw new InputError(`${journeyFile}: ${describeValidation(error, null)}`);
    return onTable(table, () => {
      throw error;
    });
  }
  checkScaleUse(metrics.columns.map((column) => ({ metric: column.metric, column: column.column, tally: report.total[column.metric]!.tally })), args, note);
  const column = metrics.columns.find((entry) => entry.metric === report.headline)!.column;
  return deliver(args, format, {
    json: () => jsonChunks(report),
    csv: () => sheetCsv(journeySheet(report), csvStyle(args)),
    table: () => journeyTable(report, column),
    xlsx: () => workbook([journeySheet(report)], journeyNotes(report, column)),
  });
}
