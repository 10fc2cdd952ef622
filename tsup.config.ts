import { defineConfig } from 'tsup';

export default defineConfig([
  // ESM: one file per source module, so that with `sideEffects: false` a bundler keeps only
  // the modules an app imports (`import { nps }` must not carry scorecards and SQL).
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: true,
    sourcemap: true,
    target: 'es2022',
  },
  // CommonJS: one bundle per entry point (require() cannot drop unused modules anyway).
  {
    entry: ['src/index.ts', 'src/charts/index.ts', 'src/text/index.ts', 'src/read/index.ts'],
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
  // The command line: one bundled file, because loading the library's modules one by one cost
  // 140 ms of every run (about a fifth of summarizing a million rows). Workbook reading and writing (and fflate,
  // which checks a workbook's extent first) stay dependencies, loaded only when a workbook is read
  // or written; so are vega and vega-lite, for reports only.
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    bundle: true,
    dts: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    external: ['read-excel-file', 'write-excel-file', 'fflate', 'hyparquet', 'vega', 'vega-lite'],
  },
]);
