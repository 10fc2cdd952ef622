import type { ReportStrings } from './strings/report-strings.js';

/** A table of the report: header cells, then rows of cells; numeric columns align right. */
export interface ReportTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Indices of the columns holding numbers. */
  readonly numeric: readonly number[];
  /** Rows to mark (a weakest stage, a significant change): their index, and why. */
  readonly marked?: ReadonlyMap<number, string> | undefined;
}

/** A section: a heading, a chart (SVG markup, rendered beforehand), tables and notes. */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  readonly svg: string | null;
  readonly tables: readonly ReportTable[];
  readonly notes: readonly string[];
  /** Points listed after the notes (the key findings). */
  readonly list?: readonly string[] | undefined;
  /** Paragraphs after the tables (quotes of what customers wrote). */
  readonly after?: readonly string[] | undefined;
}

/** Everything the report shows; the page only lays it out. */
export interface ReportPage {
  readonly lang: string;
  readonly strings: ReportStrings;
  readonly title: string;
  readonly facts: readonly (readonly [string, string])[];
  /** Per metric column: answered, missing, invalid; null for a report without metrics (mystery shopping only). */
  readonly counts: ReportTable | null;
  readonly sections: readonly ReportSection[];
  readonly methodology: readonly string[];
  readonly version: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Text for HTML: every value in the report is the user's data (column names, group keys) and escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function tableHtml(table: ReportTable): string {
  const cell = (text: string, c: number, tag: 'td' | 'th') => `<${tag}${table.numeric.includes(c) ? ' class="number"' : ''}>${escapeHtml(text)}</${tag}>`;
  const head = `<tr>${table.head.map((text, c) => cell(text, c, 'th')).join('')}</tr>`;
  const rows = table.rows.map((row, r) => {
    const mark = table.marked?.get(r);
    return `<tr${mark ? ` class="marked" title="${escapeHtml(mark)}"` : ''}>${row.map((text, c) => cell(text, c, 'td')).join('')}</tr>`;
  });
  return `<div class="table"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Readable on a phone (charts and tables shrink or scroll), printable (no page break inside a section). */
const STYLE = `
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1a1a1a; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.5rem 0 0.25rem; }
h2 { font-size: 1.25rem; margin: 2rem 0 0.5rem; border-bottom: 1px solid #ddd; padding-bottom: 0.25rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; margin: 0.5rem 0 1rem; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
.table { overflow-x: auto; margin: 0.75rem 0; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid #e5e5e5; text-align: left; white-space: nowrap; }
th { font-weight: 600; border-bottom: 2px solid #bbb; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.marked td { background: #fff1e6; }
figure { margin: 0.75rem 0; }
figure svg { max-width: 100%; height: auto; }
p.note { color: #444; font-size: 0.9rem; }
ul.findings { padding-left: 1.2rem; }
ul.findings li { margin: 0.35rem 0; }
footer { margin-top: 2rem; color: #777; font-size: 0.8rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  section { break-inside: avoid; page-break-inside: avoid; }
  .table { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`;

/** The report as one self-contained HTML file: styles inline, charts as inline SVG, no network. */
export function reportHtml(page: ReportPage): string {
  const facts = page.facts.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('');
  const sections = page.sections.map((section) =>
    [
      `<section id="${escapeHtml(section.id)}">`,
      `<h2>${escapeHtml(section.title)}</h2>`,
      ...section.notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`),
      section.list === undefined ? '' : `<ul class="findings">${section.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
      section.svg === null ? '' : `<figure>${section.svg}</figure>`,
      ...section.tables.map(tableHtml),
      ...(section.after ?? []).map((paragraph) => `<p class="note">${escapeHtml(paragraph)}</p>`),
      '</section>',
    ].join('\n'),
  );
  return `<!doctype html>
<html lang="${escapeHtml(page.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
<dl class="facts">${facts}</dl>
${page.counts === null ? '' : tableHtml(page.counts)}
</header>
${sections.join('\n')}
<section id="methodology">
<h2>${escapeHtml(page.strings.methodology)}</h2>
${page.methodology.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
</section>
<footer>${escapeHtml(page.strings.generatedBy)} ${escapeHtml(page.version)}</footer>
</body>
</html>
`;
}
