/**
 * How group keys are printed. A key is the value a row gave: text as written in a CSV or a
 * workbook; in JSON any single value. Each prints plainly — text as it is, a number as a
 * number, "(blank)" for an empty cell or null, "(missing)" for a field a JSON row lacks —
 * unless two different keys would then look alike (the number 1 and the text "1", text
 * "(blank)" and a blank), or like one of the `reserved` labels (the "total" line): then those
 * keys print as JSON, so every printed line stands for one group.
 */
export function keyTexts(keys: readonly unknown[], reserved: readonly string[] = ['total']): string[] {
  const plain = keys.map(plainText);
  const seen = new Map<string, number>(reserved.map((label) => [label, 1]));
  for (const text of plain) seen.set(text, (seen.get(text) ?? 0) + 1);
  return keys.map((key, i) => (seen.get(plain[i]!)! > 1 ? typedText(key) : plain[i]!));
}

function plainText(key: unknown): string {
  if (key === undefined) return '(missing)';
  if (key === null || key === '') return '(blank)';
  return String(key);
}

function typedText(key: unknown): string {
  if (key === undefined) return '(missing)';
  if (key === null) return '(blank)';
  return JSON.stringify(key);
}
