import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bannerTable, CSAT_SCALE, csat, keyDrivers, satisfactionIndex, summarize } from '../src/index.js';
import { AIRLINE_ITEMS, airlineCsv } from './shared-data.js';
import { statistics } from './statistics-reference.js';

/** The survey as row objects; the file has no quoted cells. */
function readRows(path: string): Record<string, number | string>[] {
  const [header = '', ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(columns.map((column, i) => [column, /^-?\d+(\.\d+)?$/.test(cells[i]!) ? Number(cells[i]) : cells[i]!]));
  });
}

describe.skipIf(airlineCsv === undefined)('the airline passenger survey (../shared/data)', () => {
  const rows = airlineCsv === undefined ? [] : readRows(airlineCsv);

  it('CSAT and mean per item with notApplicable: [0] match an independent count', () => {
    // python3: rows = list(csv.DictReader(open(FILE))); for each item v = [int(r[item]) …];
    //   a = [x for x in v if x != 0]; sat = #(x ≥ 4); mean = sum(a)/len(a)
    const expected: Record<string, [n: number, na: number, satisfied: number, mean: number]> = {
      'Inflight wifi service': [25163, 813, 7868, 2.8128],
      'Departure/Arrival time convenient': [24595, 1381, 11929, 3.2179],
      'Seat comfort': [25976, 0, 14679, 3.4492],
      'Cleanliness': [25974, 2, 12517, 3.2865],
    };
    for (const [item, [n, na, satisfied, mean]] of Object.entries(expected)) {
      const result = csat(rows.map((row) => row[item]) as number[], { scale: CSAT_SCALE, notApplicable: [0] });
      expect(result).toMatchObject({ n, missing: na, satisfied, invalid: 0 });
      expect(result.score).toBeCloseTo((satisfied / n) * 100, 10);
      expect(result.mean).toBeCloseTo(mean, 4);
    }
  });

  it('Wilson intervals equal R prop.test', () => {
    // R: prop.test(7868, 25163, correct = FALSE)$conf.int = 0.306982356143658 0.318437464002428
    const wifi = csat(rows.map((row) => row['Inflight wifi service']) as number[], { notApplicable: [0] });
    expect(wifi.interval!.lower).toBeCloseTo(30.6982356143658, 9);
    expect(wifi.interval!.upper).toBeCloseTo(31.8437464002428, 9);
  });

  it('the 14-item satisfaction index and its standard error equal R survey::svycontrast', () => {
    // R 4.2.2 (survey 4.1): z_i = item (0 when N/A), a_i = item != 0, tot <- svytotal(~z1 + a1 + … + z14 + a14,
    //   svydesign(ids = ~1, weights = ~1, data = x)); svycontrast(tot, quote((z1/a1 − 1)/4·100/14 + …))
    //   → 56.9730561257190, SE 0.101117928468145; ± qt(0.975, 25975)·SE → 56.7748593923061, 57.1712528591320
    const index = satisfactionIndex(rows, { items: AIRLINE_ITEMS.map((field) => ({ field, scale: CSAT_SCALE })), notApplicable: [0] });
    expect(index.score).toBeCloseTo(56.973056125719, 10);
    expect(index.standardError).toBeCloseTo(0.101117928468145, 12);
    expect(index.interval!.lower).toBeCloseTo(56.7748593923061, 9);
    expect(index.interval!.upper).toBeCloseTo(57.171252859132, 9);
    expect(index).toMatchObject({ rows: 25976, n: 25976, missing: 0, invalid: 0 });
  });

  it('summarize by Class: CSAT of seat comfort per travel class', () => {
    // python3: per Class, a = [int(r['Seat comfort']) for its rows if != 0]; sat = #(x >= 4)
    //   Eco 11564 rows, 5251 satisfied → 45.408163 %, mean 3.153840
    //   Business 12495, 8584 → 68.699480 %, mean 3.775030; Eco Plus 1917, 844 → 44.027126 %, mean 3.107460
    const summary = summarize(rows, { by: 'Class', csat: { field: 'Seat comfort', notApplicable: [0] } });
    expect(summary.groups.map((group) => [group.key, group.rows, group.csat!.satisfied])).toEqual([
      ['Eco', 11564, 5251],
      ['Business', 12495, 8584],
      ['Eco Plus', 1917, 844],
    ]);
    expect(summary.groups[1]!.csat!.score).toBeCloseTo(68.69947979191677, 10);
    expect(summary.groups[2]!.csat!.mean).toBeCloseTo(3.1074595722483047, 10);
    expect(summary.total.csat!.satisfied).toBe(5251 + 8584 + 844);
  });

  it('key drivers of satisfaction: correlations equal R cor.test', () => {
    // R 4.2.2: y <- as.numeric(d$satisfaction == 'satisfied'); for each item x, ok <- x != 0:
    //   cor.test(x[ok], y[ok]) and cor.test(x[ok], y[ok], method = 'spearman', exact = FALSE)
    //   Online boarding       n 25324  r 0.564930984135406  CI 0.556486533385092 0.573258734802244  ρ 0.588520065899263  mean 3.34564049913126
    //   Inflight wifi service n 25163  r 0.389270358899863                                          ρ 0.372183936638344
    //   Seat comfort          n 25976  r 0.346275361094143                                          ρ 0.358760786576868
    //   Gate location         n 25976  r −0.0166271179378142 p 0.00736527824872405                 ρ −0.016833598023197 p 0.00666479918200523
    const drivers = ['Online boarding', 'Inflight wifi service', 'Seat comfort', 'Gate location'].map((field) => ({ field, scale: CSAT_SCALE }));
    const outcome = (row: Record<string, unknown>) => (row['satisfaction'] === 'satisfied' ? 1 : 0);
    const pearson = keyDrivers(rows, { outcome, drivers, notApplicable: [0] });
    expect(pearson.drivers.map((driver) => driver.n)).toEqual([25324, 25163, 25976, 25976]);
    const expected = [0.564930984135406, 0.389270358899863, 0.346275361094143, -0.0166271179378142];
    pearson.drivers.forEach((driver, d) => expect(driver.correlation).toBeCloseTo(expected[d]!, 12));
    expect(pearson.drivers[0]!.interval!.lower).toBeCloseTo(0.556486533385092, 10);
    expect(pearson.drivers[3]!.pValue).toBeCloseTo(0.00736527824872405, 12);
    expect(pearson.drivers[0]!.mean).toBeCloseTo(3.34564049913126, 12);
    expect(pearson.drivers.map((driver) => driver.rank)).toEqual([1, 2, 3, 4]);
    const spearman = keyDrivers(rows, { outcome, drivers, notApplicable: [0], method: 'spearman' });
    const rho = [0.588520065899263, 0.372183936638344, 0.358760786576868, -0.016833598023197];
    spearman.drivers.forEach((driver, d) => expect(driver.correlation).toBeCloseTo(rho[d]!, 12));
    expect(spearman.drivers[3]!.pValue).toBeCloseTo(0.00666479918200523, 12);
  });

  it('relative importance of five service items for satisfaction equals R (lm, eigen) on the complete rows', () => {
    // test/reference/statistics.R "relativeImportanceAirline": rows with all five items answered
    // (no 0 = not applicable), outcome 1 = satisfied; R², Johnson's weights and the LMG parts.
    const reference = statistics.relativeImportanceAirline;
    const items = ['Inflight wifi service', 'Online boarding', 'Seat comfort', 'Inflight entertainment', 'Cleanliness'];
    const outcome = (row: Record<string, unknown>) => (row['satisfaction'] === 'satisfied' ? 1 : 0);
    for (const [method, parts] of [['relative-weights', reference.relativeWeights], ['shapley', reference.shapley]] as const) {
      const result = keyDrivers(rows, { outcome, drivers: items.map((field) => ({ field, scale: CSAT_SCALE })), notApplicable: [0], method });
      expect(result.n).toBe(reference.n);
      expect(result.rSquared).toBeCloseTo(reference.rSquared, 12);
      result.drivers.forEach((driver, d) => expect(Math.abs(driver.importance! - parts[d]!), `${method} ${driver.driver}`).toBeLessThanOrEqual(1e-12));
      // Online boarding carries about half of the explained variance either way.
      expect(result.drivers[1]!.rank).toBe(1);
    }
  });
  it('a banner table by Class and Type of Travel: CSAT and a category, letters from R pairwise.prop.test', () => {
    const table = bannerTable(
      rows.map((row) => ({ ...row, 'Seat comfort': row['Seat comfort'] === 0 ? null : row['Seat comfort'] })),
      { banner: ['Class', 'Type of Travel'], csat: 'Seat comfort', categories: 'satisfaction' },
    );
    expect(table.columns.map((column) => `${column.letter} ${String(column.key)}`)).toEqual(['A null', 'B Eco', 'C Business', 'D Eco Plus', 'E Business travel', 'F Personal Travel']);
    // Rscript test/reference/banner.R (R 4.2.2; sat = Seat comfort 4–5 among answers ≠ 0):
    //   x <- tapply(sat >= 4, d$Class, sum): Business 8584, Eco 5251, Eco Plus 844 of 12495, 11564, 1917
    //   pairwise.prop.test(x, n, correct = FALSE, p.adjust.method = "none")$p.value:
    //     Business–Eco 6.74018212220e-292, Business–Eco Plus 2.92745792153e-99, Eco–Eco Plus 0.260492868247
    //   by Type of Travel: 10984 of 18038, 3695 of 7938: p 2.18763835679e-102
    const [seat, satisfied] = table.rows;
    expect(seat!.cells.map((cell) => cell.n)).toEqual([25976, 11564, 12495, 1917, 18038, 7938]);
    expect(seat!.cells[2]!.score).toBeCloseTo((8584 / 12495) * 100, 10);
    const pair = (a: string, b: string, of = seat!) => of.pairs.find((entry) => entry.a === a && entry.b === b)!;
    expect(pair('B', 'D').pValue).toBeCloseTo(0.260492868247, 10);
    expect(pair('C', 'D').pValue! / 2.92745792153e-99).toBeCloseTo(1, 6);
    expect(pair('E', 'F').pValue! / 2.18763835679e-102).toBeCloseTo(1, 6);
    // Business above both economy classes; Eco and Eco Plus do not differ; business travel above personal.
    expect(seat!.cells.map((cell) => cell.higherThan.join(''))).toEqual(['', '', 'BD', '', 'F', '']);
    // satisfaction == "satisfied" by Class: 2242, 8686, 475 of 11564, 12495, 1917; R: Eco–Eco Plus p 5.06170175526e-08.
    expect([satisfied!.metric, satisfied!.field, satisfied!.category]).toEqual(['category', 'satisfaction', 'satisfied']);
    expect(table.rows[2]!.category).toBe('neutral or dissatisfied');
    const share = satisfied!;
    expect(share.cells[1]!.score).toBeCloseTo((2242 / 11564) * 100, 10);
    expect(pair('B', 'D', share).pValue! / 5.06170175526e-8).toBeCloseTo(1, 6);
    expect(share.cells.map((cell) => cell.higherThan.join(''))).toEqual(['', '', 'BD', 'B', 'F', '']);
  });
});
