import { ownText, valueText } from '../../core/internal/group-keys.js';

/**
 * The order of groups read back from an engine, the same whatever the engine sorted: numbers
 * ascending, then text by code units, then other values (dates by time, booleans false
 * first, driver values such as DuckDB DATEs by their text), NULL last; tuples part by part. Engines disagree on NULL placement and collation, so
 * the order is set here rather than by ORDER BY.
 */
export function compareKeys(a: unknown, b: unknown): number {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const order = compareKeys(a[i], b[i]);
      if (order !== 0) return order;
    }
    return a.length - b.length;
  }
  const rankA = rank(a);
  const rankB = rank(b);
  if (rankA !== rankB) return rankA - rankB;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  // Driver values (a DuckDB DATE, DECIMAL, UUID): by their text, as numbers where both are.
  const textA = typeof a === 'object' && a !== null ? (ownText(a) ?? valueText(a) ?? '') : '';
  const textB = typeof b === 'object' && b !== null ? (ownText(b) ?? valueText(b) ?? '') : '';
  const numberA = Number(textA);
  const numberB = Number(textB);
  if (textA !== '' && textB !== '' && Number.isFinite(numberA) && Number.isFinite(numberB)) return numberA - numberB;
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

function rank(value: unknown): number {
  if (typeof value === 'number') return 0;
  if (typeof value === 'string') return 1;
  if (value === null || value === undefined) return 3;
  return 2;
}
