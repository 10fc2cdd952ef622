/**
 * A result as JSON (`JSON.stringify(value, null, 2)`, byte for byte) in pieces: the lists and
 * objects of the first two levels are written a member at a time, so a summary of a million
 * groups or a list of a million contacts is never one string (V8 refuses strings past about
 * 512 MB: "Invalid string length") and starts reaching the reader at once.
 */
export function* jsonChunks(value: unknown, depth = 0): Generator<string> {
  if (depth >= 2 || typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    yield indented(JSON.stringify(value, null, 2) ?? 'null', depth);
    return;
  }
  const inner = '  '.repeat(depth + 1);
  const list = Array.isArray(value);
  const members = list
    ? (value as unknown[]).map((member) => [null, member] as const)
    : Object.entries(value).filter(([, member]) => member !== undefined && typeof member !== 'function' && typeof member !== 'symbol');
  if (members.length === 0) {
    yield list ? '[]' : '{}';
    return;
  }
  yield list ? '[' : '{';
  let first = true;
  for (const [key, member] of members) {
    yield `${first ? '' : ','}\n${inner}${key === null ? '' : `${JSON.stringify(key)}: `}`;
    first = false;
    // In a list, what JSON cannot hold is written as null, as JSON.stringify writes it.
    const shown = list && (member === undefined || typeof member === 'function' || typeof member === 'symbol') ? null : member;
    yield* jsonChunks(shown, depth + 1);
  }
  yield `\n${'  '.repeat(depth)}${list ? ']' : '}'}`;
}

/** JSON written at `depth`: its lines after the first indented to that level. */
function indented(json: string, depth: number): string {
  return depth === 0 ? json : json.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}
