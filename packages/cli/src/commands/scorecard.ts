import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { readJsonFile } from '../input/input-path.js';
import { CxValidationError } from '../../../../src/core/errors.js';
import { defineScorecard, NOT_APPLICABLE, type Criterion, type ScorecardDefinition } from '../../../../src/scorecard/define-scorecard.js';
import type { Visit } from '../../../../src/scorecard/score-visit.js';
import { scorecardReport, type ScorecardReport, type ScorecardReportOptions } from '../../../../src/scorecard/scorecard-report.js';
import { SERVICE_SITUATIONS, serviceEncounterScorecard } from '../../../../src/scorecard/service-encounter.js';
import { all, isSet, parseCommand, single, type CommandSpec, type ParsedArgs } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import { emptyRow, type Row, type Table } from '../../../../src/read/table.js';
import { scorecardNotes, scorecardSheet, scorecardTable } from '../output/scorecard.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { INPUT_FLAGS, notesTo, openInput, outputFormat, OUTPUT_FLAGS, csvStyle } from '../shared/input-flags.js';
import { describeValidation } from '../shared/messages.js';
import { levelFlag } from '../shared/metric-flags.js';
import { allRows, columnPlan, limitGroups, MAX_GROUPS_FLAG, maxGroups } from '../shared/run.js';
import { SUPPRESSION_FLAGS, suppressionFlags } from '../shared/suppression-flags.js';
import type { SuppressionOptions } from '../../../../src/common/suppression.js';
import { ADJUST_FLAG, adjustFlag } from '../shared/test-flags.js';

const TEMPLATES = ['service-encounter'] as const;

/** The flags of a scorecard's cards and visits, shared with the report. */
export const CARD_FLAGS = [
  { name: 'card', value: '[KEY=]FILE', help: "a card: the JSON of defineScorecard's input; repeat as KEY=FILE for a programme of several cards, KEY being what --situation holds (default: each card's id)", repeat: true },
  { name: 'template', value: 'NAME', help: 'service-encounter: the five situation cards (service-order, product-order, purchase, complaint, feedback), with --situation' },
  { name: 'situation', value: 'COL', help: "the column naming each visit's card (with several cards or a template)" },
  { name: 'unanswered', value: 'zero', help: 'a required criterion left empty earns 0 of its points (default: an error)' },
  { name: 'wave', value: 'COL', help: "a column naming each visit's wave, e.g. 2026-11: figures per wave and the change from the wave before (waves in text order, so name them to sort)" },
  { name: 'min-visits', value: 'N', help: 'rank only groups with at least N visits (default 1)' },
] as const;

export const scorecardSpec: CommandSpec = {
  name: 'scorecard',
  usage: 'FILE --card CARD.json | --template service-encounter --situation COL [--by COL] [--wave COL] [options]',
  summary:
    'A mystery-shopping programme: one row per visit, one column per criterion id. Each visit is scored on its card, and each group (--by) gets its pooled score with an interval, pass and critical-failure rates, and achievement per section, ranked; with --wave, each wave and the change from the one before, tested. The visits are held in memory.',
  groups: [
    { heading: 'Cards', flags: CARD_FLAGS.filter((flag) => ['card', 'template', 'situation', 'unanswered'].includes(flag.name)) },
    {
      heading: 'Report',
      flags: [
        { name: 'by', value: 'COL', help: 'group and rank by a column (a location, a team)' },
        MAX_GROUPS_FLAG,
        ...CARD_FLAGS.filter((flag) => flag.name === 'wave' || flag.name === 'min-visits'),
        { name: 'id', value: 'COL', help: 'the visit id column, for messages' },
        { name: 'level', value: 'P', help: 'confidence level of the intervals and tests (default 0.95)' },
        ADJUST_FLAG,
      ],
    },
    SUPPRESSION_FLAGS,
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: [
    'cx-metrics scorecard visits.csv --template service-encounter --situation situation --by location --wave month',
    'cx-metrics scorecard visits.xlsx --card branch-card.json --by branch --format csv',
  ],
};

type Cards = ScorecardDefinition | Record<string, ScorecardDefinition>;

export async function scorecardCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(scorecardSpec, argv);
  const format = outputFormat(args);
  const note = notesTo(args);
  const options = scorecardOptions(args, suppressionFlags(args));
  const { table, progress } = await openInput(args);
  const plan = scorecardPlan(args, table, note, single(args, 'by'));
  const rows = await allRows(limitGroups(table, plan.fields.by === undefined ? [] : [plan.fields.by], maxGroups(args)), columnPlan(plan.columns, [], []));
  progress.done();
  const report = scorecardOf(plan, rows, options, table);
  return deliver(args, format, {
    json: () => jsonChunks(report),
    csv: () => sheetCsv(scorecardSheet(report), csvStyle(args)),
    table: () => scorecardTable(report),
    xlsx: () => workbook([scorecardSheet(report)], scorecardNotes(report)),
  });
}

/** Whether the flags ask for a scorecard (the report's mystery-shopping section). */
export function asksScorecard(args: ParsedArgs): boolean {
  return isSet(args, 'card') || isSet(args, 'template');
}

/** The report options of the flags, checked before the visits are read; `suppression` as the command hides small groups. */
export function scorecardOptions(args: ParsedArgs, suppression: SuppressionOptions): Omit<ScorecardReportOptions, 'card' | 'by' | 'wave'> {
  const unanswered = single(args, 'unanswered');
  if (unanswered !== undefined && unanswered !== 'zero') throw new UsageError(`--unanswered takes zero, got ${JSON.stringify(unanswered)}`);
  const minVisitsText = single(args, 'min-visits');
  const minVisits = minVisitsText === undefined ? undefined : Number(minVisitsText);
  if (minVisits !== undefined && !(Number.isInteger(minVisits) && minVisits >= 1)) throw new UsageError(`--min-visits takes a whole number from 1, got ${JSON.stringify(minVisitsText)}`);
  const level = levelFlag(args);
  const adjust = adjustFlag(args);
  return {
    ...(unanswered === undefined ? {} : { unanswered: 'zero' as const }),
    ...(minVisits === undefined ? {} : { minVisits }),
    ...(level === undefined ? {} : { level }),
    ...(adjust === undefined ? {} : { adjust }),
    ...suppression,
  };
}

/** The cards, their criteria and the columns a scorecard reads from a table. */
export interface ScorecardPlan {
  readonly cards: Cards;
  readonly criteria: ReadonlyMap<string, ReadonlyMap<string, Criterion>>;
  readonly criterionColumns: readonly string[];
  readonly fields: { readonly situation?: string | undefined; readonly by?: string | undefined; readonly wave?: string | undefined; readonly id?: string | undefined };
  /** Every column to read. */
  readonly columns: readonly string[];
}

/**
 * What the flags ask of the table: the cards (checked), the situation, wave and id columns,
 * and `by` (the scorecard's `--by`, the report's first `--by`). Columns that are no criterion
 * are noted when `others` does not account for them.
 */
export function scorecardPlan(args: ParsedArgs, table: Table, note: (message: string) => void, byFlag: string | undefined, others: readonly string[] = []): ScorecardPlan {
  const cards = cardsOf(args);
  const programme = !isOneCard(cards);
  if (programme !== isSet(args, 'situation')) {
    throw new UsageError(programme ? 'several cards need --situation COL: the column naming each visit\'s card' : '--situation picks among several cards; with one --card leave it out');
  }
  const column = (flag: string | undefined) => (flag === undefined ? undefined : resolveColumn(table, flag));
  const fields = { situation: column(single(args, 'situation')), by: column(byFlag), wave: column(single(args, 'wave')), id: column(single(args, 'id')) };
  const criteria = criteriaOf(cards);
  const criterionColumns = [...criteria.keys()].filter((criterion) => table.columns === null || table.columns.includes(criterion));
  const used = Object.values(fields).filter((name): name is string => name !== undefined);
  if (table.columns !== null) {
    const ignored = table.columns.filter((name) => !used.includes(name) && !criteria.has(name) && !others.includes(name));
    if (ignored.length > 0) note(`columns that are no criterion of the card${programme ? 's' : ''}, left out: ${ignored.map((name) => JSON.stringify(name)).join(', ')}`);
  }
  return { cards, criteria, criterionColumns, fields, columns: [...used, ...criterionColumns] };
}

/** The scorecard report of rows read by the plan; a mistake in a visit names its row and column. */
export function scorecardOf(plan: ScorecardPlan, rows: readonly Row[], options: Omit<ScorecardReportOptions, 'card' | 'by' | 'wave'>, table: Table): ScorecardReport {
  const visits = rows.map((row) => toVisit(row, plan.criteria, plan.criterionColumns, plan.fields));
  const { situation, by, wave } = plan.fields;
  try {
    return scorecardReport(plan.cards, visits, { ...options, ...(situation === undefined ? {} : { card: situation }), ...(by === undefined ? {} : { by }), ...(wave === undefined ? {} : { wave }) });
  } catch (error) {
    if (!(error instanceof CxValidationError)) throw error;
    throw new InputError(describeScorecardError(error, table));
  }
}

/** The cards the flags name: one card, a record of cards by key, or the template's five. */
function cardsOf(args: ParsedArgs): Cards {
  const files = all(args, 'card');
  const template = single(args, 'template');
  if ((files.length > 0) === (template !== undefined)) throw new UsageError('give --card FILE (repeat KEY=FILE for several) or --template service-encounter');
  if (template !== undefined) {
    if (!(TEMPLATES as readonly string[]).includes(template)) throw new UsageError(`--template takes ${TEMPLATES.join(', ')}, got ${JSON.stringify(template)}`);
    return Object.fromEntries(SERVICE_SITUATIONS.map((name) => [name, serviceEncounterScorecard(name)]));
  }
  const loaded = files.map((spec) => {
    const at = spec.indexOf('=');
    const file = at < 0 ? spec : spec.slice(at + 1);
    const card = readCard(file);
    const key = at < 0 ? (typeof card.id === 'string' ? card.id : file) : spec.slice(0, at);
    return { key, card };
  });
  if (loaded.length === 1 && !files[0]!.includes('=')) return loaded[0]!.card;
  // No prototype: a card keyed "__proto__" is a card like any other.
  const record = Object.create(null) as Record<string, ScorecardDefinition>;
  for (const { key, card } of loaded) {
    if (Object.hasOwn(record, key)) throw new UsageError(`two cards are called ${JSON.stringify(key)}; give them keys: --card KEY=FILE`);
    record[key] = card;
  }
  return record;
}

function readCard(file: string): ScorecardDefinition {
  const card = readJsonFile(file) as ScorecardDefinition;
  // Checked before any visit is read: a mistake in a card is named as one.
  try {
    defineScorecard(card);
  } catch (error) {
    if (error instanceof CxValidationError) throw new InputError(`${file}: ${describeValidation(error, null)}`);
    throw error;
  }
  return card;
}

/** One card rather than a record of cards by key (a card has a list of sections; a card keyed "sections" is a card). */
function isOneCard(cards: Cards): cards is ScorecardDefinition {
  return Array.isArray((cards as { sections?: unknown }).sections);
}

/** Every criterion id of the cards, with its definition on each card that has it (by card key). */
function criteriaOf(cards: Cards): Map<string, Map<string, Criterion>> {
  const byId = new Map<string, Map<string, Criterion>>();
  const entries: [string, ScorecardDefinition][] = isOneCard(cards) ? [['', cards]] : Object.entries(cards);
  for (const [key, card] of entries) {
    for (const section of Array.isArray(card?.sections) ? card.sections : []) {
      for (const criterion of Array.isArray(section?.criteria) ? section.criteria : []) {
        if (typeof criterion?.id !== 'string') continue;
        const perCard = byId.get(criterion.id) ?? new Map<string, Criterion>();
        perCard.set(key, criterion as Criterion);
        byId.set(criterion.id, perCard);
      }
    }
  }
  return byId;
}

/**
 * A row as a visit: the answers its card's criteria take — numbers for scale criteria,
 * yes/no (also true/false, 1/0, any case) for yes-no ones, option labels as written, "n/a"
 * in any case for not applicable; empty cells are no answer. A cell for a criterion its
 * card lacks is passed on as written, so the library names it as an error.
 */
function toVisit(row: Row, criteria: ReadonlyMap<string, ReadonlyMap<string, Criterion>>, columns: readonly string[], fields: { situation?: string | undefined; by?: string | undefined; wave?: string | undefined; id?: string | undefined }): Visit {
  const cardKey = fields.situation === undefined ? '' : row[fields.situation];
  // No prototypes: a criterion or field named "__proto__" is a key like any other.
  const answers = emptyRow();
  for (const column of columns) {
    const cell = row[column];
    if (cell === null || cell === undefined || cell === '') continue;
    const criterion = typeof cardKey === 'string' ? criteria.get(column)?.get(cardKey) : undefined;
    answers[column] = criterion === undefined ? cell : answerCell(cell, criterion);
  }
  const visit = emptyRow();
  visit['answers'] = answers;
  if (fields.id !== undefined && row[fields.id] !== null) visit['id'] = String(row[fields.id]);
  for (const column of [fields.situation, fields.by, fields.wave]) if (column !== undefined) visit[column] = row[column];
  return visit as Visit;
}

function answerCell(cell: unknown, criterion: Criterion): unknown {
  const text = typeof cell === 'string' ? cell.trim() : cell;
  if (typeof text === 'string' && text.toLowerCase() === NOT_APPLICABLE) return NOT_APPLICABLE;
  const answer = criterion.answer;
  if (answer === 'yes-no') {
    const word = String(text).toLowerCase();
    if (['yes', 'true', '1'].includes(word)) return 'yes';
    if (['no', 'false', '0'].includes(word)) return 'no';
    return text;
  }
  if (typeof answer === 'object' && answer !== null && 'scale' in answer) {
    return typeof text === 'string' && /^[+-]?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
  }
  return typeof text === 'number' ? String(text) : text;
}

/** The library's error as one line naming the file's row and column (a criterion is its own column). */
function describeScorecardError(error: CxValidationError, table: Table): string {
  const issues = error.issues.map((issue) => (issue.path[1] === 'answers' ? { ...issue, path: [issue.path[0]!, ...issue.path.slice(2)] } : issue));
  return describeValidation(new CxValidationError(issues, error.issueCount), table);
}
