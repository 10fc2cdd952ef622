import { CxInputError, CxUsageError } from './errors.js';
import { concatBytes, utf8Bytes } from './internal/bytes.js';
import { formatOfBytes, openSource, type SourceOptions } from './open-source.js';
import { bytesSource } from './source.js';
import type { Table } from './table.js';

/** What {@link readTable} reads: bytes, a `Blob` or `File`, a web `ReadableStream` of bytes, or text already decoded. */
export type ReadInput = Uint8Array | ArrayBuffer | Blob | ReadableStream<Uint8Array> | string;

/**
 * Opens any input with the readers' own options (labels as a map, a compiled date format): what
 * `readTable` does after checking its public options, and what the offline page's worker calls
 * with the options the command line's flags make.
 */
export async function openReadInput(input: ReadInput, name: string | undefined, options: SourceOptions): Promise<Table> {
  const shown = name ?? fileName(input) ?? 'input';
  let bytes = await bytesOf(input);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = await gunzip(bytes, shown);
  const format = options.format ?? (/\.tsv$/i.test(shown) ? 'tsv' : formatOfBytes(bytes));
  if (format === 'parquet') throw new CxInputError(`${shown} is a Parquet file: the command line reads Parquet (cx-metrics-cli); the library readers take CSV, TSV, .xlsx, JSON and NDJSON`);
  return openSource(bytesSource(bytes, shown), format, { ...options, format });
}

function fileName(input: ReadInput): string | undefined {
  const named = input as { name?: unknown };
  return typeof input === 'object' && typeof named.name === 'string' && named.name !== '' ? named.name : undefined;
}

async function bytesOf(input: ReadInput): Promise<Uint8Array> {
  if (typeof input === 'string') return utf8Bytes(input);
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (typeof (input as Blob).arrayBuffer === 'function') return new Uint8Array(await (input as Blob).arrayBuffer());
  if (typeof (input as ReadableStream<Uint8Array>).getReader === 'function') return streamBytes(input as ReadableStream<Uint8Array>);
  throw new CxUsageError('readTable takes bytes (Uint8Array, ArrayBuffer), a Blob or File, a ReadableStream of bytes, or text');
}

async function streamBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return concatBytes(parts);
    parts.push(value);
  }
}

/** Inflates gzip with the platform's `DecompressionStream`. */
async function gunzip(bytes: Uint8Array, name: string): Promise<Uint8Array> {
  try {
    const inflated = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>);
    return await streamBytes(inflated);
  } catch (error) {
    throw new CxInputError(`cannot read ${name}: it starts as gzip but does not inflate (${(error as Error).message})`);
  }
}

