/**
 * The longest record (a CSV record, an NDJSON line, an element of a JSON array) the readers
 * take. Excel holds at most 32 767 characters in a cell, so a real export's record is far
 * shorter; a longer one is a quote or a bracket opened and never closed, or a file that is not
 * what it seems (a file of zeros has no line break). Without a bound a reader's memory grew
 * until the process, or the offline page's tab, ran out.
 */
export const LONGEST_RECORD = 64 * 1024 * 1024;

/** A bound as messages show it: "64 MB", or bytes for the small bounds tests use. */
export function recordBoundText(longest: number): string {
  return longest >= 1024 * 1024 ? `${longest / (1024 * 1024)} MB` : `${longest} bytes`;
}
