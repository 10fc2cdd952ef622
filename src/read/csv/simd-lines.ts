/**
 * The fast path of the CSV reader, in WebAssembly with 128-bit SIMD: for each line without
 * quotes it finds the line's end, counts its cells and notes where the wanted cells are,
 * looking at 16 bytes per step — blocks that hold no wanted cell are skipped with one
 * popcount. In JavaScript the same loop took most of the time of reading a large survey
 * export (about 1.3 ns per byte on the machine measured); here a 120 MB file takes tens of
 * milliseconds. Lines with quotes (and the header) are left to the JavaScript scanner.
 *
 * The module is a few hundred bytes, assembled below from its instructions: no toolchain,
 * no binary in the repository. Node ≥ 16.4 runs WebAssembly SIMD.
 */

/** Unsigned LEB128. */
function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    out.push(byte);
  } while (value !== 0);
  return out;
}

/** Signed LEB128. */
function sleb(value: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = value & 0x7f;
    value >>= 7;
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const vector = (items: readonly (readonly number[])[]) => [...uleb(items.length), ...items.flat()];
const section = (id: number, bytes: readonly number[]) => [id, ...uleb(bytes.length), ...bytes];
const name = (text: string) => [...uleb(text.length), ...[...text].map((c) => c.charCodeAt(0))];

const I32 = 0x7f;
const V128 = 0x7b;
type Code = readonly number[];
const get = (local: number): Code => [0x20, ...uleb(local)];
const set = (local: number): Code => [0x21, ...uleb(local)];
const tee = (local: number): Code => [0x22, ...uleb(local)];
const i32 = (value: number): Code => [0x41, ...sleb(value)];
const load = (offset = 0): Code => [0x28, 0x02, ...uleb(offset)];
const load8 = (offset = 0): Code => [0x2d, 0x00, ...uleb(offset)];
const store = (offset = 0): Code => [0x36, 0x02, ...uleb(offset)];
const [ADD, SUB, MUL, AND, OR, SHL, EQ, NE, LT_S, LT_U, GE_U, EQZ, CTZ, POPCNT, SELECT] = [[0x6a], [0x6b], [0x6c], [0x71], [0x72], [0x74], [0x46], [0x47], [0x48], [0x49], [0x4f], [0x45], [0x68], [0x69], [0x1b]];
const block = (...body: number[]): Code => [0x02, 0x40, ...body, 0x0b];
const loop = (...body: number[]): Code => [0x03, 0x40, ...body, 0x0b];
const when = (...body: number[]): Code => [0x04, 0x40, ...body, 0x0b];
const br = (depth: number): Code => [0x0c, ...uleb(depth)];
const brIf = (depth: number): Code => [0x0d, ...uleb(depth)];
const simd = (op: number, ...immediates: number[]): Code => [0xfd, ...uleb(op), ...immediates];
const V128_LOAD = simd(0x00, 0x00, 0x00);
const SPLAT = simd(0x0f);
const BYTES_EQ = simd(0x23);
const BITMASK = simd(0x64);

// Parameters and locals of `scan`.
const [POS, END, FINAL, DELIM, WANT, WANT_COUNT, OUT, CAP] = [0, 1, 2, 3, 4, 5, 6, 7];
const [LINES, P, LINE, COL, K, TARGET, CELL, MD, ML, MQ, M, E, REC, VALID, STRIDE] = [8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];
const [VD, VL, VQ] = [23, 24, 25];
/** A target past every column: no more wanted cells on the line. */
const NONE = 0x7fffffff;

/** target = k < wantCount ? want[k] : NONE */
const nextTarget: Code = [...get(WANT), ...get(K), ...i32(2), ...SHL, ...ADD, ...load(), ...i32(NONE), ...get(K), ...get(WANT_COUNT), ...LT_S, ...SELECT, ...set(TARGET)];

/** Stores cell [CELL, E) as wanted cell K of the record, then moves to the next wanted column. */
const storeCell: Code = [
  ...get(REC), ...get(K), ...i32(3), ...SHL, ...ADD, ...get(CELL), ...store(16),
  ...get(REC), ...get(K), ...i32(3), ...SHL, ...ADD, ...get(E), ...store(20),
  ...get(K), ...i32(1), ...ADD, ...set(K),
  ...nextTarget,
];

/** Walks the delimiters in M: each ends cell COL; a wanted one is stored. */
const walkDelimiters: Code = block(
  ...loop(
    ...get(M), ...EQZ, ...brIf(1),
    ...get(P), ...get(M), ...CTZ, ...ADD, ...set(E),
    ...get(COL), ...get(TARGET), ...EQ,
    ...when(...storeCell),
    ...get(COL), ...i32(1), ...ADD, ...set(COL),
    ...get(E), ...i32(1), ...ADD, ...set(CELL),
    ...get(M), ...get(M), ...i32(1), ...SUB, ...AND, ...set(M),
    ...br(0),
  ),
);

/** Ends the line at E (a CR before it dropped), with its last cell; the next line starts at `next`. */
const endLine = (next: Code): Code => [
  // A CR before the line feed is not text.
  ...get(E), ...get(LINE), ...NE,
  ...when(...get(E), ...i32(1), ...SUB, ...load8(), ...i32(0x0d), ...EQ, ...when(...get(E), ...i32(1), ...SUB, ...set(E))),
  ...get(COL), ...get(TARGET), ...EQ,
  ...when(...storeCell),
  ...get(REC), ...get(LINE), ...store(0),
  ...get(REC), ...get(E), ...store(4),
  ...get(REC), ...next, ...store(8),
  ...get(REC), ...get(COL), ...i32(1), ...ADD, ...store(12),
  ...get(LINES), ...i32(1), ...ADD, ...set(LINES),
];

/**
 * scan(pos, end, final, delimiter, want, wantCount, out, cap) → lines
 *
 * Reads lines from `pos` until `cap` lines are written, the data ends, or a line holds a
 * quote (left for the JavaScript scanner). Each line's record at `out`: its start, its end
 * (before CR LF), where the next line starts, its number of cells, then the start and end of
 * each wanted cell (columns `want[0…wantCount)`, ascending; a short line fills fewer). Reads
 * up to 15 bytes past `end` (masked off): the caller leaves room.
 */
const scanBody: Code = [
  ...get(DELIM), ...SPLAT, ...set(VD),
  ...i32(0x0a), ...SPLAT, ...set(VL),
  ...i32(0x22), ...SPLAT, ...set(VQ),
  ...get(WANT_COUNT), ...i32(2), ...MUL, ...i32(4), ...ADD, ...i32(2), ...SHL, ...set(STRIDE),
  ...get(POS), ...set(LINE),
  ...block(
    ...loop(
      // A new line: stop when the output is full or the data ends.
      ...get(LINES), ...get(CAP), ...GE_U, ...brIf(1),
      ...get(LINE), ...get(END), ...GE_U, ...brIf(1),
      ...i32(0), ...set(COL), ...i32(0), ...set(K), ...nextTarget,
      ...get(LINE), ...tee(CELL), ...set(P),
      ...get(OUT), ...get(LINES), ...get(STRIDE), ...MUL, ...ADD, ...set(REC),
      ...block(
        ...loop(
          ...get(P), ...get(END), ...GE_U,
          ...when(
            // No line feed before the end: an unfinished line, or with `final` the last one.
            ...get(FINAL), ...EQZ, ...brIf(4),
            ...get(END), ...set(E),
            ...endLine(get(END)),
            ...br(4),
          ),
          // The bytes of this block that are before the end.
          ...i32(0xffff), ...i32(1), ...get(END), ...get(P), ...SUB, ...SHL, ...i32(1), ...SUB,
          ...get(END), ...get(P), ...SUB, ...i32(16), ...GE_U, ...SELECT, ...set(VALID),
          ...get(P), ...V128_LOAD, ...get(VD), ...BYTES_EQ, ...BITMASK, ...get(VALID), ...AND, ...set(MD),
          ...get(P), ...V128_LOAD, ...get(VL), ...BYTES_EQ, ...BITMASK, ...get(VALID), ...AND, ...set(ML),
          ...get(P), ...V128_LOAD, ...get(VQ), ...BYTES_EQ, ...BITMASK, ...get(VALID), ...AND, ...set(MQ),
          // A quote before this line's end: the line is the JavaScript scanner's.
          ...get(MQ),
          ...when(...get(ML), ...EQZ, ...get(MQ), ...CTZ, ...get(ML), ...CTZ, ...LT_U, ...OR, ...brIf(4)),
          // The delimiters of this line in the block; skipped with a count while no wanted cell is among them.
          ...get(MD), ...get(ML), ...i32(0), ...get(ML), ...SUB, ...AND, ...i32(1), ...SUB, ...AND, ...get(MD), ...get(ML), ...SELECT, ...set(M),
          ...get(COL), ...get(M), ...POPCNT, ...ADD, ...get(TARGET), ...LT_U,
          ...when(...get(COL), ...get(M), ...POPCNT, ...ADD, ...set(COL), ...i32(0), ...set(M)),
          ...walkDelimiters,
          ...get(ML),
          ...when(
            ...get(P), ...get(ML), ...CTZ, ...ADD, ...set(E),
            ...endLine([...get(P), ...get(ML), ...CTZ, ...ADD, ...i32(1), ...ADD]),
            ...get(P), ...get(ML), ...CTZ, ...ADD, ...i32(1), ...ADD, ...set(LINE),
            ...br(2),
          ),
          ...get(P), ...i32(16), ...ADD, ...set(P),
          ...br(0),
        ),
      ),
      ...br(0),
    ),
  ),
  ...get(LINES),
];

function assemble(): Uint8Array {
  const locals = vector([
    [...uleb(15), I32],
    [...uleb(3), V128],
  ]);
  const body = [...locals, ...scanBody, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, ...vector(Array.from({ length: 8 }, () => [I32])), ...vector([[I32]])]])),
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, 0x01]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('scan'), 0x00, 0]])),
    ...section(10, vector([[...uleb(body.length), ...body]])),
  ]);
}

/** The parts of the WebAssembly API used here (the project's TypeScript lib has no DOM types). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer; grow(pages: number): number };
}
const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;

let compiled: object | undefined;

/** Lines found by {@link LineScanner.scan}: per line [start, end, next, cells, cell 0 start, cell 0 end, …]. */
export interface LineScanner {
  /** The bytes being read: a view of the scanner's memory, valid until the next `reserve`. */
  bytes: Uint8Array;
  /** Makes room for `size` bytes of data (the view is then new, its content kept). */
  reserve(size: number): void;
  /** The columns whose cells are wanted, ascending. */
  want(columns: ArrayLike<number>): void;
  /** Scans lines from `position` (an index into `bytes`) up to `end`; returns how many were written to `records`. */
  scan(position: number, end: number, final: boolean, delimiter: number): number;
  /** The records of the last scan, positions as indices into `bytes` (a view, new after `reserve`). */
  records: Int32Array;
  /** Int32 values per record. */
  readonly stride: number;
}

/** Records a scan writes at most: bounds the output region. */
export const LINES_PER_SCAN = 4096;
const PAGE = 65536;

/**
 * A scanner with room for `capacity` bytes of data. Memory: the data from address 0 (so that
 * positions are indices into `bytes`), 16 bytes of slack, the wanted columns, the records.
 */
export function lineScanner(capacity: number, maxWanted: number): LineScanner {
  compiled ??= new wasm.Module(assemble());
  const stride = 4 + 2 * maxWanted;
  const layout = (size: number) => {
    const wantAt = Math.ceil((size + 16) / 16) * 16;
    const outAt = wantAt + 4 * maxWanted;
    return { wantAt, outAt, pages: Math.ceil((outAt + LINES_PER_SCAN * stride * 4) / PAGE) };
  };
  let places = layout(capacity);
  const memory = new wasm.Memory({ initial: places.pages });
  const { scan } = new wasm.Instance(compiled, { env: { memory } }).exports as { scan: (...args: number[]) => number };
  let wanted: readonly number[] = [];
  const views = (size: number) => {
    scanner.bytes = new Uint8Array(memory.buffer, 0, size);
    scanner.records = new Int32Array(memory.buffer, places.outAt, LINES_PER_SCAN * stride);
    new Int32Array(memory.buffer, places.wantAt, maxWanted).set(wanted);
  };
  let size = capacity;
  const scanner: LineScanner = {
    bytes: new Uint8Array(0),
    records: new Int32Array(0),
    stride,
    reserve(needed) {
      if (needed <= size) return;
      places = layout(needed);
      const pages = places.pages - memory.buffer.byteLength / PAGE;
      if (pages > 0) memory.grow(pages);
      size = needed;
      views(size);
    },
    want(columns) {
      if (columns.length > maxWanted) throw new RangeError(`at most ${maxWanted} wanted columns`);
      wanted = Array.from(columns);
      new Int32Array(memory.buffer, places.wantAt, maxWanted).set(wanted);
    },
    scan(position, end, final, delimiter) {
      return scan(position, end, final ? 1 : 0, delimiter, places.wantAt, wanted.length, places.outAt, LINES_PER_SCAN);
    },
  };
  views(size);
  return scanner;
}
