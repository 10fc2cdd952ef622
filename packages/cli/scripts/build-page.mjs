// Builds the offline page, cx-metrics.html: one self-contained file (its worker, vega and the
// readers inlined) written to dist/ and to packages/cli/dist/ (where `cx-metrics app` copies it
// from). Run by `npm run build`, after tsup.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const app = join(root, 'packages/cli/src/app');
const version = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;

// The command line's modules import Node's built-ins; the page never calls those paths (files
// named by flags, the terminal, the manifest). Each import is an object whose functions throw,
// so a path the page should not take says so instead of failing obscurely.
const nodeBuiltins = {
  name: 'node-builtins',
  setup(builder) {
    builder.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-builtin' }));
    builder.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get: (_, name) => (name === '__esModule' ? false : () => { throw new Error(${JSON.stringify(args.path)} + ' is not available in the page'); }) });`,
      loader: 'js',
    }));
  },
};

// import.meta is read only by the version of the command line's manifest, which the page is given instead.
const common = { bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', minify: true, legalComments: 'none', plugins: [nodeBuiltins], logLevel: 'warning', logOverride: { 'empty-import-meta': 'silent' } };
const worker = await build({ ...common, entryPoints: [join(app, 'worker.ts')], define: { CX_METRICS_VERSION: JSON.stringify(version) } });
const page = await build({ ...common, entryPoints: [join(app, 'page.ts')], define: { CX_METRICS_WORKER: JSON.stringify(worker.outputFiles[0].text) } });
// The script goes inside <script>: no "</script" may end it early.
const script = page.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1');
const html = readFileSync(join(app, 'page.html'), 'utf8').replace('CX_METRICS_VERSION', version).replace('CX_METRICS_PAGE_SCRIPT', () => script);
// Folders to write to: the arguments (the page's browser test builds into its own), else both dist/ folders.
const targets = process.argv.length > 2 ? process.argv.slice(2) : [join(root, 'dist'), join(root, 'packages/cli/dist')];
for (const dir of targets) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cx-metrics.html'), html);
}
console.log(`cx-metrics.html: ${(html.length / 1024).toFixed(0)} kB`);
