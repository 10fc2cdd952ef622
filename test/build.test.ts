import { execFileSync } from 'node:child_process';
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
});
