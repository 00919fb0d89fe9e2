import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Hang guards, not budgets: every test waits on an event or a condition, so a loaded machine
    // (npm test twice at once on two cores) only makes it slower. Timings live in npm run bench.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Several suites start emulated routers; two workers suit a two-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
})
