import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Gunzip } from 'fflate';
import { InputError } from '../errors.js';
import type { RawSource } from '../../../../src/read/source.js';

export type { RawSource } from '../../../../src/read/source.js';

const GZIP = [0x1f, 0x8b] as const;

/** Something to wait on for a few milliseconds between reads of an empty pipe. */
let pause: Int32Array | undefined;

/** What `-` reads. */
export const STANDARD_INPUT = 'standard input';

/** Opens the input: `-` is standard input; a path is a file, a FIFO or a character device. */
export function openRawSource(file: string): RawSource {
  let fd: number;
  const name = file === '-' ? STANDARD_INPUT : file;
  try {
    fd = file === '-' ? 0 : openSync(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  const stat = fstatSync(fd);
  if (stat.isDirectory()) {
    closeSync(fd);
    throw new InputError(`cannot read ${file}: it is a folder, not a file`);
  }
  const seekable = stat.isFile();
  let position = 0;
  return {
    name,
    size: seekable ? stat.size : Number.NaN,
    get position() {
      return position;
    },
    lineAt: seekable ? (offset) => lineOfOffset(file, offset) : undefined,
    read(target, offset, length) {
      for (;;) {
        try {
          const count = readSync(fd, target, offset, length, seekable ? position : null);
          position += count;
          return count;
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EOF') return 0;
          if (code !== 'EAGAIN') throw new InputError(`cannot read ${name}: ${(error as Error).message}`);
          // A pipe with nothing in it yet, opened non-blocking: wait a little for the writer.
          // Made on first use: the offline page loads this module too, and a page that is not cross-origin isolated has no SharedArrayBuffer.
          Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 5);
        }
      }
    },
    close() {
      if (fd !== 0) closeSync(fd);
    },
  };
}

/** Whether bytes start a gzip stream. */
export function isGzip(head: Uint8Array): boolean {
  return head[0] === GZIP[0] && head[1] === GZIP[1];
}

/** The inflated bytes of a gzip source, as they are read (fflate's streaming inflate; every member of a multi-member file). */
export function gunzipSource(source: RawSource): RawSource {
  const pending: Uint8Array[] = [];
  let ended = false;
  const inflater = new Gunzip((data, final) => {
    if (data.length > 0) pending.push(data);
    if (final) ended = true;
  });
  const input = new Uint8Array(1 << 20);
  let position = 0;
  return {
    name: source.name,
    size: Number.NaN,
    get position() {
      return position;
    },
    read(target, offset, length) {
      while (pending.length === 0 && !ended) {
        const count = source.read(input, 0, input.length);
        try {
          inflater.push(input.slice(0, count), count === 0);
        } catch (error) {
          throw new InputError(`cannot read ${source.name}: it starts as gzip but does not inflate (${(error as Error).message})`);
        }
        if (count === 0) ended = true;
      }
      const next = pending[0];
      if (next === undefined) return 0;
      const part = Math.min(length, next.length);
      target.set(next.subarray(0, part), offset);
      if (part === next.length) pending.shift();
      else pending[0] = next.subarray(part);
      position += part;
      return part;
    },
    close: () => source.close(),
  };
}

/** The line (from 1) of a byte offset of a file, read again: one more than the line feeds before it. */
function lineOfOffset(file: string, fileOffset: number): number {
  const fd = openSync(file, 'r');
  try {
    const buffer = new Uint8Array(1 << 22);
    let line = 1;
    for (let start = 0; start < fileOffset; ) {
      const count = readSync(fd, buffer, 0, Math.min(buffer.length, fileOffset - start), start);
      if (count === 0) break;
      for (let at = buffer.indexOf(0x0a); at !== -1 && at < count; at = buffer.indexOf(0x0a, at + 1)) line++;
      start += count;
    }
    return line;
  } finally {
    closeSync(fd);
  }
}
