#!/usr/bin/env node
/**
 * The `cx-metrics` command line: argument dispatch only. Each command lives in
 * commands/: options → the library function a user would call → a writer in output/.
 * Problems are one line on stderr: exit 1 for the data, 2 for a wrong command.
 */
import { CxValidationError } from '../../../src/core/errors.js';
import { helpText, type CommandSpec } from './args.js';
import { bannerCommand, bannerSpec } from './commands/banner.js';
import { driversCommand, driversSpec } from './commands/drivers.js';
import { followUpsCommand, followUpsSpec } from './commands/followups.js';
import { journeyCommand, journeySpec } from './commands/journey.js';
import { reportCommand, reportSpec } from './commands/report.js';
import { scorecardCommand, scorecardSpec } from './commands/scorecard.js';
import { summarizeCommand, summarizeSpec } from './commands/summarize.js';
import { weightsCommand, weightsSpec } from './commands/weights.js';
import { monitorCommand, monitorSpec } from './commands/monitor.js';
import { appCommand, appSpec } from './commands/app.js';
import { themesCommand, themesSpec } from './commands/themes.js';
import { trendCommand, trendSpec } from './commands/trend.js';
import { wordsCommand, wordsSpec } from './commands/words.js';
import { InputError, UsageError } from './errors.js';
import { writeOutput, type CommandOutput } from './output/write-output.js';
import { terminalText } from './output/terminal-text.js';
import { describeValidation } from './shared/messages.js';
import { version } from './version.js';

interface Command {
  readonly spec: CommandSpec;
  readonly run: (args: readonly string[]) => Promise<CommandOutput | { readonly output: CommandOutput; readonly status: number }>;
}

// A Map: a command name is the user's text, and `cx-metrics constructor` is no command.
const COMMANDS: ReadonlyMap<string, Command> = new Map([
  ['summarize', { spec: summarizeSpec, run: summarizeCommand }],
  ['trend', { spec: trendSpec, run: trendCommand }],
  ['drivers', { spec: driversSpec, run: driversCommand }],
  ['journey', { spec: journeySpec, run: journeyCommand }],
  ['followups', { spec: followUpsSpec, run: followUpsCommand }],
  ['scorecard', { spec: scorecardSpec, run: scorecardCommand }],
  ['banner', { spec: bannerSpec, run: bannerCommand }],
  ['themes', { spec: themesSpec, run: themesCommand }],
  ['words', { spec: wordsSpec, run: wordsCommand }],
  ['report', { spec: reportSpec, run: reportCommand }],
  ['weights', { spec: weightsSpec, run: weightsCommand }],
  ['monitor', { spec: monitorSpec, run: monitorCommand }],
  ['app', { spec: appSpec, run: appCommand }],
]);

function overview(): string {
  const names = [...COMMANDS.keys()];
  const width = Math.max(...names.map((name) => name.length));
  return [
    'usage: cx-metrics COMMAND FILE [options]',
    '',
    'Commands:',
    ...names.map((name) => `  ${name.padEnd(width)}  ${COMMANDS.get(name)!.spec.summary.split('. ')[0]!.replace(/\.$/, '')}`),
    '',
    'cx-metrics COMMAND --help shows a command\'s options. Reads CSV (comma, semicolon or tab; UTF-8,',
    'UTF-16 or --encoding), .xlsx workbooks, JSON and NDJSON, and Qualtrics and SurveyMonkey exports.',
  ].join('\n');
}

async function main(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : COMMANDS.get(name);
  try {
    if (name === '--version' || name === '-v') {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' && rest[0] !== undefined ? COMMANDS.get(rest[0]) : undefined;
      process.stdout.write(`${topic ? helpText(topic.spec) : overview()}\n`);
      return name === undefined ? 2 : 0;
    }
    if (command === undefined) throw new UsageError(`unknown command ${JSON.stringify(name)} (${[...COMMANDS.keys()].join(', ')})`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${helpText(command.spec)}\n`);
      return 0;
    }
    const result = await command.run(rest);
    // A command that has more to say than its output (monitor: a signal fired) gives its exit code too.
    if (typeof result === 'object' && result !== null && 'status' in result) {
      await writeOutput(process.stdout, result.output);
      return result.status;
    }
    await writeOutput(process.stdout, result);
    return 0;
  } catch (error) {
    // Messages quote file names, column names and cells: shown escaped, one line each.
    if (error instanceof UsageError) {
      const usage = command ? `usage: cx-metrics ${command.spec.name} ${command.spec.usage}` : 'usage: cx-metrics COMMAND FILE [options]';
      process.stderr.write(`cx-metrics: ${terminalText(error.message)}\n${usage}\n`);
      return 2;
    }
    const message = terminalText(error instanceof CxValidationError ? describeValidation(error, null) : (error as Error).message);
    if (!(error instanceof InputError) && !(error instanceof CxValidationError)) process.stderr.write(`cx-metrics: unexpected error: ${message}\n`);
    else process.stderr.write(`cx-metrics: ${message}\n`);
    return 1;
  }
}

// A reader that stops early (`| head`) closes the pipe: that is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
