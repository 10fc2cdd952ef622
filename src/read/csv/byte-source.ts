import { concatBytes, isUtf8, utf8Bytes } from '../internal/bytes.js';
import { peek, type RawSource } from '../source.js';
import { CxInputError, CxUsageError } from '../errors.js';

/**
 * A file as UTF-8 bytes, a chunk at a time, read synchronously: a command reads one file from
 * start to end and does nothing else meanwhile, and synchronous reads leave the hot loop free
 * of promises. UTF-8 (with or without a byte-order mark) is checked as it is read, so bytes
 * of another encoding stop the command with the line they are on instead of turning into
 * replacement characters that would merge "Müller" and "Möller". UTF-16 with a byte-order
 * mark, and any encoding named with `--encoding` that `TextDecoder` knows (windows-1252,
 * iso-8859-15, …), are converted to UTF-8 on the way.
 */
export interface ByteSource {
  readonly file: string;
  /** Size of the file in bytes. */
  readonly size: number;
  /** Bytes of the file read so far. */
  readonly position: number;
  /** The encoding the file is read in, as `TextDecoder` names it. */
  readonly encoding: string;
  /**
   * Fills `target` from `offset` towards its end with the next UTF-8 bytes; returns how many
   * were written, 0 at the end of the file. Reading into the caller's buffer (rather than
   * handing out a fresh one per chunk) keeps a large file from costing a page fault per page.
   */
  read(target: Uint8Array, offset: number): number;
  close(): void;
}

/** The encoding a name stands for; an unknown name is a usage error. */
export function checkEncoding(name: string): string {
  try {
    return new TextDecoder(name).encoding;
  } catch {
    throw new CxUsageError(`unknown --encoding "${name}" (for example utf-8, utf-16le, windows-1252, iso-8859-15)`);
  }
}

export function openByteSource(raw: RawSource, encoding?: string): ByteSource {
  const file = raw.name;
  const peeked = peek(raw, 4096);
  const head = peeked.head;
  const source = peeked.source;
  const declared = encoding === undefined ? undefined : checkEncoding(encoding);
  const detected = declared ?? byteOrderMark(head);
  const bom = bomLength(head, detected);
  if (detected === 'utf-8' && declared === undefined && looksLikeUtf16(head)) {
    source.close();
    throw new CxInputError(`${file} looks like UTF-16 text without a byte-order mark; give --encoding utf-16le (or utf-16be)`);
  }
  source.read(new Uint8Array(bom), 0, bom); // the byte-order mark is not text
  const readRaw = (target: Uint8Array, offset: number, length: number) => source.read(target, offset, length);
  const lineAt = raw.lineAt;
  const lineOf = lineAt ? (offset: number) => `line ${lineAt(offset)}` : (offset: number) => `byte ${offset + 1}`;
  const decoded = detected === 'utf-8' ? utf8Reader(file, bom, readRaw, lineOf) : transcodingReader(file, detected, readRaw);
  const read = classicMacLines(head, detected) ? lineFeedsFor(decoded) : decoded;
  return {
    file,
    size: raw.size,
    get position() {
      return source.position;
    },
    encoding: detected,
    read,
    close() {
      source.close();
    },
  };
}

type RawRead = (target: Uint8Array, offset: number, length: number) => number;

/**
 * Whether a file ends its lines with CR alone, as classic Mac OS (and Excel for Mac "CSV"
 * before 2016) wrote them: CRs in its first 4 kB and no LF. Without this, the whole file
 * was one line and the message spoke of a duplicated column.
 */
function classicMacLines(head: Uint8Array, encoding: string): boolean {
  if (encoding !== 'utf-8' && !encoding.startsWith('windows-') && !encoding.startsWith('iso-8859')) return false;
  // A CR as the head's last byte may be the first half of a CR LF cut off.
  return head.subarray(0, head.length - 1).includes(0x0d) && !head.includes(0x0a);
}

/** The UTF-8 bytes with each CR as LF: a CR is never part of a UTF-8 multi-byte character, so this is safe byte by byte. */
function lineFeedsFor(read: ByteSource['read']): ByteSource['read'] {
  return (target, offset) => {
    const count = read(target, offset);
    for (let at = target.indexOf(0x0d, offset); at >= 0 && at < offset + count; at = target.indexOf(0x0d, at + 1)) target[at] = 0x0a;
    return count;
  };
}

function byteOrderMark(bytes: Uint8Array | null): string {
  if (bytes === null) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function bomLength(bytes: Uint8Array, encoding: string): number {
  if (encoding === 'utf-8') return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if (encoding === 'utf-16le') return bytes[0] === 0xff && bytes[1] === 0xfe ? 2 : 0;
  if (encoding === 'utf-16be') return bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  return 0;
}

/** Text in UTF-16 has a zero byte in most ASCII characters; UTF-8 text has none. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return zeros > sample.length / 4;
}

/**
 * Reads UTF-8 as it is, checking each chunk: a character cut by a chunk's end is checked
 * once the next chunk completes it.
 */
function utf8Reader(file: string, start: number, readRaw: RawRead, lineOf: (offset: number) => string): ByteSource['read'] {
  let carried: Uint8Array = new Uint8Array(0); // the bytes of a character cut at the end of the last chunk
  let offset = start; // file offset of the next chunk
  return (target, at) => {
    const count = readRaw(target, at, target.length - at);
    const chunk = target.subarray(at, at + count);
    if (count === 0) {
      if (carried.length > 0) throw notUtf8(file, offset - carried.length, carried, lineOf);
      return 0;
    }
    // Bytes that complete the carried character.
    let lead = 0;
    while (lead < Math.min(3, chunk.length) && (chunk[lead]! & 0xc0) === 0x80) lead++;
    if (carried.length > 0 || lead > 0) {
      const joined = concatBytes([carried, chunk.subarray(0, lead)]);
      if (!isUtf8(joined)) throw notUtf8(file, offset - carried.length, joined, lineOf);
    }
    const cut = incompleteTail(chunk);
    const body = chunk.subarray(lead, chunk.length - cut);
    if (!isUtf8(body)) throw notUtf8(file, offset + lead, body, lineOf);
    carried = chunk.slice(chunk.length - cut);
    offset += count;
    return count;
  };
}

/** How many bytes at the end of `chunk` start a character that the chunk does not complete. */
function incompleteTail(chunk: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/** The error for bytes that are not UTF-8, naming the line (or for a pipe the byte) and showing the bytes. */
function notUtf8(file: string, offset: number, bytes: Uint8Array, lineOf: (offset: number) => string): CxInputError {
  const bad = firstInvalidByte(bytes);
  const shown = [...bytes.subarray(bad, bad + 4)].map((byte) => `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
  return new CxInputError(`${file}, ${lineOf(offset + bad)}: bytes that are not UTF-8 (${shown}); say which encoding the file is in, e.g. --encoding windows-1252`);
}

/** The index of the first byte of `bytes` that does not start a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = bytes[i]! < 0x80 ? 1 : bytes[i]! >= 0xf0 ? 4 : bytes[i]! >= 0xe0 ? 3 : bytes[i]! >= 0xc2 ? 2 : 0;
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length)) || i + length > bytes.length) return i;
    i += length;
  }
  return bytes.length;
}

/** Converts another encoding to UTF-8 chunk by chunk; a sequence the encoding does not allow is an error. */
function transcodingReader(file: string, encoding: string, readRaw: RawRead): ByteSource['read'] {
  const decoder = new TextDecoder(encoding, { fatal: true });
  const raw = new Uint8Array(1024 * 1024);
  let pending: Uint8Array = new Uint8Array(0); // converted bytes that did not fit the last target
  let ended = false;
  return (target, at) => {
    while (pending.length === 0 && !ended) {
      const count = readRaw(raw, 0, raw.length);
      let text: string;
      try {
        text = count === 0 ? decoder.decode() : decoder.decode(raw.subarray(0, count), { stream: true });
      } catch {
        throw new CxInputError(`${file}: bytes that are not valid ${encoding}; check --encoding`);
      }
      ended = count === 0;
      pending = utf8Bytes(text);
    }
    const written = Math.min(pending.length, target.length - at);
    target.set(pending.subarray(0, written), at);
    pending = pending.subarray(written);
    return written;
  };
}
