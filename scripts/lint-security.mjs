#!/usr/bin/env node
// `npm run lint:security`: electronegativity (the Electron security linter) over the built app
// (out/: main, preload and renderer exactly as they ship; the linter cannot read TypeScript
// folders). Fails on any finding above informational unless it is in REVIEWED below, each
// with the reason it does not apply. Prints one line per finding and a closing count.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const { lint } = require('./electronegativity-run.cjs')
const root = join(import.meta.dirname, '..')
const REVIEWED = {
  // Google's CSP evaluator warns that script-src 'self' "can be problematic if you host JSONP,
  // Angular or user uploaded files". The app loads from file:// (or the loopback browser host)
  // and serves none of those; nonces need a server per response, which a file:// app lacks.
  CSP_GLOBAL_CHECK: (f) => /One or more CSP directives detected seems to be vulnerable/.test(f.message),
}

if (!existsSync(join(root, 'out/main/index.js'))) {
  console.error('lint:security: build first (npm run build).')
  process.exit(2)
}
const electron = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
let failed = 0
let reviewed = 0
for (const f of await lint(join(root, 'out'), electron)) {
  if (f.severity === 'INFORMATIONAL') continue
  if (REVIEWED[f.id]?.(f)) {
    reviewed++
    console.log(`reviewed  ${f.severity} ${f.id} ${f.file}:${f.line}: ${f.message}`)
    continue
  }
  failed++
  console.log(`FINDING   ${f.severity} ${f.id} ${f.file}:${f.line}: ${f.message}`)
}
console.log(`lint:security: ${failed} finding(s) above informational, ${reviewed} reviewed and accepted.`)
process.exit(failed ? 1 : 0)
