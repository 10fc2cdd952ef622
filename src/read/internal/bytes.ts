/**
 * UTF-8 helpers that run anywhere. In Node, the `buffer` module's native UTF-8 check and slice
 * decoding are used (reached through `process.getBuiltinModule`, Node ≥ 20.16, so that no
 * bundler sees an import of a Node module): on the short slices a CSV cell is, they are several
 * times faster than `TextDecoder`, and the check reads a 4 MB chunk without making a string of
 * it. Elsewhere (browsers, workers, Deno) the standard `TextDecoder` does both.
 */

interface NodeBuffer {
  isUtf8(bytes: Uint8Array): boolean;
  Buffer: { prototype: { utf8Slice(this: Uint8Array, start: number, end: number): string } };
}

const nodeBuffer = (globalThis as { process?: { getBuiltinModule?: (name: string) => unknown } }).process?.getBuiltinModule?.('node:buffer') as NodeBuffer | undefined;

const decoder = new TextDecoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();

/** Whether `bytes` are well-formed UTF-8. */
export const isUtf8: (bytes: Uint8Array) => boolean =
  nodeBuffer?.isUtf8 ??
  ((bytes) => {
    try {
      strictDecoder.decode(bytes);
      return true;
    } catch {
      return false;
    }
  });

const nodeSlice = nodeBuffer?.Buffer.prototype.utf8Slice;

/** The text of `bytes[start, end)`, read as UTF-8. */
export const utf8Text: (bytes: Uint8Array, start: number, end: number) => string = nodeSlice
  ? (bytes, start, end) => nodeSlice.call(bytes, start, end)
  : (bytes, start, end) => decoder.decode(bytes.subarray(start, end));

/** The UTF-8 bytes of a text. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** The parts one after another in one array. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
