import { describe, expect, it } from 'vitest';
import { keptRows, type Row } from './table.js';

const rows: Row[] = [{ q: 1 }, { q: 2 }, { q: 3 }, { q: 4 }];
const even = (row: Row) => (row['q'] as number) % 2 === 0;

describe('keptRows', () => {
  it('a plain iterable stays plain, keeps what `keep` accepts, and says done once at the end', () => {
    let done = 0;
    const kept = keptRows(rows, even, () => done++);
    expect(Symbol.asyncIterator in kept).toBe(false);
    expect([...(kept as Iterable<Row>)]).toEqual([{ q: 2 }, { q: 4 }]);
    expect(done).toBe(1);
  });

  it('stopped early (a break), it is not done and the source is closed', () => {
    let done = 0;
    let closed = 0;
    const source: Iterable<Row> = {
      [Symbol.iterator]: () => {
        const inner = rows[Symbol.iterator]();
        return { next: () => inner.next(), return: () => (closed++, { done: true, value: undefined }) };
      },
    };
    for (const row of keptRows(source, even, () => done++) as Iterable<Row>) if (row['q'] === 2) break;
    expect([done, closed]).toEqual([0, 1]);
  });

  it('an error thrown by `keep` stops the reading', () => {
    let seen = 0;
    const stop = () => {
      if (++seen > 2) throw new Error('past the limit');
      return true;
    };
    expect(() => [...(keptRows(rows, stop, () => {}) as Iterable<Row>)]).toThrow('past the limit');
    expect(seen).toBe(3);
  });

  it('an async iterable stays async', async () => {
    async function* source() {
      yield* rows;
    }
    let done = 0;
    const kept: Row[] = [];
    for await (const row of keptRows(source(), even, () => done++) as AsyncIterable<Row>) kept.push(row);
    expect([kept, done]).toEqual([[{ q: 2 }, { q: 4 }], 1]);
  });
});
