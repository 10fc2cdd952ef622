import type { Flag } from '../args.js';
import { reportSpec } from '../commands/report.js';

/**
 * The page's set-up lives in the URL fragment with the command line's own flag names
 * (`#csat=Seat%20comfort&by=Class&na=0&lang=fi`), so a set-up can be bookmarked and shared
 * without the data, and shown as the equivalent `cx-metrics report` command.
 */

/** Flags of the command line's own: where the report is written, and its notes on stderr (the page offers downloads and shows notes). */
const COMMAND_LINE_FLAGS: readonly string[] = ['out', 'quiet'];

/** Flags naming a side file, read from the files chosen beside the export in the page, by name. */
export const SIDE_FILE_FLAGS = ['journey', 'codebook', 'card', 'rake', 'map-file'] as const;
export type SideFileFlag = (typeof SIDE_FILE_FLAGS)[number];

const FLAGS: ReadonlyMap<string, Flag> = new Map(reportSpec.groups.flatMap((group) => group.flags).map((flag) => [flag.name, flag]));

/** A set-up read from a fragment: the flags (as the command line parses them), and what was left out and why. */
export interface PageSetup {
  readonly flags: ReadonlyMap<string, readonly string[]>;
  /** One line per flag left out: unknown, the command line's only, or given twice. */
  readonly ignored: readonly string[];
}

/** Reads a fragment (with or without its `#`). Bounded: at most 200 flags of 10 000 characters each. */
export function readFragment(fragment: string): PageSetup {
  const flags = new Map<string, string[]>();
  const ignored: string[] = [];
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  let count = 0;
  for (const [rawName, value] of params) {
    const name = rawName.trim().replace(/^--/, '');
    const shown = JSON.stringify(rawName.slice(0, 60));
    if (++count > 200) {
      ignored.push('more than 200 flags: the rest are left out');
      break;
    }
    const flag = FLAGS.get(name);
    if (flag === undefined) ignored.push(`${shown} is not a flag of cx-metrics report: ignored`);
    else if (COMMAND_LINE_FLAGS.includes(name)) ignored.push(`--${name} is for the command line only: ignored`);
    else if (value.length > 10_000) ignored.push(`--${name} is longer than 10 000 characters: ignored`);
    else if (name === 'lang' && value !== 'en' && value !== 'fi') ignored.push(`--lang takes en or fi, not ${JSON.stringify(value.slice(0, 20))}: ignored`);
    else if (flag.value !== undefined && !flag.repeat && flags.has(name)) ignored.push(`--${name} is given twice: the first (${JSON.stringify(flags.get(name)![0])}) is used`);
    else flags.set(name, [...(flags.get(name) ?? []), flag.value === undefined ? 'true' : value]);
  }
  return { flags, ignored };
}

/** A set-up as a fragment, flags in the order given. */
export function writeFragment(flags: ReadonlyMap<string, readonly string[]>): string {
  const params = new URLSearchParams();
  for (const [name, values] of flags) for (const value of values) params.append(name, FLAGS.get(name)?.value === undefined ? '' : value);
  // URLSearchParams writes spaces as "+"; %20 reads the same and survives more mail clients.
  return `#${params.toString().replace(/\+/g, '%20')}`;
}

/** The equivalent command line, each word quoted for a POSIX shell where it needs it. */
export function commandLine(file: string, flags: ReadonlyMap<string, readonly string[]>): string {
  const words = ['npx', 'cx-metrics-cli', 'report', file];
  for (const [name, values] of flags) for (const value of values) words.push(`--${name}`, ...(FLAGS.get(name)?.value === undefined ? [] : [value]));
  words.push('--out', 'report.html');
  return words.map(shellWord).join(' ');
}

function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
