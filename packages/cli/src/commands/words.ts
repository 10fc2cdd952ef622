import type { CommandOutput } from '../output/write-output.js';
import { jsonChunks } from '../output/json-chunks.js';
import { answerRules } from '../../../../src/core/options.js';
import { judgeRowAnswer } from '../../../../src/core/internal/row-answers.js';
import { NPS_SCALE } from '../../../../src/core/scale.js';
import { distinctiveWords, type DistinctiveWords } from '../../../../src/text/distinctive-words.js';
import { parseCommand, single, type CommandSpec } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import type { Row } from '../../../../src/read/table.js';
import { wordsNotes, wordsSheet, wordsTable } from '../output/words.js';
import { sheetCsv } from '../output/text-table.js';
import { workbook } from '../output/workbook.js';
import { deliver } from '../shared/deliver.js';
import { resolveColumn } from '../shared/columns.js';
import { csvStyle, INPUT_FLAGS, openInput, outputFormat, OUTPUT_FLAGS } from '../shared/input-flags.js';
import { allRows, columnPlan, onTable } from '../shared/run.js';

export const wordsSpec: CommandSpec = {
  name: 'words',
  usage: 'FILE --text COL --language fi|en (--nps COL | --compare COL [--groups A,B]) [options]',
  summary:
    "The words that set two groups' comments apart — by default detractors (0–6) against promoters (9–10) — by the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008), words as Snowball stems. The rows of the columns asked for are held in memory.",
  groups: [
    {
      heading: 'Words',
      flags: [
        { name: 'text', value: 'COL', help: 'the column of comments' },
        { name: 'language', value: 'LANG', help: 'fi or en: the stemmer words are compared by' },
        { name: 'nps', value: 'COL', help: 'compare the comments of detractors (0–6) with those of promoters (9–10)' },
        { name: 'compare', value: 'COL', help: 'compare by a column of two values instead (other values are left out with --groups)' },
        { name: 'groups', value: 'A,B', help: 'the two values of --compare to compare, first against second' },
        { name: 'top', value: 'N', help: 'words listed for each group in the table (default 15)' },
        { name: 'min-count', value: 'N', help: 'leave out words seen fewer times in both groups together (default 2)' },
      ],
    },
    INPUT_FLAGS,
    OUTPUT_FLAGS,
  ],
  examples: ['cx-metrics words comments.csv --text kommentti --language fi --nps suosittelu', 'cx-metrics words survey.csv --text Comment --language en --compare Store --groups "Kamppi,Itis"'],
};

/** A whole-number flag from `least`. */
function count(text: string | undefined, flag: string, least: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < least) throw new UsageError(`--${flag} takes a whole number from ${least}, got ${JSON.stringify(text)}`);
  return Number(text);
}

export async function wordsCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(wordsSpec, argv);
  const format = outputFormat(args);
  const [textFlag, language, npsFlag, compareFlag, groupsFlag] = ['text', 'language', 'nps', 'compare', 'groups'].map((flag) => single(args, flag));
  if (textFlag === undefined) throw new UsageError('give --text COL: the column of comments');
  if (language !== 'fi' && language !== 'en') throw new UsageError(`--language takes fi or en${language === undefined ? '' : `, got ${JSON.stringify(language)}`}`);
  if ((npsFlag === undefined) === (compareFlag === undefined)) throw new UsageError('give --nps COL (detractors against promoters) or --compare COL');
  if (groupsFlag !== undefined && compareFlag === undefined) throw new UsageError('--groups goes with --compare');
  const groups = groupsFlag?.split(',').map((group) => group.trim());
  if (groups !== undefined && (groups.length !== 2 || groups.some((group) => group === ''))) throw new UsageError(`--groups takes two values, A,B, got ${JSON.stringify(groupsFlag)}`);
  const top = count(single(args, 'top'), 'top', 1) ?? 15;
  const minCount = count(single(args, 'min-count'), 'min-count', 1) ?? 2;
  const { table, progress } = await openInput(args);
  const text = resolveColumn(table, textFlag);
  const nps = npsFlag === undefined ? undefined : resolveColumn(table, npsFlag);
  const compare = compareFlag === undefined ? undefined : resolveColumn(table, compareFlag);
  const rows = await onTable(table, () => allRows(table, columnPlan([text, ...(compare === undefined ? [] : [compare])], [], nps === undefined ? [] : [nps])));
  progress.done();
  const rules = answerRules(NPS_SCALE, {});
  // Detractors and promoters by the NPS answer; passives and no answer are in neither group.
  const npsGroup = (row: Row, index: number) => {
    const answer = judgeRowAnswer(rules, row[nps!]);
    if (typeof answer === 'object') throw new InputError(`${table.file}, ${table.where(index)}, column ${JSON.stringify(nps)}: ${answer.message}`);
    if (answer === 'missing') return null;
    return answer <= 6 ? 'detractors' : answer >= 9 ? 'promoters' : null;
  };
  const result: DistinctiveWords = await onTable(table, () =>
    distinctiveWords(rows, {
      text,
      language,
      minCount,
      ...(nps !== undefined ? { compare: npsGroup, groups: ['detractors', 'promoters'] as const } : { compare: compare!, ...(groups === undefined ? {} : { groups: groups as [string, string] }) }),
    }),
  );
  return deliver(args, format, {
    json: () => jsonChunks(result),
    csv: () => sheetCsv(wordsSheet(result), csvStyle(args)),
    table: () => wordsTable(result, top),
    xlsx: () => workbook([wordsSheet(result)], wordsNotes(result)),
  });
}
