import type { MetricName } from '../../../../src/common/metric-specs.js';
import { formatScale, type Scale } from '../../../../src/core/scale.js';
import type { Tally } from '../../../../src/core/tally-types.js';
import { all, isSet, single, type Flag, type FlagGroup, type ParsedArgs } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import type { Table } from '../../../../src/read/table.js';
import { resolveColumn } from './columns.js';

export const METRIC_LABELS: Record<MetricName, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };
const DEFAULT_SCALES: Record<MetricName, Scale> = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 }, ces: { min: 1, max: 7 } };

/** The flags that choose metric columns and say how to read them; `repeat`: several columns per metric. */
export function metricFlags(repeat: boolean): FlagGroup {
  const each = repeat ? ' (repeat for several columns: one result each)' : '';
  return {
    heading: 'Metrics',
    flags: [
      { name: 'nps', value: 'COL', help: `a 0–10 likelihood-to-recommend column${each}`, repeat },
      { name: 'csat', value: 'COL', help: `a satisfaction column, 1–5 with 4–5 satisfied by default${each}`, repeat },
      { name: 'ces', value: 'COL', help: `a customer-effort column, 1–7 with higher easier by default${each}`, repeat },
      ...ANSWER_FLAGS,
    ],
  };
}

/** How answers are read, for metric columns and drivers alike. */
const ANSWER_FLAGS: readonly Flag[] = [
  {
    name: 'na',
    value: 'CODES',
    help: 'codes meaning "not applicable", e.g. 0 or 0,99; applied to each column where they are not answers (0 is an answer on 0–10, so --na 0 leaves an NPS column alone and says so); COL=CODES for one column',
    repeat: true,
  },
  { name: 'weight', value: 'COL', help: 'a column of respondent weights' },
  { name: 'skip-invalid', help: 'count answers that are not points of the scale instead of stopping at the first' },
  { name: 'scale', value: 'MIN-MAX', help: 'the scale of the metric asked for, when there is one kind, e.g. 1-7' },
  { name: 'nps-scale', value: 'MIN-MAX', help: 'the scale of the NPS columns (default 0-10)' },
  { name: 'csat-scale', value: 'MIN-MAX', help: 'the scale of the CSAT columns (default 1-5)' },
  { name: 'ces-scale', value: 'MIN-MAX', help: 'the scale of the CES columns (default 1-7)' },
  { name: 'satisfied', value: 'POINTS', help: 'CSAT points that count as satisfied, e.g. 6,7 (default: the top two of the scale)' },
  { name: 'ces-orientation', value: 'WAY', help: 'higher-is-easier (CES 2.0, default) or lower-is-easier (CES 1.0, with --ces-scale 1-5)' },
  { name: 'nps-interval', value: 'METHOD', help: 'the NPS interval: adjusted-wald (default), iterative (the score interval of Rocks\' R package) or wald' },
  { name: 'csat-interval', value: 'METHOD', help: 'the CSAT interval: wilson (default), agresti-coull, jeffreys, clopper-pearson or wald' },
  { name: 'level', value: 'P', help: 'confidence level of intervals and tests (default 0.95)' },
  { name: 'strict-scale', help: 'stop when the answers use only the low corner of a scale (default: a warning)' },
];

/** A metric column with the library spec it is read with. */
export interface MetricColumn {
  readonly metric: MetricName;
  readonly column: string;
  readonly scale: Scale;
  /** `{ field, scale?, notApplicable?, satisfied?, orientation?, level? }` for the library. */
  readonly spec: Readonly<Record<string, unknown>>;
}

/** What the metric flags ask for. */
export interface MetricPlan {
  readonly columns: readonly MetricColumn[];
  readonly weight: string | undefined;
  readonly invalid: 'skip' | undefined;
  readonly level: number | undefined;
}

/** "1-7", "1–7" or "1..7". */
export function parseScale(text: string, flag: string): Scale {
  const found = /^\s*(-?\d+)\s*(?:-|–|\.\.)\s*(-?\d+)\s*$/.exec(text);
  const scale = found ? { min: Number(found[1]), max: Number(found[2]) } : null;
  if (scale === null || scale.max <= scale.min || scale.max - scale.min > 1000) throw new UsageError(`--${flag} takes MIN-MAX such as 1-7, got ${JSON.stringify(text)}`);
  return scale;
}

/** "4,5" → [4, 5]. */
export function parseNumbers(text: string, flag: string): number[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '' || !Number.isFinite(Number(part)))) throw new UsageError(`--${flag} takes numbers separated by commas, got ${JSON.stringify(text)}`);
  return parts.map(Number);
}

/** `--na` as given: codes for every column, and codes for named columns. */
export interface NaCodes {
  readonly everywhere: readonly number[];
  readonly byColumn: ReadonlyMap<string, readonly number[]>;
}

export function naCodes(args: ParsedArgs, table: Table): NaCodes {
  const everywhere: number[] = [];
  const byColumn = new Map<string, number[]>();
  for (const value of all(args, 'na')) {
    const at = value.lastIndexOf('=');
    if (at < 0) everywhere.push(...parseNumbers(value, 'na'));
    else {
      const column = resolveColumn(table, value.slice(0, at));
      byColumn.set(column, [...(byColumn.get(column) ?? []), ...parseNumbers(value.slice(at + 1), 'na')]);
    }
  }
  return { everywhere, byColumn };
}

/**
 * The N/A codes for one column on `scale`: its own (a code that is an answer on the scale is
 * then a mistake), or those for every column that are not answers on it — a 0 that means
 * "not applicable" on a 1–5 item is an answer on 0–10, and is left alone there, with a note.
 */
export function codesFor(na: NaCodes, column: string, scale: Scale, label: string, note: (message: string) => void): number[] | undefined {
  const onScale = (code: number) => Number.isInteger(code) && code >= scale.min && code <= scale.max;
  const own = na.byColumn.get(column);
  if (own !== undefined) {
    const clash = own.find(onScale);
    if (clash !== undefined) throw new UsageError(`--na ${column}=${clash}: ${clash} is an answer on the ${formatScale(scale)} scale of ${label} ${JSON.stringify(column)}`);
    return [...own];
  }
  const kept = na.everywhere.filter((code) => !onScale(code));
  const left = na.everywhere.filter(onScale);
  if (left.length > 0) note(`--na ${left.join(',')} is not applied to ${label} column ${JSON.stringify(column)}: ${left.join(', ')} ${left.length > 1 ? 'are answers' : 'is an answer'} on its ${formatScale(scale)} scale`);
  return kept.length > 0 ? kept : undefined;
}

function scaleFlag(args: ParsedArgs, metric: MetricName, kinds: readonly MetricName[]): Scale | undefined {
  const own = single(args, `${metric}-scale`);
  if (own !== undefined) return parseScale(own, `${metric}-scale`);
  const shared = single(args, 'scale');
  if (shared === undefined) return undefined;
  if (kinds.length > 1) throw new UsageError(`--scale is for one kind of metric; with ${kinds.map((kind) => `--${kind}`).join(' and ')} give --${kinds.join('-scale, --')}-scale`);
  return parseScale(shared, 'scale');
}

/** The level flag as a number strictly between 0 and 1. */
export function levelFlag(args: ParsedArgs): number | undefined {
  const text = single(args, 'level');
  if (text === undefined) return undefined;
  const level = Number(text);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level takes a confidence level between 0 and 1 such as 0.9, got ${JSON.stringify(text)}`);
  return level;
}

/** The interval methods a metric takes (CES has one per headline, so no flag). */
const INTERVAL_METHODS = {
  nps: ['adjusted-wald', 'iterative', 'wald'],
  csat: ['wilson', 'agresti-coull', 'jeffreys', 'clopper-pearson', 'wald'],
} as const;

function intervalFlag(args: ParsedArgs, metric: keyof typeof INTERVAL_METHODS): string | undefined {
  const text = single(args, `${metric}-interval`);
  if (text !== undefined && !(INTERVAL_METHODS[metric] as readonly string[]).includes(text)) throw new UsageError(`--${metric}-interval takes ${INTERVAL_METHODS[metric].join(', ')}, got ${JSON.stringify(text)}`);
  return text;
}

/** A usage error, before any file is read, when no metric column is asked for. */
export function requireMetric(args: ParsedArgs): void {
  if (!(['nps', 'csat', 'ces'] as const).some((metric) => isSet(args, metric))) throw new UsageError('give at least one of --nps, --csat and --ces');
}

/** The metric columns and reading options the flags ask for, checked against the file's columns. */
export function metricPlan(args: ParsedArgs, table: Table, note: (message: string) => void): MetricPlan {
  const kinds = (['nps', 'csat', 'ces'] as const).filter((metric) => isSet(args, metric));
  const na = naCodes(args, table);
  const level = levelFlag(args);
  const satisfied = single(args, 'satisfied');
  const orientation = single(args, 'ces-orientation');
  if (satisfied !== undefined && !kinds.includes('csat')) throw new UsageError('--satisfied is for --csat columns');
  if (orientation !== undefined && !['higher-is-easier', 'lower-is-easier'].includes(orientation)) throw new UsageError(`--ces-orientation takes higher-is-easier or lower-is-easier, got ${JSON.stringify(orientation)}`);
  if (orientation !== undefined && !kinds.includes('ces')) throw new UsageError('--ces-orientation is for --ces columns');
  for (const metric of ['nps', 'csat', 'ces'] as const) {
    for (const flag of [`${metric}-scale`, `${metric}-interval`]) if (isSet(args, flag) && !kinds.includes(metric)) throw new UsageError(`--${flag} is for --${metric} columns`);
  }
  const intervals: Partial<Record<MetricName, string | undefined>> = { nps: intervalFlag(args, 'nps'), csat: intervalFlag(args, 'csat') };
  const columns = kinds.flatMap((metric) => {
    const scale = scaleFlag(args, metric, kinds);
    const effective = scale ?? DEFAULT_SCALES[metric];
    return all(args, metric).map((asked): MetricColumn => {
      const column = resolveColumn(table, asked);
      if (table.platform === 'qualtrics' && /_NPS_GROUP$/.test(column)) {
        throw new InputError(`${table.file}: ${JSON.stringify(column)} is Qualtrics' promoter / passive / detractor code (1–3), not the 0–10 answer; give ${JSON.stringify(column.replace(/_NPS_GROUP$/, ''))}`);
      }
      const notApplicable = codesFor(na, column, effective, METRIC_LABELS[metric], note);
      const spec: Record<string, unknown> = { field: column };
      if (scale) spec['scale'] = scale;
      if (notApplicable) spec['notApplicable'] = notApplicable;
      if (metric === 'csat' && satisfied !== undefined) spec['satisfied'] = parseNumbers(satisfied, 'satisfied');
      if (metric === 'ces' && orientation !== undefined) spec['orientation'] = orientation;
      if (intervals[metric] !== undefined) spec['interval'] = intervals[metric];
      if (level !== undefined) spec['level'] = level;
      return { metric, column, scale: effective, spec };
    });
  });
  const repeated = columns.find((entry, i) => columns.findIndex((other) => other.metric === entry.metric && other.column === entry.column) < i);
  if (repeated) throw new UsageError(`--${repeated.metric} ${repeated.column} is given twice`);
  for (const column of na.byColumn.keys()) {
    if (!columns.some((entry) => entry.column === column)) throw new UsageError(`--na ${column}=…: ${JSON.stringify(column)} is not a metric column of this command`);
  }
  const weight = single(args, 'weight');
  return { columns, weight: weight === undefined ? undefined : resolveColumn(table, weight), invalid: isSet(args, 'skip-invalid') ? 'skip' : undefined, level };
}

/** Answers needed before a scale's unused top says something about the column. */
const SCALE_CHECK_ANSWERS = 30;

/**
 * A column whose answers never reach the top quarter of its scale is probably on another
 * scale (a 1–5 item under --nps scores −100 for everyone): a warning, or with --strict-scale
 * an error. Checked on the tallies of the whole file.
 */
export function checkScaleUse(items: readonly { readonly metric: MetricName; readonly column: string; readonly tally: Tally }[], args: ParsedArgs, note: (message: string) => void): void {
  for (const { metric, column, tally } of items) {
    const { min, max } = tally.scale;
    if (tally.n < SCALE_CHECK_ANSWERS) continue;
    let highest = min;
    tally.counts.forEach((count, k) => {
      if (count > 0) highest = min + k;
    });
    if ((max - highest) / (max - min + 1) < 0.25) continue;
    const flag = isSet(args, 'scale') ? '--scale' : `--${metric}-scale`;
    const hint = metric === 'nps' ? 'NPS is asked on 0–10: is this a rating for --csat?' : `if it is a ${min}–${highest} item, say so with ${flag} ${min}-${highest}`;
    const message = `${METRIC_LABELS[metric]} column ${JSON.stringify(column)}: none of its ${tally.n} answers is above ${highest} on the ${formatScale(tally.scale)} scale; ${hint}`;
    if (isSet(args, 'strict-scale')) throw new InputError(message);
    note(`warning: ${message}`);
  }
}
