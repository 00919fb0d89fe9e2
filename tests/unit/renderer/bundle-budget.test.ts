/**
 * The renderer's first paint must stay small: the JS the page loads up front (the entry and
 * its modulepreloads; views are lazy chunks) stays under 350 KB gzip. Runs on the built app
 * (`npm test` builds first); skipped when out/renderer does not exist.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const OUT = resolve(__dirname, '../../../out/renderer')
const BUDGET = 350 * 1024

describe.skipIf(!existsSync(join(OUT, 'index.html')))('renderer bundle budget', () => {
  it('loads at most 350 KB of gzipped JavaScript before the first view', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8')
    const initial = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
    expect(initial.length).toBeGreaterThan(0)
    const bytes = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(OUT, f)), { level: 9 }).length, 0)
    expect(bytes).toBeLessThan(BUDGET)
  })

  it('keeps every view out of the initial bundle', () => {
    const html = readFileSync(join(OUT, 'index.html'), 'utf8')
    expect(html).not.toMatch(/(Overview|Signal|Discover|Welcome)View/)
  })
})
