/**
 * The files survey tools really write, each built here the way the tool writes it, read by
 * the command line with the numbers checked against independent counts (Python's csv module
 * on the airline survey, recorded in test/airline-survey.test.ts, or by hand below).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { cli, csvLines, scratch } from './cli-helpers.js';
import { airlineCsv } from './shared-data.js';
import { QUALTRICS_CSV, SURVEYMONKEY_CSV } from './support/export-fixtures.js';

const { file } = scratch('exports');

/** The airline survey's rows as cells (it has no quoted cells). */
const airline = airlineCsv === undefined ? [] : readFileSync(airlineCsv, 'utf8').trim().split('\n').map((line) => line.split(','));

/** CSAT of seat comfort per class with 0 = N/A, counted with python3's csv module (test/airline-survey.test.ts). */
function expectAirlineClasses(stdout: string): void {
  expect(stdout).toMatch(/^Eco +11564 +11564 +45\.4 /m); // 5251 of 11564
  expect(stdout).toMatch(/^Business +12495 +12495 +68\.7 /m); // 8584 of 12495
  expect(stdout).toMatch(/^Eco Plus +1917 +1917 +44\.0 /m); // 844 of 1917
  expect(stdout).toMatch(/^total +25976 +25976 +56\.5 /m); // 14679 of 25976
}

describe.skipIf(airlineCsv === undefined)('the airline survey as Excel and Unicode exports', () => {
  it('semicolons and decimal commas (what Excel writes in Finland): delimiter found, weights read', () => {
    // A weight of 1,5 for Business travellers, 1 for the rest, written as Excel in fi-FI would.
    const lines = airline.map((cells, r) => [...cells, r === 0 ? 'w' : cells[6] === 'Business' ? '1,5' : '1'].join(';'));
    const csv = file('airline-fi.csv', `${lines.join('\r\n')}\r\n`);
    expectAirlineClasses(cli('summarize', csv, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0').stdout);
    // Weighted total by hand: (5251 + 844 + 1.5 × 8584) / (11564 + 1917 + 1.5 × 12495) = 18971 / 32223.5.
    const weighted = csvLines(cli('summarize', csv, '--csat', 'Seat comfort', '--na', '0', '--weight', 'w', '--format', 'csv').stdout)[1]!;
    expect(Number(weighted[7])).toBeCloseTo((18971 / 32223.5) * 100, 9);
  });

  it('UTF-16 LE with a byte-order mark, tab-separated ("Unicode text" from Excel)', () => {
    const text = `${airline.map((cells) => cells.join('\t')).join('\r\n')}\r\n`;
    const utf16 = file('airline.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expectAirlineClasses(cli('summarize', utf16, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0').stdout);
  });

  it('an .xlsx workbook, first sheet', async () => {
    const data = airline.map((cells, r) => cells.map((cell) => (r > 0 && /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)));
    const workbook = file('airline.xlsx', new Uint8Array());
    await writeExcelFile(data).toFile(workbook);
    expectAirlineClasses(cli('summarize', workbook, '--by', 'Class', '--csat', 'Seat comfort', '--na', '0').stdout);
  }, 60_000);
});

describe('encodings', () => {
  // Store "Ähtäri" 9 and 10, "Örebro" 3: NPS 100 and −100.
  const text = 'store,q\r\nÄhtäri,9\r\nÖrebro,3\r\nÄhtäri,10\r\n';
  const expectStores = (stdout: string) => expect(csvLines(stdout).slice(1, 3).map((line) => [line[0], line[3], line[7]])).toEqual([
    ['Ähtäri', '2', '100'],
    ['Örebro', '1', '-100'],
  ]);

  it('UTF-8 with and without a byte-order mark', () => {
    expectStores(cli('summarize', file('bom.csv', `\uFEFF${text}`), '--by', 'store', '--nps', 'q', '--format', 'csv').stdout);
    expectStores(cli('summarize', file('plain.csv', text), '--by', 'store', '--nps', 'q', '--format', 'csv').stdout);
  });

  it('UTF-16 BE with a byte-order mark', () => {
    const be = Buffer.from(text, 'utf16le').swap16();
    expectStores(cli('summarize', file('be.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])), '--by', 'store', '--nps', 'q', '--format', 'csv').stdout);
  });

  it('windows-1252 and iso-8859-15 with --encoding; an unknown encoding and UTF-16 without a mark are said plainly', () => {
    const latin = file('latin.csv', Buffer.from(text, 'latin1'));
    expectStores(cli('summarize', latin, '--by', 'store', '--nps', 'q', '--encoding', 'windows-1252', '--format', 'csv').stdout);
    expectStores(cli('summarize', latin, '--by', 'store', '--nps', 'q', '--encoding', 'iso-8859-15', '--format', 'csv').stdout);
    const unknown = cli('summarize', latin, '--nps', 'q', '--encoding', 'klingon');
    expect([unknown.status, unknown.stderr.split('\n')[0]]).toEqual([2, 'cx-metrics: unknown --encoding "klingon" (for example utf-8, utf-16le, windows-1252, iso-8859-15)']);
    const unmarked = file('nomark.csv', Buffer.from(text, 'utf16le'));
    expect(cli('summarize', unmarked, '--nps', 'q').stderr).toBe(`cx-metrics: ${unmarked} looks like UTF-16 text without a byte-order mark; give --encoding utf-16le (or utf-16be)\n`);
  });
});

describe('workbooks', () => {
  it('--sheet by name; numbers typed as text and labels read like CSV cells; rows named as Excel numbers them', async () => {
    const workbook = file('two-sheets.xlsx', new Uint8Array());
    await writeExcelFile([
      { sheet: 'Notes', data: [['read me'], ['nothing here']] },
      { sheet: 'Answers', data: [['store', 'q'], [7, 10], ['7', '9'], ['Kamppi', '5 - Neutral'], ['Kamppi', 'eleven']] },
    ]).toFile(workbook);
    const { stderr, status } = cli('summarize', workbook, '--sheet', 'Answers', '--by', 'store', '--nps', 'q');
    // "eleven" is on the sheet's row 5 (the header is row 1).
    expect(status).toBe(1);
    expect(stderr).toBe(`cx-metrics: ${workbook}, row 5, column "q": expected a number or null, got "eleven"\n`);
    const { stdout } = cli('summarize', workbook, '--sheet', 'Answers', '--by', 'store', '--nps', 'q', '--skip-invalid', '--format', 'csv');
    // Store 7 as a number and as text is one group "7" (10 and 9: NPS 100); Kamppi: 5 (detractor), "eleven" skipped.
    expect(csvLines(stdout).slice(1, 3).map((line) => [line[0], line[3], line[4], line[6], line[7]])).toEqual([
      ['7', '2', '2', '0', '100'],
      ['Kamppi', '2', '1', '1', '-100'],
    ]);
    expect(cli('summarize', workbook, '--sheet', 'Answerz', '--nps', 'q').stderr).toBe(`cx-metrics: ${workbook} has no sheet "Answerz" (it has "Notes", "Answers")\n`);
  }, 30_000);

  it('a file that is not a workbook is said to be one', () => {
    const fake = file('fake.xlsx', 'store,q\n');
    const { status, stderr } = cli('summarize', fake, '--nps', 'q');
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`^cx-metrics: cannot read ${fake.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} as an .xlsx workbook: `));
  });
});

describe('survey platforms', () => {
  const qualtrics = file('qualtrics.csv', QUALTRICS_CSV);

  it('Qualtrics: three header rows recognised; columns by id or question text; the NPS group twin refused', () => {
    // NPS of 10, 6, 8, 9: two promoters, one detractor of four = 25; Q2 of 5, 2, 4: 2 of 3 satisfied.
    const byText = cli('summarize', qualtrics, '--nps', 'How likely are you to recommend Acme to a friend or colleague?', '--csat', 'Q2', '--format', 'csv');
    expect(byText.stderr).toBe('cx-metrics: read as a Qualtrics export: 3 header rows; columns by name or question text\n');
    const [, nps, sat] = csvLines(byText.stdout);
    expect([nps![2], nps![3], nps![4], nps![7]]).toEqual(['Q1', '4', '4', '25']);
    expect([sat![4], Number(sat![7]).toFixed(3)]).toEqual(['3', '66.667']);
    const twin = cli('summarize', qualtrics, '--nps', 'Q1_NPS_GROUP', '--quiet');
    expect(twin.stderr).toBe(`cx-metrics: ${qualtrics}: "Q1_NPS_GROUP" is Qualtrics' promoter / passive / detractor code (1–3), not the 0–10 answer; give "Q1"\n`);
  });

  it('Qualtrics legacy (V1…V10, then ResponseID…) and 2017 "Insights" ({\'ImportId\': …}) layouts are recognised (issue 23)', () => {
    // Legacy: V7 is Status (0 a response, 1 a preview, left out); the answers 10 and 6: NPS 0.
    const legacy = file(
      'legacy.csv',
      [
        'V1,V2,V3,V4,V5,V6,V7,V8,V9,V10,Q1,Q2',
        'ResponseID,ResponseSet,Name,ExternalDataReference,EmailAddress,IPAddress,Status,StartDate,EndDate,Finished,How likely are you to recommend us?,Comment',
        'R_1,Default,Anonymous,,,1.2.3.4,0,2016-01-01 10:00:00,2016-01-01 10:05:00,1,10,ok',
        'R_2,Default,Anonymous,,,1.2.3.4,1,2016-01-01 11:00:00,2016-01-01 11:05:00,1,0,preview',
        'R_3,Default,Anonymous,,,1.2.3.4,0,2016-01-02 10:00:00,2016-01-02 10:05:00,1,6,meh',
      ].join('\n'),
    );
    const old = cli('summarize', legacy, '--nps', 'How likely are you to recommend us?', '--format', 'csv');
    expect(old.stderr).toContain('read as a Qualtrics export: 2 header rows');
    expect(old.stderr).toContain('left out 1 of 3 rows (1 Status 1)');
    expect(csvLines(old.stdout)[1]!.slice(2, 8)).toEqual(['Q1', '2', '2', '0', '0', '0']);
    expect(cli('summarize', legacy, '--nps', 'Q1', '--by', 'ResponseSet', '--quiet').status).toBe(0);
    // Insights: the third row in single quotes; 10 and 9: NPS 100.
    const insights = file('insights.csv', ['ResponseId,Q1', 'Response ID,How likely?', `"{'ImportId': '_recordId'}","{'ImportId': 'QID1'}"`, 'R_1,10', 'R_2,9'].join('\n'));
    const newer = cli('summarize', insights, '--nps', 'How likely?', '--format', 'csv');
    expect(newer.stderr).toBe('cx-metrics: read as a Qualtrics export: 3 header rows; columns by name or question text\n');
    expect(csvLines(newer.stdout)[1]!.slice(3, 8)).toEqual(['2', '2', '0', '0', '100']);
  });

  it('Qualtrics: a weekly trend on its recorded dates (a space where ISO 8601 has a T)', () => {
    // 2026-11-02 and 2026-11-09 are Mondays of ISO weeks 45 and 46 (python3 date.isocalendar()).
    // Week 45: 10, 6 → 0; week 46: 8, 9 → 50; change +50.
    const { stdout } = cli('trend', qualtrics, '--at', 'RecordedDate', '--period', 'week', '--nps', 'Q1', '--quiet', '--format', 'csv');
    expect(csvLines(stdout).slice(1).map((line) => [line[0], line[5], line[8], line[11]])).toEqual([
      ['2026-W45', '2', '0', ''],
      ['2026-W46', '2', '50', '50'],
    ]);
  });

  const surveyMonkey = file('surveymonkey.csv', SURVEYMONKEY_CSV);
  const LABELS = 'Very satisfied=5,Satisfied=4,Neither satisfied nor dissatisfied=3,Dissatisfied=2,Very dissatisfied=1';

  it('SurveyMonkey: two header rows recognised; matrix rows named "question - row"; labels with numbers and --map', () => {
    // NPS of 10, 0, 7 (labels with a leading number): one promoter, one detractor → 0.
    // Staff: Satisfied 4, Very dissatisfied 1, Satisfied 4 → 2 of 3 satisfied.
    const { stdout, stderr } = cli('summarize', surveyMonkey, '--nps', 'How likely is it that you would recommend Acme to a friend or colleague?', '--csat', 'How satisfied were you with: - Staff', '--map', LABELS, '--format', 'csv');
    expect(stderr).toBe('cx-metrics: read as a SurveyMonkey export: 2 header rows; columns by name or question text\n');
    const [, nps, staff] = csvLines(stdout);
    expect([nps![4], nps![7]]).toEqual(['3', '0']);
    expect([staff![4], Number(staff![7]).toFixed(3)]).toEqual(['3', '66.667']);
  });

  it('SurveyMonkey: a question with several columns asks which; a label not mapped is named by line and column', () => {
    const ambiguous = cli('summarize', surveyMonkey, '--csat', 'How satisfied were you with:');
    expect(ambiguous.stderr).toMatch(/: the question "How satisfied were you with:" has 3 columns; name one: "How satisfied were you with: - Speed", "How satisfied were you with: - Staff", "How satisfied were you with: - Price"\n$/);
    const unmapped = cli('summarize', surveyMonkey, '--csat', 'How satisfied were you with: - Price', '--map', LABELS, '--quiet');
    expect(unmapped.stderr).toBe(`cx-metrics: ${surveyMonkey}, line 5, column "How satisfied were you with: - Price": expected a number or null, got "N/A"\n`);
    // With N/A mapped to an off-scale code and that code given as not applicable: 3 and 4 answered.
    const mapped = cli('summarize', surveyMonkey, '--csat', 'How satisfied were you with: - Price', '--map', `${LABELS},N/A=99`, '--na', '99', '--quiet', '--format', 'csv');
    expect(csvLines(mapped.stdout)[1]!.slice(4, 8)).toEqual(['2', '1', '0', '50']);
  });

  // Google Forms: the questions are the header, a Timestamp column first, free text quoted
  // with commas and line breaks.
  const googleForms = file(
    'google-forms.csv',
    [
      '"Timestamp","How likely are you to recommend us to a friend?","Which store did you visit?","Anything else you want to tell us? (optional)"',
      '"2026/11/03 10:15:32 AM GMT+2","9","Kamppi","Great staff, quick service"',
      '"2026/11/03 11:02:10 PM GMT+2","3","Itis","Waited 20 minutes.',
      'Nobody came."',
      '"2026/11/10 9:41:55 AM GMT+2","10","Kamppi",""',
    ].join('\r\n'),
  );

  it("SurveyMonkey's older layout (fivethirtyeight's Star Wars survey: RespondentID, then Response and labels) is recognised (issue 23)", () => {
    const starWars = file(
      'star-wars.csv',
      [
        'RespondentID,Have you seen any of the 6 films?,Please rank the films,,Which character do you like?,',
        ',Response,Star Wars: Episode I,Star Wars: Episode II,Han Solo,Yoda',
        '3292879998,Yes,3,2,Very favorably,Somewhat favorably',
        '3292879538,No,,,,',
        '3292765271,Yes,1,4,Very favorably,Very favorably',
      ].join('\n'),
    );
    // Episode I ranks 3 and 1 (mean 2); the matrix rows by "question - row" or the row label alone.
    const run = cli('summarize', starWars, '--by', 'Yoda', '--ces', 'Please rank the films - Star Wars: Episode I', '--ces-scale', '1-6', '--format', 'csv');
    expect(run.stderr).toBe('cx-metrics: read as a SurveyMonkey export: 2 header rows; columns by name or question text\n');
    const total = csvLines(run.stdout).find((line) => line[0] === 'total')!;
    expect([total[3], total[4], total[7]]).toEqual(['3', '2', '2']);
  });

  it('Google Forms: columns by question, free text across lines, its timestamps in a trend', () => {
    // Kamppi: 9, 10 → 100; Itis: 3 → −100.
    const byStore = cli('summarize', googleForms, '--by', 'Which store did you visit?', '--nps', 'How likely are you to recommend us to a friend?', '--format', 'csv');
    expect(csvLines(byStore.stdout).slice(1, 3).map((line) => [line[0], line[7]])).toEqual([
      ['Kamppi', '100'],
      ['Itis', '-100'],
    ]);
    // 2026-11-03 (Tuesday) is in ISO week 45, 2026-11-10 in week 46: 9 and 3 → 0, then 10 → 100.
    const weekly = cli('trend', googleForms, '--at', 'Timestamp', '--period', 'week', '--time-zone', 'Europe/Helsinki', '--nps', 'How likely are you to recommend us to a friend?', '--format', 'csv');
    expect(csvLines(weekly.stdout).slice(1).map((line) => [line[0], line[5], line[8]])).toEqual([
      ['2026-W45', '2', '0'],
      ['2026-W46', '1', '100'],
    ]);
  });

  it('Google Forms: a bad answer after a cell over two lines is named by its line in the file', () => {
    const withBad = file('google-forms-bad.csv', `${readFileSync(googleForms, 'utf8')}\r\n"2026/11/11 9:00:00 AM GMT+2","ten","Itis",""\r\n`);
    expect(cli('summarize', withBad, '--nps', 'How likely are you to recommend us to a friend?').stderr).toBe(`cx-metrics: ${withBad}, line 6, column "How likely are you to recommend us to a friend?": expected a number or null, got "ten"\n`);
  });

  it('--header-rows forces the layout', () => {
    const twoRows = file('two-rows.csv', 'Q1,Q2\nRecommend?,Satisfied?\n9,5\n6,4\n');
    // Two header rows: data 9, 6 → (1 − 1)/2 = 0; with one header row "Recommend?" would be an answer.
    expect(cli('summarize', twoRows, '--header-rows', '2', '--nps', 'Recommend?').stdout).toMatch(/^total +2 +2 +0\.0 /m);
    expect(cli('summarize', twoRows, '--nps', 'Q1').status).toBe(1);
  });
});
