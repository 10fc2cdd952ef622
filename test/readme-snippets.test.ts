/**
 * Every TypeScript snippet of the README and the guides in docs/ is type-checked with the
 * project's strict settings and run, and each line `expression; // value` in it must give
 * that value; every `npx cx-metrics-cli …` command in them is run, and where an output block
 * follows it, the command must print exactly that. Documentation that does not match the
 * code fails the tests.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, root } from './cli-helpers.js';
import { instrument } from './doc-checks.js';
import { airlineCsv } from './shared-data.js';
import { snippetChecks, snippetFailures } from './snippet-check.js';

interface Block {
  readonly id: string;
  readonly lang: string;
  readonly code: string;
  /** The output block right after a shell block, if any. */
  readonly output?: string | undefined;
}

const DOCS = ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

function blocksOf(doc: string): Block[] {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const blocks: (Block & { end: number })[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((line, j) => j > i && line.startsWith('```'));
    blocks.push({ id: `${doc}:${i + 1}`, lang: open[1]!, code: lines.slice(i + 1, close).join('\n'), end: close });
    i = close;
  }
  return blocks.map((block, b) => {
    const next = blocks[b + 1];
    const adjacent = next !== undefined && next.lang === 'text' && lines.slice(block.end + 1, Number(next.id.split(':')[1]) - 1).every((line) => line.trim() === '');
    return { id: block.id, lang: block.lang, code: block.code, output: adjacent ? next.code : undefined };
  });
}

const blocks = DOCS.flatMap(blocksOf);
const typescript = blocks.filter((block) => block.lang === 'ts' || block.lang === 'typescript');
const shell = blocks.filter((block) => block.lang === 'sh' && /^npx cx-metrics-cli /m.test(block.code));
const dir = join(root, 'test/.snippets');
const fileOf = (block: Block) => join(dir, `${block.id.replace(/[^\w]+/g, '_')}.ts`);

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const block of typescript) {
    const code = instrument(block.code)
      .replaceAll("from 'cx-metrics/charts'", "from '../../src/charts/index.js'")
      .replaceAll("from 'cx-metrics/text'", "from '../../src/text/index.js'")
      .replaceAll("from 'cx-metrics/read'", "from '../../src/read/index.js'")
      .replaceAll("from 'cx-metrics'", "from '../../src/index.js'")
      .replaceAll('__check(', `__check(${JSON.stringify(block.id)}, `);
    writeFileSync(fileOf(block), `import { __check } from '../snippet-check.js';\n${code}\nexport {};\n`);
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', compilerOptions: { noUnusedLocals: false }, include: ['*.ts'] }));
});

describe('README and guide snippets', () => {
  it('every TypeScript snippet type-checks with tsc under the strict settings', () => {
    const result = spawnSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
  }, 60_000);

  it.each(typescript.map((block) => [block.id, block] as const))('%s runs and gives the values its comments say', async (_id, block) => {
    await import(fileOf(block));
    expect(snippetFailures.get(block.id) ?? []).toEqual([]);
    expect(snippetChecks.get(block.id) ?? 0, 'a snippet must check at least one value').toBeGreaterThan(0);
  });

  it.each(shell.map((block) => [block.id, block] as const))('%s: the commands run and print what the doc shows', (_id, block) => {
    const commands = block.code.split('\n').filter((line) => line.startsWith('npx cx-metrics-cli '));
    let last = '';
    for (const command of commands) {
      // The shared survey from where it lives; a report is written into the scratch folder, not the checkout.
      const words = shellWords(command.replace(/^npx cx-metrics-cli /, ''));
      const args = words.map((arg, i) => (arg.endsWith('airline-passenger-satisfaction-test.csv') ? (airlineCsv ?? arg) : words[i - 1] === '--out' ? join(dir, basename(arg)) : arg));
      if (args.some((arg) => arg.endsWith('airline-passenger-satisfaction-test.csv')) && airlineCsv === undefined) return;
      const run = cli(...args);
      // Notes on stderr (what --na did not apply to) are fine; an error is not.
      expect(run.status, `${command}\n${run.stderr}`).toBe(0);
      last = run.stdout;
    }
    if (block.output !== undefined) expect(last.trimEnd()).toBe(block.output.trimEnd());
  });
});

/** The words of a command line, with '…' and "…" quoting. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/'([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+)/g)) words.push(match[1] ?? match[2]?.replace(/\\(.)/g, '$1') ?? match[3]!);
  return words;
}
