import { randomBytes } from 'node:crypto';
import { realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError } from '../errors.js';

/**
 * Writes a file the command produced (a report, a workbook, --out) so that nothing is lost: never over one of the
 * command's own input files (`report data.csv --out data.csv` replaced the survey with HTML),
 * and atomically — into a temporary file beside the target, then renamed over it — so a
 * failed or interrupted write leaves the previous file whole, never half a new one.
 */
export function writeFileSafely(out: string, content: string | Uint8Array, inputs: readonly string[]): void {
  const target = resolve(out);
  const existing = statOf(target);
  if (existing?.isDirectory()) throw new InputError(`cannot write ${out}: it is a directory`);
  for (const input of inputs) {
    const stat = statOf(input);
    const sameFile = stat !== null && existing !== null && stat.dev === existing.dev && stat.ino === existing.ino;
    if (sameFile || realPath(input) === realPath(target)) throw new InputError(`--out ${out} is the input file ${input}: writing there would replace it; choose another name`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, content, { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written, or it is gone already.
    }
    throw new InputError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : (error as Error).message}`);
  }
}

function statOf(path: string): { readonly dev: number; readonly ino: number; isDirectory(): boolean } | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The path with links resolved (as far as it exists), to compare two names of one file. */
function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}
