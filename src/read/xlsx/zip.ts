import { CxInputError } from '../errors.js';
import { utf8Text } from '../internal/bytes.js';

/**
 * The entries of a zip archive (an .xlsx workbook is one), read from its central directory,
 * and each entry's bytes inflated as a stream by the platform's own `DecompressionStream`
 * (browsers, Node ≥ 20.12): no dependency, and a sheet of a million rows is never held
 * inflated. Zip64 archives (over 4 GB, or written so) are read too.
 */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The inflated size the archive declares: advisory (a forged archive can lie), never allocated. */
  readonly size: number;
  readonly headerOffset: number;
}

const u16 = (view: DataView, at: number) => view.getUint16(at, true);
const u32 = (view: DataView, at: number) => view.getUint32(at, true);
const u64 = (view: DataView, at: number) => Number(view.getBigUint64(at, true));

/** The entries by name; a message for bytes that are not a zip archive. */
export function zipEntries(bytes: Uint8Array, file: string): Map<string, ZipEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const broken = (why: string) => new CxInputError(`cannot read ${file} as an .xlsx workbook: ${why}`);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65535); at--) {
    if (u32(view, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) throw broken('it is not a zip archive (no central directory; is the file cut short?)');
  let count = u16(view, end + 10);
  let offset = u32(view, end + 16);
  if (offset === 0xffffffff || count === 0xffff) {
    const locator = end - 20;
    if (locator < 0 || u32(view, locator) !== 0x07064b50) throw broken('a zip64 archive without its locator');
    const record = u64(view, locator + 8);
    if (record + 56 > bytes.length || u32(view, record) !== 0x06064b50) throw broken('a zip64 archive without its directory record');
    count = u64(view, record + 32);
    offset = u64(view, record + 48);
  }
  const entries = new Map<string, ZipEntry>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || u32(view, at) !== 0x02014b50) throw broken(`entry ${i + 1} of its directory is damaged`);
    const nameLength = u16(view, at + 28);
    const extraLength = u16(view, at + 30);
    const commentLength = u16(view, at + 32);
    let compressedSize = u32(view, at + 20);
    let size = u32(view, at + 24);
    let headerOffset = u32(view, at + 42);
    // Zip64: the sizes and offset that do not fit 32 bits are in the extra field 0x0001, in this order.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(view, extra);
      const length = u16(view, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) (size = u64(view, field)), (field += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(view, field)), (field += 8);
        if (headerOffset === 0xffffffff) headerOffset = u64(view, field);
      }
      extra += 4 + length;
    }
    const name = utf8Text(bytes, at + 46, at + 46 + nameLength).replace(/^\//, '');
    entries.set(name, { name, method: u16(view, at + 10), compressedSize, size, headerOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Bytes of compressed data handed to the inflater at a time. */
const SLICE = 1 << 20;

/**
 * The inflated bytes of an entry, chunk by chunk; `onRead` is told how many compressed bytes
 * have been handed over (for progress).
 */
export async function* entryChunks(bytes: Uint8Array, entry: ZipEntry, file: string, onRead?: (compressed: number) => void): AsyncGenerator<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.headerOffset;
  if (header + 30 > bytes.length || u32(view, header) !== 0x04034b50) throw new CxInputError(`cannot read ${file} as an .xlsx workbook: the entry ${entry.name} is damaged`);
  const start = header + 30 + u16(view, header + 26) + u16(view, header + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.length; at += SLICE) {
      onRead?.(Math.min(data.length, at + SLICE));
      yield data.subarray(at, at + SLICE);
    }
    return;
  }
  if (entry.method !== 8) throw new CxInputError(`cannot read ${file} as an .xlsx workbook: the entry ${entry.name} is compressed with method ${entry.method}, not deflate`);
  let handed = 0;
  const compressed = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (handed >= data.length) return controller.close();
      const slice = data.slice(handed, handed + SLICE);
      handed += slice.length;
      onRead?.(handed);
      controller.enqueue(slice);
    },
  });
  const reader = compressed.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      yield value;
    }
  } catch (error) {
    if (error instanceof CxInputError) throw error;
    throw new CxInputError(`cannot read ${file} as an .xlsx workbook: the entry ${entry.name} does not inflate (${(error as Error).message})`);
  } finally {
    reader.releaseLock();
  }
}

/** The text of an entry (UTF-8, as a workbook's XML is), decoded as it inflates. */
export async function* entryText(bytes: Uint8Array, entry: ZipEntry, file: string, onRead?: (compressed: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of entryChunks(bytes, entry, file, onRead)) yield decoder.decode(chunk, { stream: true });
  const tail = decoder.decode();
  if (tail !== '') yield tail;
}

/** The whole text of a small entry (the workbook, its relationships, its styles), at most `limit` characters. */
export async function wholeText(bytes: Uint8Array, entry: ZipEntry, file: string, limit: number): Promise<string> {
  let text = '';
  for await (const chunk of entryText(bytes, entry, file)) {
    text += chunk;
    if (text.length > limit) throw new CxInputError(`cannot read ${file} as an .xlsx workbook: ${entry.name} inflates to more than ${limit / 1_000_000} million characters, far more than a workbook's ${entry.name.split('/').pop()} holds`);
  }
  return text;
}
