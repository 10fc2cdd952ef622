import { concatBytes } from './internal/bytes.js';

/**
 * The bytes of an input, read in order: bytes in memory (the library), or on the command line a
 * file, standard input, a pipe or a FIFO (see the CLI's `openRawSource`). Reads are synchronous,
 * as the CSV reader's are: an input is read from start to end with nothing else in between, and a
 * hot loop without promises is several times faster.
 */
export interface RawSource {
  /** The input as messages name it: its path, or "standard input". */
  readonly name: string;
  /** Bytes in all, NaN when not known (a pipe, a compressed file). */
  readonly size: number;
  /** Bytes delivered so far (after inflating). */
  readonly position: number;
  /**
   * The line (from 1) that byte `offset` of the input is on, when the source can count it (a
   * plain file read again, bytes in memory); without it a message names the byte.
   */
  readonly lineAt?: ((offset: number) => number) | undefined;
  /** Fills `target` from `offset` with at most `length` next bytes; 0 at the end. */
  read(target: Uint8Array, offset: number, length: number): number;
  close(): void;
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
      lineAt: source.lineAt,
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

/** Every byte of a source: a workbook is a zip archive, read whole. */
export function readAll(source: RawSource): Uint8Array {
  const parts: Uint8Array[] = [];
  for (;;) {
    const chunk = new Uint8Array(1 << 22);
    const count = source.read(chunk, 0, chunk.length);
    if (count === 0) return concatBytes(parts);
    parts.push(chunk.subarray(0, count));
  }
}

/** Bytes in memory as a source: what the library reads (a file's bytes, a `Blob` read whole). */
export function bytesSource(bytes: Uint8Array, name: string): RawSource {
  let position = 0;
  return {
    name,
    size: bytes.length,
    get position() {
      return position;
    },
    lineAt(offset) {
      let line = 1;
      for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) line++;
      return line;
    },
    read(target, offset, length) {
      const part = Math.min(length, bytes.length - position);
      target.set(bytes.subarray(position, position + part), offset);
      position += part;
      return part;
    },
    close() {},
  };
}
