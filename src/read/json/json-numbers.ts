/**
 * JSON numbers that a double cannot hold as written — an id such as 9007199254740993, a code
 * written 1.50 — keep their text. `JSON.parse` rounds them (…993 became …992, and `followups`
 * handed a CRM the wrong customer); here each such number is rewritten, before parsing, as a
 * string carrying a mark, and {@link numberText} gives the reader its exact text back. Numbers
 * that print as written (10, 4.5, -3) are left alone and parse as numbers.
 */

/** Starts the string a long number is rewritten to; a mark no export writes in a cell. */
const MARK = '\u0000cx-number:';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The JSON text with every number that would not print back as written turned into a marked string. */
export function keepNumberTexts(json: string): string {
  let out = '';
  let copied = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (c !== 0x2d && (c < 0x30 || c > 0x39)) continue;
    NUMBER.lastIndex = i;
    const found = NUMBER.exec(json);
    if (found === null) continue; // not a number: JSON.parse will say so
    const text = found[0];
    if (String(Number(text)) !== text) {
      // The mark's NUL is written as its JSON escape: a raw control character is not valid JSON.
      out += `${json.slice(copied, i)}"${MARK.replace('\u0000', '\\u0000')}${text}"`;
      copied = i + text.length;
    }
    i += text.length - 1;
  }
  return copied === 0 ? json : out + json.slice(copied);
}

/** The exact text of a number {@link keepNumberTexts} marked, or null for any other value. */
export function numberText(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith(MARK) ? value.slice(MARK.length) : null;
}
