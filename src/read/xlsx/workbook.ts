import { CxInputError } from '../errors.js';
import { attribute, endsName, runsText } from './sheet-xml.js';
import { entryText, wholeText, type ZipEntry } from './zip.js';

/**
 * What a workbook says about its sheets besides their cells: which part holds the sheet of a
 * name, which styles show a number as a date, whether days count from 1904, and the shared
 * strings the cells refer to.
 */

/** The small parts (workbook, relationships, styles) are read whole, up to this many characters. */
const SMALL_PART = 64_000_000;
/** Shared strings beyond this many characters in all are refused: far more than survey answers, and near what a JavaScript engine can hold. */
const MAX_SHARED_TEXT = 400_000_000;

export interface WorkbookSheet {
  readonly name: string;
  /** The zip entry of its XML. */
  readonly path: string;
}

/** The workbook's sheets in order, and its date system. */
export async function workbookSheets(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, file: string): Promise<{ sheets: WorkbookSheet[]; date1904: boolean }> {
  const book = entries.get('xl/workbook.xml');
  const relations = entries.get('xl/_rels/workbook.xml.rels');
  if (book === undefined || relations === undefined) throw new CxInputError(`cannot read ${file} as an .xlsx workbook: it has no xl/workbook.xml (is it an .xlsx saved by a spreadsheet?)`);
  const workbook = await wholeText(bytes, book, file, SMALL_PART);
  const targets = new Map<string, string>();
  for (const tag of (await wholeText(bytes, relations, file, SMALL_PART)).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    const id = attribute(tag[1]!, ' Id=');
    const target = attribute(tag[1]!, ' Target=');
    if (id !== null && target !== null) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const sheets: WorkbookSheet[] = [];
  for (const tag of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)) {
    const name = attribute(tag[1]!, ' name=');
    const id = /\s\w+:id=["']([^"']*)["']/.exec(tag[1]!)?.[1];
    const path = id === undefined ? undefined : targets.get(id);
    if (name !== null && path !== undefined) sheets.push({ name, path });
  }
  const properties = /<(?:\w+:)?workbookPr\b([^>]*)>/.exec(workbook)?.[1] ?? '';
  const date1904 = /^(1|true)$/.test(attribute(properties, ' date1904=') ?? '');
  return { sheets, date1904 };
}

/** Excel's built-in number formats that show dates or times (14–22, 45–47, and the East Asian 27–36 and 50–58). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Whether a format code shows a date or a time: a d, m, y, h or s outside quoted text, escapes and [colours]. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:[^\]]*)\]/g, '')
    .split(';')[0]!;
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The style indexes (the cells' `s`) whose number format shows a date. */
export async function dateStyles(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, file: string): Promise<Set<number>> {
  const part = entries.get('xl/styles.xml');
  const styles = new Set<number>();
  if (part === undefined) return styles;
  const xml = await wholeText(bytes, part, file, SMALL_PART);
  const custom = new Map<number, string>();
  for (const tag of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)>/g)) {
    const id = Number(attribute(tag[1]!, ' numFmtId='));
    const code = attribute(tag[1]!, ' formatCode=');
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  let index = 0;
  for (const tag of cellXfs.matchAll(/<(?:\w+:)?xf\b([^>]*)>/g)) {
    const id = Number(attribute(tag[1]!, ' numFmtId=') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id)) styles.add(index);
    index++;
  }
  return styles;
}

/** The shared strings, read as they inflate: each `<si>` once its end has arrived. */
export async function sharedStrings(bytes: Uint8Array, entries: ReadonlyMap<string, ZipEntry>, file: string): Promise<string[]> {
  const part = entries.get('xl/sharedStrings.xml');
  const strings: string[] = [];
  if (part === undefined) return strings;
  let pending = '';
  let names: { item: string; itemClose: string; text: string; textClose: string } | null = null;
  let total = 0;
  const take = (upTo: number) => {
    let q = 0;
    for (;;) {
      const at = pending.indexOf(names!.item, q);
      if (at < 0 || at >= upTo) return;
      if (!endsName(pending, at + names!.item.length)) {
        q = at + names!.item.length;
        continue;
      }
      const close = pending.indexOf('>', at);
      if (pending.charCodeAt(close - 1) === 0x2f) {
        strings.push('');
        q = close + 1;
        continue;
      }
      const end = pending.indexOf(names!.itemClose, close);
      const text = runsText(pending.slice(close + 1, end), names!);
      total += text.length;
      if (total > MAX_SHARED_TEXT) throw new CxInputError(`${file}: its shared strings hold more than ${MAX_SHARED_TEXT / 1_000_000} million characters; save the sheet as CSV`);
      strings.push(text);
      q = end + names!.itemClose.length;
    }
  };
  for await (const chunk of entryText(bytes, part, file)) {
    pending += chunk;
    if (names === null) {
      const root = /<(\w+:)?sst[\s>]/.exec(pending);
      if (root === null) continue;
      const prefix = root[1] ?? '';
      names = { item: `<${prefix}si`, itemClose: `</${prefix}si>`, text: `<${prefix}t`, textClose: `</${prefix}t>` };
    }
    const last = pending.lastIndexOf(names.itemClose);
    if (last < 0) continue;
    const cut = last + names.itemClose.length;
    take(cut);
    pending = pending.slice(cut);
  }
  if (names !== null) take(pending.length);
  return strings;
}
