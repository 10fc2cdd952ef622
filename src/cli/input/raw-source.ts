import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Gunzip } from 'fflate';
import { InputError } from '../errors.js';

/**
 * The bytes of the command's input, wherever they come from: a file (read at known offsets),
 * standard input (`-`), a pipe, a FIFO or a process substitution such as `<(gunzip -c x.csv.gz)`
 * (read as they arrive, never seeking), and any of them gzip-compressed (recognised by its
 * first bytes and inflated on the way). Reads are synchronous, as the CSV reader's are: a
 * command reads one input from start to end and does nothing else meanwhile.
 */
export interface RawSource {
  /** The input as messages name it: its path, or "standard input". */
  readonly name: string;
  /** Bytes in all, NaN when not known (a pipe, a compressed file). */
  readonly size: number;
  /** Bytes delivered so far (after inflating). */
  readonly position: number;
  /** Whether it is a plain file read as it is: then its bytes can be read again by offset (to find a line for a message). */
  readonly rereadable: boolean;
  /** Fills `target` from `offset` with at most `length` next bytes; 0 at the end. */
  read(target: Uint8Array, offset: number, length: number): number;
  close(): void;
}

const GZIP = [0x1f, 0x8b] as const;

/** Something to wait on for a few milliseconds between reads of an empty pipe. */
const PAUSE = new Int32Array(new SharedArrayBuffer(4));

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
    rereadable: seekable,
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
          Atomics.wait(PAUSE, 0, 0, 5);
        }
      }
    },
    close() {
      if (fd !== 0) closeSync(fd);
    },
  };
}

/**
 * The source with its first bytes looked at and still to be read: the formats are told by
 * them (a zip archive, gzip, a JSON array) and a pipe cannot go back to them.
 */
export function peek(source: RawSource, count: number): { head: Uint8Array; source: RawSource } {
  const buffer = new Uint8Array(count);
  let filled = 0;
  while (filled < count) {
    const read = source.read(buffer, filled, count - filled);
    if (read === 0) break;
    filled += read;
  }
  const head = buffer.subarray(0, filled);
  let served = 0;
  return {
    head,
    source: {
      name: source.name,
      size: source.size,
      get position() {
        return Math.min(served, head.length) + source.position - head.length;
      },
      rereadable: source.rereadable,
      read(target, offset, length) {
        if (served < head.length) {
          const part = Math.min(length, head.length - served);
          target.set(head.subarray(served, served + part), offset);
          served += part;
          return part;
        }
        return source.read(target, offset, length);
      },
      close: () => source.close(),
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
    rereadable: false,
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

/** Every byte of a source: a workbook is a zip archive, read whole. */
export function readAll(source: RawSource): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const chunk = new Uint8Array(1 << 22);
    const count = source.read(chunk, 0, chunk.length);
    if (count === 0) break;
    parts.push(chunk.subarray(0, count));
    total += count;
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
