import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

/**
 * Checks that a file the command line is to read is a file: one line saying what it is
 * instead (no such file, a folder, a pipe), never an error from deep inside a reader.
 */
export function checkInputPath(file: string): void {
  if (file === '-') throw new InputError('standard input (-) is not read yet: save the data to a file and give its name');
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (stat.isDirectory()) throw new InputError(`cannot read ${file}: it is a folder, not a file`);
  if (!stat.isFile()) throw new InputError(`cannot read ${file}: it is a pipe or a device, which is not read yet; save the data to a file and give its name`);
}

/** A small text file of the command's (a label map), as UTF-8; its problems as one line naming it. */
export function readTextFile(file: string): string {
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
