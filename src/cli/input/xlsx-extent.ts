/**
 * How far a worksheet reaches: its last row and last column, from the cells themselves (the
 * `<dimension>` element is advisory and often wrong). The workbook reader holds a sheet as a
 * full grid of rows × columns, so a 1.5 kB workbook with one cell at XFD1048576 asked for 17
 * billion cells and killed Node; the extent is checked first. The sheet's XML is inflated as
 * a stream and scanned for `<row>` and `<c>` tags, never held whole. fflate (zip) is loaded
 * only when a workbook is read.
 */
export interface SheetExtent {
  readonly rows: number;
  readonly columns: number;
}

/** A column's letters: 1 = A, 16384 = XFD. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** The extent of the sheet `sheet` (a name, or the first sheet), or null when the workbook does not say where it is. */
export async function sheetExtent(bytes: Uint8Array, sheet: string | undefined): Promise<SheetExtent | null> {
  const { Unzip, UnzipInflate, UnzipPassThrough, unzipSync, strFromU8 } = await import('fflate');
  const path = sheetPath(bytes, sheet, unzipSync, strFromU8);
  if (path === null) return null;
  const scan = extentScanner();
  let found = false;
  const unzip = new Unzip((file) => {
    if (file.name !== path) return;
    found = true;
    file.ondata = (error, chunk) => {
      if (error) throw error;
      scan.push(strFromU8(chunk, true));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  const SLICE = 1 << 20;
  for (let at = 0; at < bytes.length; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  return found ? scan.extent() : null;
}

/** The zip path of a sheet by its name, or of the first sheet, from the workbook and its relationships. */
function sheetPath(bytes: Uint8Array, sheet: string | undefined, unzipSync: typeof import('fflate').unzipSync, strFromU8: typeof import('fflate').strFromU8): string | null {
  const parts = unzipSync(bytes, { filter: (file) => file.name === 'xl/workbook.xml' || file.name === 'xl/_rels/workbook.xml.rels' });
  const workbook = parts['xl/workbook.xml'];
  const relations = parts['xl/_rels/workbook.xml.rels'];
  if (workbook === undefined || relations === undefined) return null;
  const sheets = [...strFromU8(workbook).matchAll(/<(?:\w+:)?sheet\b([^>]*)>/g)].map((tag) => ({ name: attribute(tag[1]!, 'name'), id: /\b\w+:id="([^"]*)"/.exec(tag[1]!)?.[1] ?? null }));
  const chosen = sheet === undefined ? sheets[0] : sheets.find((entry) => entry.name === sheet);
  if (chosen?.id === undefined || chosen.id === null) return null;
  for (const tag of strFromU8(relations).matchAll(/<(?:\w+:)?Relationship\b([^>]*)>/g)) {
    if (attribute(tag[1]!, 'Id') !== chosen.id) continue;
    const target = attribute(tag[1]!, 'Target');
    if (target === null) return null;
    return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  }
  return null;
}

/** An attribute's value, XML entities decoded. */
function attribute(attributes: string, name: string): string | null {
  const value = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attributes)?.[1];
  if (value === undefined) return null;
  return value.replace(/&(lt|gt|quot|apos|amp);/g, (_, entity: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[entity]!);
}

/** A cell reference's column (A = 1, XFD = 16384) and row. */
function parseReference(reference: string): { column: number; row: number } | null {
  const found = /^([A-Z]{1,3})(\d+)$/.exec(reference);
  if (found === null) return null;
  let column = 0;
  for (const letter of found[1]!) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { column, row: Number(found[2]) };
}

/** The scanner over the sheet's XML text as it arrives; a tag cut by a chunk's end waits for the rest. */
function extentScanner() {
  let carried = '';
  let row = 0;
  let column = 0;
  let rows = 0;
  let columns = 0;
  // Rows and cells without a reference follow the one before, as spreadsheet programs read them.
  const tag = (text: string) => {
    const name = /^<(?:\w+:)?(row|c)(?=[\s/>])/.exec(text)?.[1];
    if (name === undefined) return;
    const reference = /\sr="([^"]*)"/.exec(text)?.[1];
    if (name === 'row') {
      row = reference !== undefined && /^\d+$/.test(reference) ? Number(reference) : row + 1;
      column = 0;
      rows = Math.max(rows, row);
      return;
    }
    const place = reference === undefined ? null : parseReference(reference);
    column = place?.column ?? column + 1;
    rows = Math.max(rows, place?.row ?? 0);
    columns = Math.max(columns, column);
  };
  return {
    push(text: string) {
      const all = carried + text;
      let at = 0;
      for (;;) {
        const open = all.indexOf('<', at);
        if (open < 0) {
          carried = '';
          return;
        }
        const close = all.indexOf('>', open);
        if (close < 0) {
          carried = all.slice(open);
          return;
        }
        tag(all.slice(open, close + 1));
        at = close + 1;
      }
    },
    extent(): SheetExtent {
      return { rows, columns };
    },
  };
}
