import type { CommandOutput } from '../output/write-output.js';
import { THEME_FLAGS } from './themes.js';
import { CARD_FLAGS } from './scorecard.js';
import { writeFileSafely } from '../output/write-file.js';
import { all, parseCommand, single, type CommandSpec } from '../args.js';
import { UsageError } from '../errors.js';
import { renderSvgs } from '../report/render-charts.js';
import { buildReport, reportPlan } from '../report/build-report.js';
import { version } from '../version.js';
import { ADJUST_FLAG } from '../shared/test-flags.js';
import { REPORT_SUPPRESSION, SUPPRESSION_FLAGS } from '../shared/suppression-flags.js';
import { DATE_FORMAT_FLAG, DATE_UNIT_FLAG, INPUT_FLAGS, notesTo, openInput } from '../shared/input-flags.js';
import { metricFlags } from '../shared/metric-flags.js';
import { RAKE_FLAGS } from '../shared/rake-flags.js';
import { MAX_GROUPS_FLAG } from '../shared/run.js';

export const reportSpec: CommandSpec = {
  name: 'report',
  usage: 'FILE --out REPORT.html --nps COL | --csat COL | --ces COL ... [--by COL] [--at COL --period P] [--outcome COL --driver COL...] [--journey FILE --stage COL] [--id COL] [options]',
  summary:
    'One self-contained HTML report to open, read and forward: the file read, the summary, and as asked the trend, key drivers, journey and follow-ups, each with its chart (inline SVG: no network needed) and table, and how the numbers are computed. Readable on a phone, prints cleanly.',
  groups: [
    {
      heading: 'Report',
      flags: [
        { name: 'out', value: 'FILE', help: 'where to write the report (.html)' },
        { name: 'lang', value: 'LANG', help: 'en or fi (default: from LANG, else en)' },
        { name: 'title', value: 'TEXT', help: "the report's title" },
        { name: 'quiet', help: 'no progress line and no notes on stderr' },
      ],
    },
    { heading: 'Summary', flags: [{ name: 'by', value: 'COL', help: 'group by a column (repeat to group by several)', repeat: true }, MAX_GROUPS_FLAG] },
    {
      heading: 'Trend (optional)',
      flags: [
        { name: 'at', value: 'COL', help: 'the column of dates' },
        { name: 'period', value: 'PERIOD', help: 'day, week, month, quarter or year' },
        { name: 'time-zone', value: 'TZ', help: 'the calendar instants are dated in (default UTC)' },
        DATE_UNIT_FLAG,
        DATE_FORMAT_FLAG,
      ],
    },
    {
      heading: 'Key drivers (optional)',
      flags: [
        { name: 'outcome', value: 'COL', help: 'the overall measure the drivers are related to' },
        { name: 'driver', value: 'COL', help: 'a driver column', repeat: true },
        { name: 'driver-scale', value: 'MIN-MAX', help: "the drivers' scale, e.g. 1-5 (performance on 0–100)" },
        { name: 'driver-method', value: 'METHOD', help: 'importance: pearson (default), spearman, relative-weights or shapley (R² split among the drivers)' },
      ],
    },
    {
      heading: 'Journey (optional)',
      flags: [
        { name: 'journey', value: 'FILE', help: 'the journey as JSON' },
        { name: 'stage', value: 'COL', help: "the column of each row's stage id" },
        { name: 'touchpoint', value: 'COL', help: "the column of each row's touchpoint id" },
        { name: 'headline', value: 'METRIC', help: 'nps, csat or ces: the journey\'s headline metric' },
      ],
    },
    { heading: 'Follow-ups (optional)', flags: [{ name: 'id', value: 'COL', help: 'the respondent id column: the report counts whom to contact' }] },
    { heading: 'What customers say (optional)', flags: THEME_FLAGS },
    {
      heading: 'Banner table (optional)',
      flags: [
        { name: 'banner', value: 'COL', help: "a column whose groups are the banner table's columns, lettered (repeatable); the report's metrics are its rows", repeat: true },
        { name: 'category', value: 'COL', help: 'a categorical column: its categories as rows of the banner table (repeatable)', repeat: true },
        { name: 'min-base', value: 'N', help: 'leave banner columns with fewer answers than this untested (default 30); --adjust none, bonferroni, holm or benjamini-hochberg adjusts over each row (default none)' },
      ],
    },
    { heading: 'Mystery shopping (optional; then --nps, --csat and --ces are too): one row per visit, grouped and ranked by the first --by', flags: CARD_FLAGS },
    { heading: 'Tests', flags: [ADJUST_FLAG] },
    { heading: SUPPRESSION_FLAGS.heading, flags: SUPPRESSION_FLAGS.flags.map((flag) => (flag.name === 'min-n' ? { ...flag, help: `${flag.help} (default ${REPORT_SUPPRESSION.minN}; 1 hides nothing)` } : flag.name === 'min-n-comments' ? { ...flag, help: `${flag.help.replace('(default: --min-n)', `(default ${REPORT_SUPPRESSION.minNComments}, or --min-n when given)`)}` } : flag)) },
    metricFlags(true),
    RAKE_FLAGS,
    INPUT_FLAGS,
  ],
  examples: [
    'cx-metrics report survey.csv --by Class --csat "Seat comfort" --csat Cleanliness --na 0 --out report.html',
    'cx-metrics report answers.csv --lang fi --nps recommend --by channel --at answered --period month --out raportti.html',
  ],
};

/** `--lang`, else the language of LANG (fi_FI.UTF-8 → fi), else English. */
function language(given: string | undefined): 'en' | 'fi' {
  const lang = given ?? (process.env['LANG'] ?? '').slice(0, 2).toLowerCase();
  if (given !== undefined && lang !== 'en' && lang !== 'fi') throw new UsageError(`--lang takes en or fi, got "${given}"`);
  return lang === 'fi' ? 'fi' : 'en';
}


export async function reportCommand(argv: readonly string[]): Promise<CommandOutput> {
  const args = parseCommand(reportSpec, argv);
  const out = single(args, 'out');
  if (out === undefined) throw new UsageError('report needs --out FILE.html');
  const plan = reportPlan(args, language(single(args, 'lang')));
  const { table, progress } = await openInput(args);
  const report = await buildReport(args, plan, table, { note: notesTo(args), rowsRead: () => progress.done(), renderSvgs, source: args.file, created: new Date(), version: version() });
  writeFileSafely(out, report.html, [args.file, ...all(args, 'journey')]);
  return `wrote ${out}: ${report.sections} section${report.sections === 1 ? '' : 's'}, ${report.rows} rows of ${args.file}`;
}
