import { defineConfig } from 'tsup';

export default defineConfig([
  // ESM: one file per source module, so that with `sideEffects: false` a bundler keeps only
  // the modules an app imports (`import { nps }` must not carry scorecards and SQL).
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts'],
    format: ['esm'],
    bundle: false,
    dts: true,
    sourcemap: true,
    target: 'es2022',
  },
  // CommonJS: one bundle (require() cannot drop unused modules anyway).
  {
    entry: ['src/index.ts'],
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
  },
]);
