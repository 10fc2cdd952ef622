import { MAX_REPORTED_ISSUES, describeValue } from '../errors.js';
import type { RejectedAnswer, Tally } from '../tally-types.js';
import type { AnswerRules } from './answer-rules.js';
import type { FieldReader } from './field-reader.js';
import { logIssue, type IssueLog } from './issue-log.js';
import { judgeRowAnswer, type RowProblem } from './row-answers.js';

/**
 * Counting answers read from the user's rows into tallies: the one mechanism behind
 * satisfactionIndex, summarize, journeyReport and trend. A pass has a layout (which fields,
 * on which scales, weighted or not) and any number of groups, each holding one tally per
 * field in the shape the hot loop writes fastest.
 */

/** A field of the rows and how its answers are read. */
export interface RowField {
  readonly reader: FieldReader;
  readonly rules: AnswerRules;
}

/** Where a pass reports problems, and whether invalid answers are skipped. */
export interface RowIssues {
  readonly log: IssueLog;
  readonly skip: boolean;
}

/** Scales whose points all lie in 0…DIRECT_LIMIT − 1 are counted by the answer itself. */
const DIRECT_LIMIT = 4096;

/** How one field is counted in every group of a pass. */
interface SlotLayout {
  readonly min: number;
  readonly max: number;
  /** Counts indexed by the answer itself (the fast path), else by answer − min. */
  readonly direct: boolean;
  readonly rules: AnswerRules;
  /** The field's name in error paths. */
  readonly label: string;
}

/** The fields of a pass over rows, and whether rows carry weights. */
export interface GroupLayout {
  readonly readers: readonly FieldReader[];
  readonly slots: readonly SlotLayout[];
  readonly weighted: boolean;
  /** Per field, the range the fast path accepts (empty, lowest > highest, for offset scales). */
  readonly lowest: readonly number[];
  /** Each field's name where `row[name]` reads it (undefined for an accessor), one load closer to the hot loop. */
  readonly fields: readonly (string | undefined)[];
  readonly highest: readonly number[];
}

/** One field's counts in one group, in the shape the hot loop writes fastest. */
interface FieldSlot {
  readonly byValue: Float64Array;
  readonly sumWeights: Float64Array | null;
  readonly sumSquaredWeights: Float64Array | null;
  missing: number;
  invalid: number;
  rejected: RejectedAnswer[];
}

/** The counts of one group of rows (a key, a touchpoint, a period), one slot per field. */
export interface RowGroup {
  rows: number;
  readonly slots: readonly FieldSlot[];
  /** Each slot's `byValue`, one load closer to the hot loop. */
  readonly counts: readonly Float64Array[];
}

export function groupLayout(fields: readonly RowField[], weighted: boolean): GroupLayout {
  const slots = fields.map(({ rules, reader }) => {
    const { min, max } = rules.scale;
    return { min, max, direct: min >= 0 && max < DIRECT_LIMIT, rules, label: reader.label };
  });
  const lowest = slots.map((slot) => (slot.direct ? slot.min : 1));
  const highest = slots.map((slot) => (slot.direct ? slot.max : 0));
  const readers = fields.map(({ reader }) => reader);
  return { readers, slots, weighted, lowest, highest, fields: readers.map((reader) => reader.direct) };
}

export function newRowGroup(layout: GroupLayout): RowGroup {
  const slots = layout.slots.map(({ min, max, direct }) => {
    const size = direct ? max + 1 : max - min + 1;
    return {
      byValue: new Float64Array(size),
      sumWeights: layout.weighted ? new Float64Array(size) : null,
      sumSquaredWeights: layout.weighted ? new Float64Array(size) : null,
      missing: 0,
      invalid: 0,
      rejected: [],
    };
  });
  return { rows: 0, slots, counts: slots.map((slot) => slot.byValue) };
}

/**
 * Reads and counts every field of a row in its group. The first three fields are read on
 * lines of their own rather than in a loop over readers: each line's inline cache then sees
 * a single field name and runs as fast as `row.recommend` — about four times faster than one
 * shared accessor for every field (measured, bench/). Three covers NPS, CSAT and CES; more
 * fields (the items of an index) take the loop.
 */
export function countRow(layout: GroupLayout, group: RowGroup, row: object, index: number, weight: number, pass: RowIssues): void {
  group.rows++;
  const { readers, fields } = layout;
  const record = row as Record<string, unknown>;
  const count = readers.length;
  if (count > 0) {
    const field = fields[0];
    countValue(layout, group, 0, field !== undefined ? record[field] : readers[0]!.read(row, index), weight, index, pass);
  }
  if (count > 1) {
    const field = fields[1];
    countValue(layout, group, 1, field !== undefined ? record[field] : readers[1]!.read(row, index), weight, index, pass);
  }
  if (count > 2) {
    const field = fields[2];
    countValue(layout, group, 2, field !== undefined ? record[field] : readers[2]!.read(row, index), weight, index, pass);
  }
  for (let m = 3; m < count; m++) countValue(layout, group, m, readers[m]!.read(row, index), weight, index, pass);
}

/**
 * Counts one answer. A plain point of a usual scale takes the fast path — two compares and
 * an increment, as in a loop written for one scale; missing, invalid and unusual scales go
 * through the shared rules. Kept small on purpose: V8 inlines at most about 920 bytes of
 * bytecode into one function, and all three of countRow's calls fit only if this body and
 * countRow stay short (a third call left out of line cost about 20 %; bench/README.md
 * says how to check).
 */
function countValue(layout: GroupLayout, group: RowGroup, m: number, value: unknown, weight: number, index: number, pass: RowIssues): void {
  if (typeof value === 'number' && value >= layout.lowest[m]! && value <= layout.highest[m]! && Math.floor(value) === value) {
    group.counts[m]![value]!++;
    if (layout.weighted) addWeight(group.slots[m]!, value, weight);
  } else recordSlowly(layout, layout.slots[m]!, group.slots[m]!, value, weight, index, pass);
}

function addWeight(slot: FieldSlot, at: number, weight: number): void {
  slot.sumWeights![at]! += weight;
  slot.sumSquaredWeights![at]! += weight * weight;
}

function recordSlowly(layout: GroupLayout, shape: SlotLayout, slot: FieldSlot, value: unknown, weight: number, index: number, pass: RowIssues): void {
  if (value === null) {
    slot.missing++;
    return;
  }
  const answer = judgeRowAnswer(shape.rules, value);
  if (typeof answer === 'number') {
    const at = shape.direct ? answer + shape.min : answer;
    slot.byValue[at]!++;
    if (layout.weighted) addWeight(slot, at, weight);
  } else if (answer === 'missing') slot.missing++;
  else reject(slot, index, value, answer.code, answer.message, [index, shape.label], pass);
}

function reject(slot: FieldSlot, index: number, value: unknown, code: RejectedAnswer['code'], message: string, path: (string | number)[], pass: RowIssues): void {
  if (!pass.skip) {
    logIssue(pass.log, { code, path, message });
    return;
  }
  slot.invalid++;
  if (slot.rejected.length < MAX_REPORTED_ISSUES) slot.rejected.push({ index, value: describeValue(value), code, reason: message });
}

/**
 * A row that cannot be read as a whole (not an object, an invalid weight): one issue, or
 * under 'skip' an invalid answer in each field of its group, so nothing is lost.
 */
export function rejectRow(group: RowGroup, index: number, row: unknown, problem: RowProblem, pass: RowIssues): void {
  const path = [index, ...problem.path];
  if (!pass.skip) {
    logIssue(pass.log, { code: problem.verdict.code, path, message: problem.verdict.message });
    return;
  }
  group.rows++;
  for (const slot of group.slots) reject(slot, index, row, problem.verdict.code, problem.verdict.message, path, pass);
}

/** The union of groups (a stage from its touchpoints, the total from the groups): sums, and rejected answers in row order. */
export function mergeGroups(layout: GroupLayout, groups: readonly RowGroup[]): RowGroup {
  const merged = newRowGroup(layout);
  for (const group of groups) {
    merged.rows += group.rows;
    group.slots.forEach((slot, m) => {
      const into = merged.slots[m]!;
      for (let k = 0; k < slot.byValue.length; k++) {
        into.byValue[k]! += slot.byValue[k]!;
        if (layout.weighted) {
          into.sumWeights![k]! += slot.sumWeights![k]!;
          into.sumSquaredWeights![k]! += slot.sumSquaredWeights![k]!;
        }
      }
      into.missing += slot.missing;
      into.invalid += slot.invalid;
      into.rejected.push(...slot.rejected);
    });
  }
  // Each group kept its first 100, so their union holds the first 100 of all.
  for (const slot of merged.slots) slot.rejected = slot.rejected.sort((a, b) => a.index - b.index).slice(0, MAX_REPORTED_ISSUES);
  return merged;
}

/** The tallies of a group, in field order: plain data like every tally. */
export function groupTallies(layout: GroupLayout, group: RowGroup): Tally[] {
  return group.slots.map((slot, m) => {
    const { min, direct, rules } = layout.slots[m]!;
    const from = direct ? min : 0;
    const counts = Array.from(slot.byValue.subarray(from));
    let n = 0;
    for (const count of counts) n += count;
    return {
      scale: rules.scale,
      counts,
      sumWeights: slot.sumWeights ? Array.from(slot.sumWeights.subarray(from)) : counts.slice(),
      sumSquaredWeights: slot.sumSquaredWeights ? Array.from(slot.sumSquaredWeights.subarray(from)) : counts.slice(),
      n,
      missing: slot.missing,
      invalid: slot.invalid,
      rejected: slot.rejected.slice(),
    };
  });
}
