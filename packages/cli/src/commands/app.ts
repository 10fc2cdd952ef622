import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommandSpec } from '../args.js';
import { InputError, UsageError } from '../errors.js';
import { writeFileSafely } from '../output/write-file.js';

export const appSpec: CommandSpec = {
  name: 'app',
  usage: '--out FILE.html',
  summary:
    'Writes the offline page, cx-metrics.html: open it in a browser (from disk, a static host or an e-mail), drop a survey export in it and get the report — the file is read in the page and never leaves the computer.',
  groups: [{ heading: 'Output', flags: [{ name: 'out', value: 'FILE', help: 'where to write the page (.html)' }] }],
  examples: ['cx-metrics app --out cx-metrics.html'],
};

/** Where the built page is: beside the bundled command (dist/main.js), or in dist/ when run from the sources. */
const CANDIDATES = ['./cx-metrics.html', '../../dist/cx-metrics.html'];

export async function appCommand(argv: readonly string[]): Promise<string> {
  const value = argv.length === 2 && argv[0] === '--out' ? argv[1] : argv.length === 1 && argv[0]!.startsWith('--out=') ? argv[0]!.slice('--out='.length) : undefined;
  if (value === undefined || value === '') throw new UsageError('app takes only --out FILE.html');
  const page = CANDIDATES.map((candidate) => fileURLToPath(new URL(candidate, import.meta.url))).find((path) => existsSync(path));
  if (page === undefined) throw new InputError('the page is not built: run `npm run build` in the repository (the published package has it)');
  writeFileSafely(value, readFileSync(page), []);
  return `wrote ${value}: the offline page (open it in a browser; nothing you drop in it is uploaded)`;
}
