import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).trim();

describe('npm run build', () => {
  beforeAll(() => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'pipe' });
  }, 120_000);

  it('produces CommonJS that loads with require', () => {
    // [0, 7, 7, 9, 9, 9]: (3 − 1)/6 → 33.3
    expect(node(['-e', "const { nps, round } = require('./dist/index.cjs'); console.log(round(nps([0, 7, 7, 9, 9, 9]).score, 1))"])).toBe('33.3');
  });

  it('produces ESM that loads with import', () => {
    expect(node(['--input-type=module', '-e', "import { nps, round } from './dist/index.js'; console.log(round(nps([10, 7, 3, 9]).score, 1))"])).toBe('25');
  });

  it('ships separate type files for both', () => {
    expect(node(['-e', "const fs = require('fs'); console.log(['dist/index.d.ts', 'dist/index.d.cts'].every((f) => fs.existsSync(f)))"])).toBe('true');
  });

  it('builds the command line into its own package (packages/cli, cx-metrics-cli) as an executable ESM file', () => {
    expect(readFileSync(join(root, 'packages/cli/dist/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(node(['packages/cli/dist/main.js', '--version'])).toBe(JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version);
    // The library package has no bin any more: the command is cx-metrics-cli's.
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).bin).toBeUndefined();
  });

  it("keeps `import { nps }` at most 12.7 kB when bundled, minified and gzipped", async () => {
    // The ESM build is one file per module and the package says sideEffects: false, so a
    // bundler keeps only what nps needs (zod/mini for its options is most of it).
    const result = await build({
      stdin: { contents: "import { nps } from './dist/index.js'; console.log(nps([10]).score);", resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const gzipped = gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
    // 12.39 kB once the iterative NPS interval brought Brent's root finder (about 0.4 kB); 12.63 kB with
    // the hook for calibrated weights (issue 24: the weights bring their standard error, the
    // weighting code stays out).
    expect(gzipped).toBeLessThanOrEqual(12_700);
  });

  it('keeps cx-metrics/charts light: specs are data, nothing of vega is bundled', async () => {
    const result = await build({
      stdin: { contents: "import { summaryChart } from './dist/charts/index.js'; console.log(summaryChart);", resolveDir: root, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    expect(gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length).toBeLessThanOrEqual(8_000);
  });

  it('keeps cx-metrics/text at most 29 kB, and none of it (nor its stemmers) in `import { nps }`', async () => {
    const bundle = async (contents: string) =>
      build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, metafile: true, logLevel: 'silent' });
    // The Finnish stemmer is about 2 kB, the English one about 2 kB; most of the rest is the metrics the impacts use.
    // With small groups hidden (issue 22) it measured 28.06 kB gzipped.
    const text = await bundle("import * as text from './dist/text/index.js'; console.log(text);");
    expect(gzipSync(text.outputFiles[0]!.contents, { level: 9 }).length).toBeLessThanOrEqual(29_000);
    const nps = await bundle("import { nps } from './dist/index.js'; console.log(nps([10]).score);");
    expect(Object.keys(nps.metafile.inputs).filter((path) => path.includes('/text/') || path.includes('@orama'))).toEqual([]);
  });

  it('keeps cx-metrics/read at most 20 kB, browser-safe (no node: import), and none of it in `import { nps }`', async () => {
    const bundle = async (contents: string) =>
      build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, minify: true, format: 'esm', write: false, metafile: true, logLevel: 'silent', platform: 'browser' });
    // 15.97 kB gzipped when the entry was made (issue 23): CSV with the SIMD line scanner, JSON, the streaming workbook reader.
    const read = await bundle("import { readTable } from './dist/read/index.js'; console.log(readTable);");
    expect(gzipSync(read.outputFiles[0]!.contents, { level: 9 }).length).toBeLessThanOrEqual(20_000);
    expect(Object.values(read.metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.path)).filter((path) => path.startsWith('node:'))).toEqual([]);
    const nps = await bundle("import { nps } from './dist/index.js'; console.log(nps([10]).score);");
    expect(Object.keys(nps.metafile.inputs).filter((path) => path.includes('/read/'))).toEqual([]);
  });

  it('no library entry point imports what only the command line needs (vega, vega-lite, read-excel-file, write-excel-file, fflate, hyparquet)', async () => {
    const heavy = ['vega', 'vega-lite', 'read-excel-file', 'write-excel-file', 'fflate', 'hyparquet'];
    const entries = ['index', 'charts/index', 'text/index', 'read/index'].flatMap((entry) => [`./dist/${entry}.js`, `./dist/${entry}.cjs`]);
    for (const entry of entries) {
      const result = await build({ entryPoints: [join(root, entry)], bundle: true, write: false, metafile: true, logLevel: 'silent', external: heavy, platform: 'neutral' });
      const imported = Object.values(result.metafile.inputs).flatMap((input) => input.imports.map((imported) => imported.path));
      expect(imported.filter((path) => heavy.some((name) => path === name || path.startsWith(`${name}/`))), entry).toEqual([]);
    }
  });

  it('passes publint --strict and @arethetypeswrong/cli --pack', () => {
    const run = (bin: string, args: string[]) => execFileSync(join(root, 'node_modules/.bin', bin), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    expect(run('publint', ['--strict'])).toContain('All good!');
    expect(run('attw', ['--pack', '.', '--format', 'ascii'])).toContain('No problems found');
  }, 120_000);

  it('installs from the packed tarball with its three dependencies only, and works from ESM, CommonJS and TypeScript (NodeNext)', () => {
    const project = mkdtempSync(join(tmpdir(), 'cx-metrics-smoke-'));
    try {
      const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: root, encoding: 'utf8' }).trim().split('\n').at(-1)!;
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(project, packed)], { cwd: project, stdio: 'pipe' });
      // An app that only wants the metrics gets the library and what it uses: zod, simple-statistics, the Finnish stemmer.
      const installed = readdirSync(join(project, 'node_modules'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .flatMap((entry) => (entry.name.startsWith('@') ? readdirSync(join(project, 'node_modules', entry.name)).map((name) => `${entry.name}/${name}`) : [entry.name]));
      expect(installed.sort()).toEqual(['@orama/stemmers', 'cx-metrics', 'simple-statistics', 'zod']);
      writeFileSync(join(project, 'esm.mjs'), "import { nps } from 'cx-metrics'; import { summaryChart } from 'cx-metrics/charts'; import { codeComment } from 'cx-metrics/text'; import { readTable } from 'cx-metrics/read'; const table = await readTable('q\\n10\\n\\n'); const qs = []; for await (const row of table.rows([{ name: 'q', kind: 'number' }])) qs.push(row.q); console.log(nps([10, 10, 3]).score.toFixed(2), typeof summaryChart, codeComment({ language: 'fi', themes: [{ id: 'q', match: ['jono*'] }] }, 'Jonossa').themes[0].id, JSON.stringify(qs));");
      writeFileSync(join(project, 'cjs.cjs'), "const { csat } = require('cx-metrics'); const { trendChart } = require('cx-metrics/charts'); const { codeComment } = require('cx-metrics/text'); console.log(csat([5, 4, 1, 2]).score, typeof trendChart, codeComment({ language: 'en', themes: [{ id: 'w', match: ['wait'] }] }, 'We waited').themes[0].id);");
      writeFileSync(join(project, 'typed.ts'), "import { nps, type NpsResult } from 'cx-metrics';\nimport { summaryChart, type VegaLiteSpec } from 'cx-metrics/charts';\nconst result: NpsResult = nps([9]);\nexport const score: number | null = result.score;\nexport const chart: (summary: Parameters<typeof summaryChart>[0]) => VegaLiteSpec = summaryChart;\n");
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['typed.ts'] }));
      const inProject = (file: string, args: string[]) => execFileSync(file, args, { cwd: project, encoding: 'utf8' }).trim();
      expect(inProject(process.execPath, ['esm.mjs'])).toBe('33.33 function q [10]'); // (2 − 1) / 3; a blank line is no row
      expect(inProject(process.execPath, ['cjs.cjs'])).toBe('50 function w'); // 5 and 4 of four
      expect(inProject(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json'])).toBe('');
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 180_000);

  it('installs the command line from its packed tarball (cx-metrics-cli) and runs it', () => {
    const project = mkdtempSync(join(tmpdir(), 'cx-metrics-cli-smoke-'));
    try {
      const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', project], { cwd: join(root, 'packages/cli'), encoding: 'utf8' }).trim().split('\n').at(-1)!;
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'smoke', private: true }));
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(project, packed)], { cwd: project, stdio: 'pipe' });
      writeFileSync(join(project, 'answers.csv'), 'q\n10\n9\n3\n');
      const run = (args: string[]) => execFileSync(join(project, 'node_modules/.bin/cx-metrics'), args, { cwd: project, encoding: 'utf8' }).trim();
      expect(run(['--version'])).toBe(JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version);
      // 10 and 9 promoters, 3 a detractor: (2 − 1) / 3 = 33.3.
      expect(run(['summarize', 'answers.csv', '--nps', 'q'])).toMatch(/^total +3 +3 +33\.3 /m);
      // The offline page ships in the package: `app` writes the page npm run build made.
      expect(run(['app', '--out', 'page.html'])).toMatch(/^wrote page\.html: the offline page/);
      expect(readFileSync(join(project, 'page.html'), 'utf8')).toBe(readFileSync(join(root, 'dist/cx-metrics.html'), 'utf8'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  }, 240_000);
});
