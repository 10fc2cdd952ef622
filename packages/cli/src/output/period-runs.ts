/** A line of a trend table: a period, or a run of periods without answers shown as one line. */
export type PeriodLine = { readonly kind: 'period'; readonly index: number } | { readonly kind: 'gap'; readonly from: number; readonly to: number };

/**
 * The lines of a trend table: leading and trailing periods without answers dropped, and each
 * inner run of them as one line — a weekly trend over three years with a pause in between
 * should not be a hundred empty lines. A lone empty period is a line of its own.
 */
export function periodLines(count: number, empty: (index: number) => boolean): PeriodLine[] {
  let first = 0;
  let last = count - 1;
  while (first <= last && empty(first)) first++;
  while (last >= first && empty(last)) last--;
  const lines: PeriodLine[] = [];
  for (let p = first; p <= last; p++) {
    if (!empty(p)) {
      lines.push({ kind: 'period', index: p });
      continue;
    }
    let end = p;
    while (end + 1 <= last && empty(end + 1)) end++;
    lines.push(end === p ? { kind: 'period', index: p } : { kind: 'gap', from: p, to: end });
    p = end;
  }
  return lines;
}
