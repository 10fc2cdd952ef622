import type { FollowUpList } from '../../../../src/analysis/follow-ups.js';
import type { Table } from '../../../../src/read/table.js';
import type { MetricColumn } from '../shared/metric-flags.js';
import { textTable, type TextCell } from './text-table.js';
import type { Sheet } from './workbook.js';

/** A line per respondent to contact: id, where in the file, the reasons. */
export function followUpsTable(list: FollowUpList, table: Table): string {
  const head: TextCell[] = ['id', 'at', 'reasons'];
  const lines = list.contacts.map((contact): TextCell[] => [String(contact.id), table.where(contact.row), contact.reasons.join('; ')]);
  return `${textTable([head, ...lines])}\n\n${followUpsNotes(list).join('\n')}`;
}

/** What the list says below it: how many to contact, invalid answers skipped. */
export function followUpsNotes(list: FollowUpList): string[] {
  const skipped = list.invalid > 0 ? `; ${list.invalid} invalid answers skipped` : '';
  return [`${list.contacts.length} of ${list.rows} respondents to contact${skipped}`];
}

/** For a CRM import: the id first, the reasons, then each metric column's answer, and where the row is. */
export function followUpsSheet(list: FollowUpList, columns: readonly MetricColumn[], table: Table): Sheet {
  return {
    name: 'Follow-ups',
    head: ['id', 'reasons', ...columns.map((column) => column.column), 'source_row'],
    rows: list.contacts.map((contact) => [String(contact.id), contact.reasons.join('; '), ...columns.map((column) => contact.answers[column.metric] as string | number | null | undefined), table.where(contact.row)]),
    format: () => 'count',
  };
}
