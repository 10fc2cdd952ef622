/**
 * Text from a file — cell values, column names, file names — shown on a terminal. Control
 * characters would act instead of show (ESC sequences change the title or clear the screen,
 * a line break in a quoted cell draws a fake table row), and invisible ones (zero-width
 * spaces, direction overrides) would make two different values look alike. They are shown
 * escaped: `\n`, `\t`, `\x1b`, `\u200b`.
 */

// C0 and C1 controls, DEL, line and paragraph separators, zero-width and direction-control characters, BOM.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Whether a text has characters a terminal would act on or not show. */
export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return UNSAFE.test(text);
}

/** A text safe to print on a terminal, every unsafe character escaped. */
export function terminalText(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
