import type { RawSource } from '../../../../src/read/source.js';

/** A worker's synchronous `FileReader` (in the worker's types, not the page's DOM types). */
declare const FileReaderSync: new () => { readAsArrayBuffer(blob: Blob): ArrayBuffer };

/** Bytes read from the file at a time: each `FileReaderSync` read costs a round trip to the browser, so fewer, larger reads are faster (16 MB: 121 MB in 0.3 s, 4 MB: 0.5 s). */
const SLICE = 1 << 24;

/**
 * A dropped `File` as the readers' source, read a slice at a time with the worker's
 * `FileReaderSync`: the readers read synchronously (a hot loop without promises), and reading
 * slices rather than the whole file keeps the page's memory to a chunk of the file however big
 * it is. Only a dedicated worker has `FileReaderSync`; the page's own thread has none.
 */
export function blobSource(blob: Blob, name: string): RawSource {
  const reader = new FileReaderSync();
  const bytesAt = (start: number, end: number) => new Uint8Array(reader.readAsArrayBuffer(blob.slice(start, end)));
  let position = 0;
  // The slice read last, and how much of it is served.
  let slice = new Uint8Array(0);
  let served = 0;
  return {
    name,
    size: blob.size,
    get position() {
      return position;
    },
    lineAt(offset) {
      let line = 1;
      for (let start = 0; start < offset; start += SLICE) {
        const bytes = bytesAt(start, Math.min(offset, start + SLICE));
        for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) line++;
      }
      return line;
    },
    read(target, offset, length) {
      if (served === slice.length) {
        slice = bytesAt(position, Math.min(blob.size, position + SLICE));
        served = 0;
      }
      const count = Math.min(length, slice.length - served);
      target.set(slice.subarray(served, served + count), offset);
      served += count;
      position += count;
      return count;
    },
    close() {},
  };
}
