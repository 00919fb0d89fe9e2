/**
 * Renderer budget: the JavaScript the page loads before the first view (gzip), and the time
 * from navigation until the overview of a connected router is interactive, in Debian's
 * Chromium through the browser host (the built app, `npm run build` first).
 */
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { CHROMIUM_OFFLINE_ARGS } from '../../src-main/diagnosis/report-pdf'
import { surveyDir } from '../../src-main/survey/store'

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

/**
 * Opening a long recording in the Survey view: the 8-hour file `recording` is put in the demo
 * router's survey folder, then the time from entering the Survey view (the list reads the file,
 * cold each run) through clicking Open until the chart and the track are drawn (median of
 * `runs`), and the page's JavaScript heap after a garbage collection.
 */
export async function surveyOpenBudget(recording: string, runs = 5) {
  if (!existsSync(join(OUT, 'index.html'))) return { skipped: 'build the app first (npm run build)' }
  const state = mkdtempSync(join(tmpdir(), 'uplink-bench-survey-ui-'))
  const host = await startHost(state)
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', ...CHROMIUM_OFFLINE_ARGS] })
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } })
    await page.goto(host.url)
    await page.getByRole('button', { name: /try the demo router/i }).click()
    await page.getByRole('button', { name: /trust and connect/i }).click()
    await page.locator('[data-testid=wan-card]').first().waitFor()
    const deviceId = (JSON.parse(readFileSync(join(state, 'devices.json'), 'utf8')) as { devices: { id: string }[] }).devices[0]!.id
    const dir = surveyDir(state, deviceId)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, basename(recording))
    copyFileSync(recording, file)
    const cdp = await page.context().newCDPSession(page)
    const times: number[] = []
    const listMs: number[] = []
    const openMs: number[] = []
    let heapMb = 0
    for (let i = 0; i < runs; i++) {
      await page.reload()
      await page.getByRole('navigation').getByRole('button', { name: 'Overview', exact: true }).click()
      await page.locator('[data-testid=wan-card]').first().waitFor()
      // Cold each time: a file changed since it was last read is read again.
      utimesSync(file, new Date(), new Date(Date.now() - i * 1000))
      // Timed in the page (Playwright's own waits poll, which would add up to half a second).
      const listed = page.evaluate(untilShown, '[data-testid=survey-row]')
      await page.getByRole('navigation').getByRole('button', { name: 'Survey', exact: true }).click()
      listMs.push(await listed)
      const drawn = page.evaluate(untilShown, '[data-testid=survey-chart] path.series, [data-testid=survey-track] path.dots')
      await page.getByTestId('survey-row').first().getByRole('button', { name: 'Open' }).click()
      openMs.push(await drawn)
      times.push(listMs[i]! + openMs[i]!)
      await cdp.send('HeapProfiler.collectGarbage')
      const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
      heapMb = Math.max(heapMb, Math.round((usedSize / 2 ** 20) * 10) / 10)
    }
    const med = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!)
    const median = med(times)
    return {
      enterToListedMs: med(listMs), openToDrawnMs: med(openMs), totalMs: median, runsTotalMs: times.map(Math.round),
      targetMs: 1000, rendererHeapMb: heapMb, heapTargetMb: 100, pass: median < 1000 && heapMb < 100,
    }
  } finally {
    await browser.close()
    host.stop()
    rmSync(state, { recursive: true, force: true })
  }
}

/**
 * Runs in the page: resolves with the milliseconds from now until every selector in the
 * comma-separated list matches and the next frame is painted.
 */
function untilShown(selectors: string): Promise<number> {
  const t0 = performance.now()
  const all = selectors.split(',').map((x) => x.trim())
  const ready = () => all.every((q) => document.querySelector(q))
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => resolve(performance.now() - t0))
    const obs = new MutationObserver(() => {
      if (ready()) {
        obs.disconnect()
        done()
      }
    })
    obs.observe(document.body, { childList: true, subtree: true, attributes: true })
  })
}
