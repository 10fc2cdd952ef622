import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { KEY_DRIVER_METHODS, keyDrivers, type KeyDriverMethod, type KeyDriverOptions } from '../../../../src/analysis/key-drivers.js';
import { all, isSet, parseCommand, single, type CommandSpec } from '../args.js';
import { UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { driversNotes, driversSheet, driversTable } from '../output/drivers.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { codesFor, levelFlag, naCodes, parseScale } from '../shared/metric-flags.js';
import { allRows, columnPlan, onTable } from '../shared/run.js';

export const driversSpec: CommandSpec = {
  name: 'drivers',
  usage: 'FILE --outcome COL --driver COL... [--method pearson|spearman|relative-weights|shapley] [options]',
  summary:
    'Key drivers: how strongly each driver (a service item) moves with the outcome, its performance, rank and place on the importance × performance map. The rows of the columns asked for are held in memory.',
  groups: [
    {
      heading: 'Drivers',
      flags: [
        { name: 'outcome', value: 'COL', help: 'the overall measure (overall satisfaction, likelihood to recommend, 1/0 satisfied)' },
        { name: 'driver', value: 'COL', help: 'a driver column', repeat: true },
        {
          name: 'method',
          value: 'METHOD',
          help: 'importance as pearson (default) or spearman (rank) correlation, each driver alone; or relative-weights (Johnson) or shapley (LMG, up to 20 drivers): the R² of all drivers split among them, on the rows where all are answered',
        },
        { name: 'scale', value: 'MIN-MAX', help: "the drivers' scale, e.g. 1-5: answers are checked against it and performance is on 0–100" },
        { name: 'na', value: 'CODES', help: 'codes meaning "not applicable" in the drivers, e.g. 0; COL=CODES for one column', repeat: true },
        { name: 'level', value: 'P', help: 'confidence level of the correlation intervals (default 0.95)' },
      ],
    },
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics drivers survey.csv --outcome satisfaction --map "satisfied=1,neutral or dissatisfied=0" --driver "Seat comfort" --driver Cleanliness --scale 1-5 --na 0'],
};

export async function driversCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(driversSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const outcomeFlag = single(args, 'outcome');
  if (outcomeFlag === undefined) throw new UsageError('drivers needs --outcome COL');
  if (!isSet(args, 'driver')) throw new UsageError('drivers needs at least one --driver COL');
  const method = single(args, 'method') ?? 'pearson';
  if (!(KEY_DRIVER_METHODS as readonly string[]).includes(method)) throw new UsageError(`--method takes ${KEY_DRIVER_METHODS.join(', ')}, got "${method}"`);
  const scaleText = single(args, 'scale');
  const scale = scaleText === undefined ? undefined : parseScale(scaleText, 'scale');
  const { table, progress } = await openInput(args);
  const outcome = resolveColumn(table, outcomeFlag);
  const drivers = all(args, 'driver').map((column) => resolveColumn(table, column));
  const na = naCodes(args, table);
  const level = levelFlag(args);
  const rows = await onTable(table, () => allRows(table, columnPlan([], [], [outcome, ...drivers])));
  progress.done();
  const options: KeyDriverOptions<Row> = {
    outcome,
    method: method as KeyDriverMethod,
    drivers: drivers.map((field) => {
      // Without a scale, N/A codes can be any numbers; with one, they must lie off it.
      const notApplicable = scale ? codesFor(na, field, scale, 'driver', note) : (na.byColumn.get(field) ?? (na.everywhere.length > 0 ? na.everywhere : undefined));
      return { field, ...(scale ? { scale } : {}), ...(notApplicable ? { notApplicable } : {}) };
    }),
    ...(level === undefined ? {} : { level }),
  };
  const result = await onTable(table, () => keyDrivers(rows, options));
  return deliver(args, format, {
    json: () => jsonChunks(result),
    csv: () => sheetCsv(driversSheet(result), csvStyle(args)),
    table: () => driversTable(result, outcome),
    xlsx: () => workbook([driversSheet(result)], driversNotes(result, outcome)),
  });
}
