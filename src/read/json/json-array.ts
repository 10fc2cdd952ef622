import { keepNumberTexts } from './json-numbers.js';
import { LONGEST_RECORD, recordBoundText } from '../internal/longest-record.js';

/**
 * The elements of a JSON array arriving in chunks, parsed one at a time: the text is cut at
 * the commas between top-level elements (outside strings and nested values) and each piece
 * goes to `JSON.parse`, numbers that a double cannot hold as written kept as text
 * (see json-numbers.ts). Memory holds one element at a time, so an array larger than memory
 * streams through; an element longer than `longest` characters is refused. Problems come back
 * as {@link JsonArrayError} with the element's index.
 */
export async function* jsonArrayElements(chunks: AsyncIterable<string>, longest = LONGEST_RECORD): AsyncGenerator<unknown> {
  let state: 'before' | 'open' | 'closed' = 'before';
  let element = ''; // the text of the current element so far
  let depth = 0; // nesting inside the current element
  let inString = false;
  let escaped = false;
  let index = 0;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    let start = 0; // where the current element's text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (state === 'open') {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) inString = false;
        } else if (c === QUOTE) inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
        else if (depth > 0 && (c === CLOSE_BRACE || c === CLOSE_BRACKET)) depth--;
        else if (depth === 0 && (c === COMMA || c === CLOSE_BRACKET)) {
          const text = element + chunk.slice(start, i);
          element = '';
          start = i + 1;
          // `[]` and `[ ]` end before any element; anything else must parse.
          if (!(c === CLOSE_BRACKET && index === 0 && text.trim() === '')) yield parseElement(text, index++);
          if (c === CLOSE_BRACKET) state = 'closed';
        }
      } else if (!isSpace(c)) {
        if (state === 'closed') throw new JsonArrayError('unexpected text after the array');
        if (c !== OPEN_BRACKET) throw new JsonArrayError('expected a JSON array of objects');
        state = 'open';
        start = i + 1;
      }
    }
    if (state === 'open') element += chunk.slice(start);
    if (element.length > longest) throw new JsonArrayError(`row ${index + 1} is longer than ${recordBoundText(longest)} (a string, object or list opened and never closed)`);
  }
  if (state === 'before') throw new JsonArrayError('expected a JSON array of objects, got an empty file');
  if (state === 'open') throw new JsonArrayError(`the array is not closed (after ${index} elements)`);
}

/**
 * A JSON array that cannot be read. For an element that is not valid JSON, `element` is its
 * index and `reason` what `JSON.parse` said.
 */
export class JsonArrayError extends Error {
  override readonly name = 'JsonArrayError';
  constructor(
    message: string,
    readonly element?: number,
    readonly reason?: string,
  ) {
    super(message);
  }
}

function parseElement(text: string, index: number): unknown {
  try {
    return JSON.parse(keepNumberTexts(text));
  } catch (error) {
    const reason = (error as Error).message;
    throw new JsonArrayError(`element ${index} is not valid JSON (${reason})`, index, reason);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** JSON's whitespace: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
