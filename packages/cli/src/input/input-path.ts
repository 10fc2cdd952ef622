import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * Checks that an input the command line is to read can be read: `-` (standard input), a
 * file, a pipe or a FIFO; one line saying what it is instead (no such file, a folder), never
 * an error from deep inside a reader.
 */
export function checkInputPath(file: string): void {
  if (file === '-') return;
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${file}: it is a folder, not a file`);
}

/** Side files chosen beside the export in the offline page, by name; null on the command line, which reads the disk. */
let attached: ReadonlyMap<string, string> | null = null;

/**
 * Makes {@link readTextFile} read side files (a journey, a codebook, a card, raking margins, a
 * label map) from these texts by name instead of the disk: the offline page's worker has no
 * disk, only the files chosen in the page. Null reads the disk again.
 */
export function useAttachedFiles(files: ReadonlyMap<string, string> | null): void {
  attached = files;
}

/** A small text file of the command's (a label map), as UTF-8; its problems as one line naming it. */
export function readTextFile(file: string): string {
  // Standard input is the data's; a side file (a journey, a card, a label map) needs a name.
  if (file === '-') throw new InputError('- (standard input) is for the data; give the file by its name');
  if (attached !== null) {
    const text = attached.get(file);
    if (text === undefined) throw new InputError(`cannot read ${file}: no file of that name was chosen beside the export`);
    return text;
  }
  checkInputPath(file);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** A JSON file (a journey, a scorecard), parsed; its problems as one line naming it. */
export function readJsonFile(file: string): unknown {
  const text = readTextFile(file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file} is not valid JSON (${(error as Error).message})`);
  }
}
