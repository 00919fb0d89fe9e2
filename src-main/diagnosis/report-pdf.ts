/**
 * PDF from the report HTML. In Electron the app prints with `webContents.printToPDF` behind
 * the same `PdfPrinter` type; the browser host and the CLI print with headless Chromium.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Turns a finished (already redacted) report page into PDF bytes. */
export type PdfPrinter = (html: string) => Promise<Buffer>

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/**
 * Printing a local page needs no network, and the technician's laptop is on a router's LAN:
 * left alone, Chromium looks up and calls Google's update, account, autofill and safe-browsing
 * services. These switch that off, and the resolver rule fails any name lookup that still
 * happens (IP literals such as a loopback host's 127.0.0.1 need none). The UI tests' Chromium
 * uses the same switches.
 */
export const CHROMIUM_OFFLINE_ARGS = [
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-default-apps',
  '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--no-default-browser-check',
  '--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication,CertificateTransparencyComponentUpdater',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
]

/** The error a technician sees when no Chromium is installed: what to install, and that the HTML is saved. */
export const CHROMIUM_MISSING =
  'Saving the report as PDF needs Chromium or Google Chrome. Install it (Debian/Ubuntu: "sudo apt install chromium") or set CHROMIUM_PATH to its binary. The HTML report was saved and can be printed from any browser.'

/** The Chromium binary to print with: CHROMIUM_PATH, the usual paths, then PATH; undefined when none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (p: string) => boolean = existsSync): string | undefined {
  if (env.CHROMIUM_PATH) return exists(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined
  const onPath = (env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => NAMES.map((n) => join(dir, n)))
  return [...CANDIDATES, ...onPath].find((p) => exists(p))
}

/** A printer that runs headless Chromium on a temporary copy of the page; throws CHROMIUM_MISSING when there is none. */
export function chromiumPrinter(opts: { binary?: string; timeoutMs?: number } = {}): PdfPrinter {
  return async (html) => {
    const binary = opts.binary ?? findChromium()
    if (!binary) throw new Error(CHROMIUM_MISSING)
    const dir = await mkdtemp(join(tmpdir(), 'uplink-report-'))
    try {
      const page = join(dir, 'report.html')
      const out = join(dir, 'report.pdf')
      await writeFile(page, html, { encoding: 'utf8', mode: 0o600 })
      const args = [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--no-first-run', '--disable-extensions',
        ...CHROMIUM_OFFLINE_ARGS,
        // Its own profile, so a Chromium the technician has open cannot lock or see this run.
        `--user-data-dir=${join(dir, 'profile')}`, `--print-to-pdf=${out}`, pathToFileURL(page).href,
      ]
      await new Promise<void>((resolve, reject) => {
        execFile(binary, args, { timeout: opts.timeoutMs ?? 60_000, maxBuffer: 4 * 1024 * 1024 }, (err, _stdout, stderr) => {
          if (err) reject(new Error(`Chromium could not print the report (${err.message.split('\n')[0]}). ${String(stderr).split('\n').find((l) => l.trim()) ?? ''}`.trim()))
          else resolve()
        })
      })
      const pdf = await readFile(out).catch(() => undefined)
      if (!pdf || pdf.subarray(0, 4).toString('latin1') !== '%PDF') throw new Error('Chromium ran but wrote no PDF. Try again, or print the HTML report from a browser.')
      return pdf
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  }
}
