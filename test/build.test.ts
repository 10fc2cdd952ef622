import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  it('ships the cx-metrics command as an executable ESM file', () => {
    expect(readFileSync(join(root, 'dist/cli/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(node(['dist/cli/main.js', '--version'])).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  it("keeps `import { nps }` at most 12 kB when bundled, minified and gzipped", async () => {
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
    expect(gzipped).toBeLessThanOrEqual(12_000);
  });
});
