import type { FollowUpList } from '../../../../src/analysis/follow-ups.js';
import type { Table } from '../../../../src/read/table.js';
import type { MetricColumn } from '../shared/metric-flags.js';
import type { CaseLogJoin } from '../shared/case-log.js';
import { fixed } from './format-number.js';
import { textTable, type TextCell } from './text-table.js';
import type { Sheet } from './workbook.js';

/** A line per respondent to contact: id, where in the file, the reasons; with a case log, each one's case. */
export function followUpsTable(list: FollowUpList, table: Table, log: CaseLogJoin | null = null): string {
  const head: TextCell[] = ['id', 'at', 'reasons', ...(log === null ? [] : ['case', 'hours'])];
  const lines = list.contacts.map((contact, i): TextCell[] => [
    String(contact.id),
    table.where(contact.row),
    contact.reasons.join('; '),
    ...(log === null ? [] : [log.cases[i]!.state, { number: log.cases[i]!.hours === null ? '–' : fixed(log.cases[i]!.hours!, 1) }]),
  ]);
  return `${textTable([head, ...lines])}\n\n${followUpsNotes(list, log).join('\n')}`;
}

/** What the list says below it: how many to contact, invalid answers skipped; with a case log, what is overdue and how the loop keeps its SLA. */
export function followUpsNotes(list: FollowUpList, log: CaseLogJoin | null = null): string[] {
  const skipped = list.invalid > 0 ? `; ${list.invalid} invalid answers skipped` : '';
  const lines = [`${list.contacts.length} of ${list.rows} respondents to contact${skipped}`];
  if (log === null) return lines;
  const { loop } = log;
  const unit = loop.calendar === 'business' ? 'business hours' : 'h';
  const sla = `${fixed(loop.sla, loop.sla % 1 === 0 ? 0 : 1)} ${unit}`;
  lines.push(`case log as of ${loop.asOf}: ${log.overdue} overdue (open past the ${sla} SLA), ${log.unlogged} without a case${log.elsewhere > 0 ? `; ${log.elsewhere} of its ${loop.cases} cases ${log.elsewhere === 1 ? 'is' : 'are'} not on this list` : ''}`);
  const { within, missed, pending, share, interval } = loop.withinSla;
  const shareText = share === null ? 'no case decided yet' : `${within} of ${within + missed} contacted within ${sla} (${fixed(share, 1)} %${interval === null ? '' : `, ${Math.round(interval.level * 100)} % CI ${fixed(interval.lower, 1)}–${fixed(interval.upper, 1)} %`})`;
  lines.push(`all ${loop.cases} cases of the log: ${shareText}${pending > 0 ? `; ${pending} open inside the SLA, not counted` : ''}`);
  const median = loop.contact?.median;
  if (median !== undefined) lines.push(`median time to contact: ${median.estimate === null ? 'not reached (over half still open)' : `${fixed(median.estimate, 1)} ${unit}`}${median.estimate !== null && median.lower !== null ? ` (CI ${fixed(median.lower, 1)}–${median.upper === null ? '…' : fixed(median.upper, 1)})` : ''}, open cases censored (Kaplan–Meier)`);
  return lines;
}

/** For a CRM import: the id first, the reasons, then each metric column's answer, and where the row is; with a case log, the case and its hours. */
export function followUpsSheet(list: FollowUpList, columns: readonly MetricColumn[], table: Table, log: CaseLogJoin | null = null): Sheet {
  return {
    name: 'Follow-ups',
    head: ['id', 'reasons', ...columns.map((column) => column.column), 'source_row', ...(log === null ? [] : ['case', 'case_hours'])],
    rows: list.contacts.map((contact, i) => [
      String(contact.id),
      contact.reasons.join('; '),
      ...columns.map((column) => contact.answers[column.metric] as string | number | null | undefined),
      table.where(contact.row),
      ...(log === null ? [] : [log.cases[i]!.state, log.cases[i]!.hours]),
    ]),
    // Answers are points; hours to contact have decimals.
    format: (column) => (log !== null && column === columns.length + 4 ? 'number' : 'count'),
  };
}
