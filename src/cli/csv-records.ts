/**
 * Records of a CSV text arriving in chunks (RFC 4180): fields separated by commas, records by
 * LF or CRLF; a field in double quotes may hold commas, line breaks and doubled quotes ("").
 * A byte-order mark at the start is dropped. Memory holds one record at a time, so a file
 * larger than memory streams through.
 */
export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<string[]> {
  let field = '';
  let record: string[] = [];
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just read the closing quote of a field (or the first of a pair "")
  let first = true;
  let pendingCr = false;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else field += c;
        continue;
      }
      if (afterQuote && c === '"') {
        // "" inside a quoted field is one quote, and the field goes on.
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (pendingCr) {
        pendingCr = false;
        if (c === '\n') continue; // the LF of a CRLF already ended the record
      }
      if (c === '"' && field === '') quoted = true;
      else if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        record.push(field);
        field = '';
        yield record;
        record = [];
        pendingCr = c === '\r';
      } else field += c;
    }
  }
  if (quoted) throw new Error('the file ends inside a quoted field (a quote is missing)');
  if (field !== '' || record.length > 0) {
    record.push(field);
    yield record;
  }
}
