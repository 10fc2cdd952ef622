/**
 * cx-metrics/read in a real browser (Debian's Chromium, headless): the entry bundled for the
 * browser as an app's bundler would, loaded into a page whose Content-Security-Policy forbids
 * every request and compiling code from strings (WebAssembly allowed, as the offline page will
 * allow it). A CSV read by the WebAssembly line scanner, gzip through the browser's
 * DecompressionStream, a workbook streamed, a File's name in a message. Expected values are
 * read off the inputs written here.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { strToU8, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './browser.js';
import { scratch } from './cli-helpers.js';

const root = new URL('..', import.meta.url).pathname;
const { file } = scratch('read-browser');
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const xml = (body: string) => strToU8(`<?xml version="1.0"?>${body}`);

describe.skipIf(chromiumPath === undefined)('cx-metrics/read in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const bundled = await build({ entryPoints: [`${root}src/read/index.ts`], bundle: true, format: 'iife', globalName: 'cxRead', platform: 'browser', write: false, logLevel: 'silent' });
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.route('**/*', (route) => (route.request().url().startsWith('file://') ? route.continue() : route.abort()));
    const policy = "default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'";
    // The page itself records whether it may compile code from strings (the readers must not need to).
    const probe = "globalThis.evalBlocked = (() => { try { new Function('return 1'); return false; } catch { return true; } })();";
    const html = file('read.html', `<!doctype html><meta http-equiv="Content-Security-Policy" content="${policy}"><script>${probe}</script><script>${bundled.outputFiles[0]!.text}</script>`);
    await page.goto(`file://${html}`);
  }, 60_000);

  afterAll(async () => browser?.close());

  it('reads CSV, gzip, a workbook and a File, under a policy that forbids eval', async () => {
    const workbook = zipSync({
      'xl/workbook.xml': xml(`<workbook ${NS}><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`),
      'xl/_rels/workbook.xml.rels': xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': xml(`<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>q</t></is></c><c r="B1" t="inlineStr"><is><t>store</t></is></c></row><row r="2"><c r="A2"><v>10</v></c><c r="B2" t="inlineStr"><is><t>Kamppi</t></is></c></row></sheetData></worksheet>`),
    });
    const csv = 'q;store\n10;Kamppi\n;Itis\n4,5;Itis\n';
    const result = await page.evaluate(
      async ({ csv, gz, xlsx }) => {
        const { readTable } = (globalThis as unknown as { cxRead: typeof import('../src/read/index.js') }).cxRead;
        const all = async (table: Awaited<ReturnType<typeof readTable>>) => {
          const rows: unknown[] = [];
          for await (const row of table.rows([{ name: 'q', kind: 'number' }, { name: 'store', kind: 'text' }])) rows.push({ ...row });
          return rows;
        };
        const evalBlocked = (globalThis as unknown as { evalBlocked: boolean }).evalBlocked;
        const fromCsv = await readTable(csv);
        const fromGzip = await readTable(new Blob([Uint8Array.from(gz)]));
        const fromWorkbook = await readTable(new Blob([Uint8Array.from(xlsx)]));
        const message = await readTable(new File(['q\n"open\n'], 'answers.csv')).then(
          () => '',
          (error: Error) => `${error.name}: ${error.message}`,
        );
        return { evalBlocked, csv: [fromCsv.delimiter, await all(fromCsv)], gzip: await all(fromGzip), workbook: [fromWorkbook.format, await all(fromWorkbook)], message };
      },
      { csv, gz: [...gzipSync(csv)], xlsx: [...workbook] },
    );
    const rows = [
      { q: 10, store: 'Kamppi' },
      { q: null, store: 'Itis' },
      { q: 4.5, store: 'Itis' },
    ];
    expect(result.evalBlocked).toBe(true);
    expect(result.csv).toEqual([';', rows]);
    expect(result.gzip).toEqual(rows);
    expect(result.workbook).toEqual(['xlsx', [{ q: 10, store: 'Kamppi' }]]);
    expect(result.message).toMatch(/^CxInputError: answers\.csv, line 2: /);
    expect(errors).toEqual([]);
  }, 60_000);
});
