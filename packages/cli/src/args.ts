import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** A flag of a command: `--name VALUE` (a string flag) or `--name` (a switch). */
export interface Flag {
  readonly name: string;
  /** What the value is called in help (`COL`, `CODES`); absent for a switch. */
  readonly value?: string;
  /** May be given more than once (each value kept); any other flag given twice is an error. */
  readonly repeat?: boolean;
  readonly help: string;
}

/** A command's flags under a heading, for its help. */
export interface FlagGroup {
  readonly heading: string;
  readonly flags: readonly Flag[];
}

export interface CommandSpec {
  readonly name: string;
  /** The part of the usage line after the command's name. */
  readonly usage: string;
  /** What the command does, in a sentence or two. */
  readonly summary: string;
  readonly groups: readonly FlagGroup[];
  /** Worked examples for the help. */
  readonly examples: readonly string[];
}

/** The parsed command line: the FILE and each flag's values (a switch: `['true']`). */
export interface ParsedArgs {
  readonly file: string;
  readonly flags: ReadonlyMap<string, readonly string[]>;
}

/** One value of a flag that is not repeatable, or undefined. */
export function single(args: ParsedArgs, name: string): string | undefined {
  return args.flags.get(name)?.[0];
}

export function all(args: ParsedArgs, name: string): readonly string[] {
  return args.flags.get(name) ?? [];
}

export function isSet(args: ParsedArgs, name: string): boolean {
  return args.flags.has(name);
}

/**
 * Parses a command's arguments: exactly one FILE, only the command's flags, and a flag that
 * is not repeatable given once — `--na 0 --na 99` must not quietly keep only 99.
 * @throws {UsageError} for anything else.
 */
export function parseCommand(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const flags = spec.groups.flatMap((group) => group.flags);
  const options = Object.fromEntries(flags.map((flag) => [flag.name, { type: flag.value === undefined ? ('boolean' as const) : ('string' as const), multiple: true }]));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(args, flags), options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run over several lines with hints for its own API; one line, the useful hint kept.
    const lines = (error as Error).message.split('\n').filter((line) => !line.startsWith('Did you forget'));
    throw new UsageError(lines.join(' ').replace(/\. To specify a positional argument.*$/s, ''));
  }
  const [file, extra] = parsed.positionals;
  if (file === undefined) throw new UsageError(`${spec.name} needs a FILE to read`);
  if (extra !== undefined) throw new UsageError(`${spec.name} reads one FILE, got also ${JSON.stringify(extra)}`);
  const values = new Map<string, string[]>();
  for (const flag of flags) {
    const given = parsed.values[flag.name] as (string | boolean)[] | undefined;
    if (given === undefined) continue;
    if (flag.value !== undefined && !flag.repeat && given.length > 1) {
      throw new UsageError(`--${flag.name} is given ${given.length} times (${given.map((value) => JSON.stringify(value)).join(', ')}); give it once`);
    }
    values.set(flag.name, given.map(String));
  }
  return { file, flags: values };
}

/**
 * `--na -1,-2` as `--na=-1,-2`: a value flag followed by a negative number (a list of them,
 * `-1`, `-0.5`) takes it as its value, as the user meant — Node would read it as a flag.
 */
function joinNegativeValues(args: readonly string[], flags: readonly Flag[]): string[] {
  const valued = new Set(flags.filter((flag) => flag.value !== undefined).map((flag) => `--${flag.name}`));
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (valued.has(args[i]!) && next !== undefined && /^-(\d|\.\d)[\d.,\s-]*$/.test(next)) {
      joined.push(`${args[i]}=${next}`);
      i++;
    } else joined.push(args[i]!);
  }
  return joined;
}

/** A command's help: usage, what it does, its flags by group, examples. */
export function helpText(spec: CommandSpec): string {
  const width = Math.max(...spec.groups.flatMap((group) => group.flags.map((flag) => flagLabel(flag).length)));
  const lines = [`usage: cx-metrics ${spec.name} ${spec.usage}`, '', spec.summary];
  for (const group of spec.groups) {
    lines.push('', `${group.heading}:`);
    for (const flag of group.flags) lines.push(`  ${flagLabel(flag).padEnd(width)}  ${flag.help}${flag.repeat ? ' (repeatable)' : ''}`);
  }
  if (spec.examples.length > 0) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return lines.join('\n');
}

function flagLabel(flag: Flag): string {
  return flag.value === undefined ? `--${flag.name}` : `--${flag.name} ${flag.value}`;
}
