import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'packages/cli/src/**/*.test.ts', 'test/**/*.test.ts'],
    // CI reads the counts from a JSON report rather than from vitest's coloured summary.
    reporters: process.env['CI'] ? ['default', 'json'] : ['default'],
    outputFile: { json: '.ci/vitest-report.json' },
    testTimeout: 30_000,
  },
});
