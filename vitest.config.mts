import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Several suites start emulated routers; two workers suit a two-core machine.
    pool: 'forks',
    maxWorkers: 2,
  },
})
