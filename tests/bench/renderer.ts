/**
 * Renderer budget: the JavaScript the page loads before the first view (gzip), and the time
 * from navigation until the overview of a connected router is interactive, in Debian's
 * Chromium through the browser host (the built app, `npm run build` first).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { CHROMIUM_OFFLINE_ARGS } from '../../src-main/diagnosis/report-pdf'

const ROOT = resolve(__dirname, '../..')
const OUT = join(ROOT, 'out/renderer')

/** Gzipped size of the entry script and its modulepreloads. */
export function initialJsGzip(): { files: number; bytes: number } {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  return { files: files.length, bytes: files.reduce((n, f) => n + gzipSync(readFileSync(join(OUT, f)), { level: 9 }).length, 0) }
}

async function startHost(stateDir: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [join(ROOT, 'out/main/cli.js'), 'web', '--port', '0', '--state-dir', stateDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  let text = ''
  const url = await new Promise<string>((res, rej) => {
    child.stdout!.on('data', (d: Buffer) => {
      text += d
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(text)
      if (m) res(m[1]!)
    })
    child.once('exit', (c) => rej(new Error(`browser host exited (${c})`)))
  })
  return { url, stop: () => child.kill('SIGTERM') }
}

/** Measures the bundle and the overview's time to interactive (median of `runs` reloads). */
export async function rendererBudget(runs = 5) {
  if (!existsSync(join(OUT, 'index.html'))) return { skipped: 'build the app first (npm run build)' }
  const js = initialJsGzip()
  const host = await startHost(mkdtempSync(join(tmpdir(), 'uplink-bench-ui-')))
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...CHROMIUM_OFFLINE_ARGS] })
  try {
    const page = await browser.newPage()
    await page.goto(host.url)
    // Set-up, not timed: the demo router, trusted and connected, with the overview open.
    await page.getByRole('button', { name: /try the demo router/i }).click()
    const trust = page.getByRole('button', { name: /trust and connect/i })
    await trust.click()
    await page.locator('[data-testid=wan-card]').first().waitFor()
    const times: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = Date.now()
      await page.reload()
      // Interactive: the WAN cards are rendered with values and the page answers a click.
      await page.locator('[data-testid=wan-card]').first().waitFor()
      await page.getByRole('switch', { name: /pause auto-refresh/i }).click({ trial: true })
      times.push(Date.now() - t0)
    }
    times.sort((a, b) => a - b)
    const median = times[Math.floor(times.length / 2)]!
    return {
      initialJsGzipKb: +(js.bytes / 1024).toFixed(1),
      initialJsFiles: js.files,
      budgetKb: 350,
      overviewInteractiveMs: median,
      runsMs: times,
      targetMs: 1500,
      pass: js.bytes <= 350 * 1024 && median <= 1500,
    }
  } finally {
    await browser.close()
    host.stop()
  }
}
