import { defineConfig } from '@playwright/test'
import { CHROMIUM_OFFLINE_ARGS } from './src-main/diagnosis/report-pdf'

// UI tests run the built renderer in Debian's Chromium through the browser host; the
// Electron smoke test runs only where an Electron binary is installed.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results/playwright',
  // Hang guards, not budgets: the specs wait on conditions, so a loaded machine only slows them.
  timeout: 300_000,
  expect: { timeout: 30_000 },
  // Two workers on two cores: each spec file has its own browser host and emulators, so files
  // share nothing; the specs wait on conditions, never on the clock, so a busy machine only slows them.
  workers: 2,
  reporter: [['list'], ['json']],
  use: {
    actionTimeout: 30_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Offline like the app's own Chromium: tests talk only to loopback, not even DNS.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', ...CHROMIUM_OFFLINE_ARGS],
    },
  },
})
