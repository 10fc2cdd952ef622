import { defineConfig } from 'tsup';

export default defineConfig([
  // ESM: one file per source module, so that with `sideEffects: false` a bundler keeps only
  // the modules an app imports (`import { nps }` must not carry scorecards and SQL).
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
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
  // The command line, its own package (packages/cli, published as cx-metrics-cli): one bundled
  // file with the library's code (and zod, simple-statistics and the Finnish stemmer) built in,
  // because loading the library's modules one by one cost 140 ms of every run (about a fifth of
  // summarizing a million rows). Its own dependencies stay outside, each loaded only when needed:
  // fflate for gzip, hyparquet for Parquet, write-excel-file for workbooks written, vega and
  // vega-lite for reports.
  {
    entry: { main: 'packages/cli/src/main.ts' },
    outDir: 'packages/cli/dist',
    format: ['esm'],
    bundle: true,
    dts: false,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
    external: ['write-excel-file', 'fflate', 'hyparquet', 'vega', 'vega-lite'],
    noExternal: ['zod', 'simple-statistics', '@orama/stemmers'],
  },
]);
