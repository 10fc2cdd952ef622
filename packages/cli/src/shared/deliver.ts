import { single, type ParsedArgs } from '../args.js';
import { writeFileSafely } from '../output/write-file.js';
import type { CommandOutput } from '../output/write-output.js';
import { workbookBytes, type Workbook } from '../output/workbook.js';
import type { OutputFormat } from './input-flags.js';

/** What a command made, in each format it can be asked for; only the one asked for is built. */
export interface Outputs {
  readonly table: () => string;
  readonly csv: () => string;
  readonly json: () => CommandOutput;
  readonly xlsx: () => Workbook;
}

/**
 * A command's output in the format asked: printed, or with `--out FILE` written there (a
 * workbook always is) — safely, never over the input — and a line saying so printed instead.
 */
export async function deliver(args: ParsedArgs, format: OutputFormat, outputs: Outputs): Promise<CommandOutput> {
  const out = single(args, 'out');
  if (format === 'xlsx') {
    const book = outputs.xlsx();
    writeFileSafely(out!, await workbookBytes(book), [args.file]);
    return `wrote ${out}: ${book.sheets.map((sheet) => `${sheet.name} (${sheet.rows.length} rows)`).join(', ')}${book.notes.length > 0 ? ', Notes' : ''}`;
  }
  const output = outputs[format]();
  if (out === undefined) return output;
  const text = typeof output === 'string' ? output : [...output].join('');
  writeFileSafely(out, `${text}\n`, [args.file]);
  return `wrote ${out}`;
}
