#!/usr/bin/env node
// Bundles the benchmarks the way the app itself is built (one bundle, no per-module
// transpilation shims), so `npm run bench` measures the code that ships, not tsx's output.
import { build } from 'vite'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: join(root, 'tests/bench/run.ts'),
    outDir: join(root, 'out/bench'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { format: 'cjs', entryFileNames: 'run.cjs' } },
  },
})
