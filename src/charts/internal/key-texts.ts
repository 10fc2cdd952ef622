/**
 * How group keys are printed. A key is the value a row gave: text as written in a CSV or a
 * workbook; in JSON any single value. Each prints plainly — text as it is, a number as a
 * number, "(blank)" for an empty cell or null, "(missing)" for a field a JSON row lacks —
 * unless two different keys would then look alike (the number 1 and the text "1", text
 * "(blank)" and a blank, "A" and "A" with a zero-width space), or like one of the `reserved`
 * labels (the "total" line): then those keys print as JSON with every invisible character
 * written as an escape, so every printed line stands for one group.
 */
export function keyTexts(keys: readonly unknown[], reserved: readonly string[] = ['total']): string[] {
  const plain = keys.map(plainText);
  const looks = plain.map(visibleForm);
  const seen = new Map<string, number>(reserved.map((label) => [visibleForm(label), 1]));
  for (const text of looks) seen.set(text, (seen.get(text) ?? 0) + 1);
  return keys.map((key, i) => (seen.get(looks[i]!)! > 1 ? typedText(key) : plain[i]!));
}

// Characters that print as nothing (or as a space) in a table or a chart: controls, format characters, odd spaces.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0]/g;

/** What a text looks like: invisible characters dropped, runs of spaces as one. */
function visibleForm(text: string): string {
  return text.replace(INVISIBLE, (c) => (/\s/.test(c) ? ' ' : '')).replace(/ +/g, ' ');
}

function plainText(key: unknown): string {
  if (key === undefined) return '(missing)';
  if (key === null || key === '') return '(blank)';
  return String(key);
}

function typedText(key: unknown): string {
  if (key === undefined) return '(missing)';
  if (key === null) return '(blank)';
  const json = JSON.stringify(key) ?? String(key);
  return json.replace(INVISIBLE, (c) => (c === ' ' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
