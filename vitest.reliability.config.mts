import { defineConfig } from 'vitest/config';

/** `npm run reliability`: the fuzzers with many more events per action than `npm test` runs. */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    env: { FUZZ_RUNS: '300' },
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
