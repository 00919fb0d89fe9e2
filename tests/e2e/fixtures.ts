/**
 * Playwright fixtures for the renderer: each test FILE gets its own browser host
 * (`node out/main/cli.js web`) over a fresh temporary state folder, so saved devices and the
 * demo router's certificate never leak between files or into the real user-data folder.
 * Needs the built app (`npx electron-vite build`; `npm test` builds first).
 */
import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')
const CLI = join(ROOT, 'out/main/cli.js')

/** A running child process started from the built CLI, and what it printed. */
export interface Spawned {
  child: ChildProcess
  stdout: () => string
  stop: () => Promise<void>
}

/** Runs `node out/main/cli.js <args>` and resolves once `ready(stdout)` returns a value. */
export async function spawnCli<T>(args: string[], ready: (stdout: string) => T | undefined, env: Record<string, string> = {}, timeoutMs = 30_000): Promise<{ proc: Spawned; value: T }> {
  if (!existsSync(CLI)) throw new Error('out/main/cli.js is missing: run "npx electron-vite build" first.')
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()))
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  const proc: Spawned = {
    child,
    stdout: () => out,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    },
  }
  const value = await new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`"uplink ${args[0]}" did not start in time.\nstdout: ${out}\nstderr: ${err}`)), timeoutMs)
    const check = () => {
      const v = ready(out)
      if (v !== undefined) {
        clearTimeout(timer)
        child.stdout!.off('data', check)
        resolvePromise(v)
      }
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`"uplink ${args[0]}" exited with ${code}.\nstdout: ${out}\nstderr: ${err}`))
    })
    check()
  })
  return { proc, value }
}

/** The browser host of one test file. */
export interface UplinkHost {
  launchUrl: string
  stateDir: string
  /** The host's session cookie once a page has traded the one-time launch token for it. */
  session?: { name: string; value: string; url: string }
}

/** Starts `uplink web` on a free port over `stateDir` and returns its launch URL (`env` adds to its environment). */
export async function startHost(stateDir: string, env: Record<string, string> = {}): Promise<{ host: UplinkHost; proc: Spawned }> {
  const { proc, value } = await spawnCli(['web', '--port', '0', '--state-dir', stateDir], (out) => {
    const lines = out.split('\n')
    const i = lines.findIndex((l) => l.includes('Uplink is running in your browser at:'))
    const url = i >= 0 ? lines[i + 1]?.trim() : undefined
    return url && /^http:\/\/\S+token=\S+$/.test(url) ? url : undefined
  }, { UPLINK_STATE_DIR: stateDir, ...env })
  return { host: { launchUrl: value, stateDir }, proc }
}

/** An emulated router started from the CLI (for discovery and certificate tests). */
export interface Emulator {
  url: string
  port: number
  fingerprint: string
  /** The admin password it printed (`admin` unless started with one of its own). */
  password: string
  proc: Spawned
}

export interface EmulatorOptions {
  /** 0 (the default): any free port; a port a stopped emulator used brings "the same" router back. */
  port?: number
  model?: 'br1-pro-5g' | 'max-hd2' | 'balance-380' | 'balance-710' | 'fusionhub'
  firmware?: string
  scenario?: string
  adminPassword?: string
}

/** Starts `uplink emulator`, keeping its certificate in `stateDir`. */
export async function startEmulator(stateDir: string, opts: EmulatorOptions = {}): Promise<Emulator> {
  const args = ['emulator', '--port', String(opts.port ?? 0), '--state-dir', stateDir, '--scan-seconds', '1']
  if (opts.model) args.push('--model', opts.model)
  if (opts.firmware) args.push('--firmware', opts.firmware)
  if (opts.scenario) args.push('--scenario', opts.scenario)
  if (opts.adminPassword) args.push('--admin-password', opts.adminPassword)
  const { proc, value } = await spawnCli(args, (out) => {
    const url = /listening on (https?:\/\/\S+)/.exec(out)?.[1]
    const fp = /SHA-256 ([0-9A-F:]{95})/i.exec(out)?.[1]
    const password = /login:\s+\S+ \/ (\S+)/.exec(out)?.[1]
    return url && fp && password ? { url, fp, password } : undefined
  })
  return { url: value.url, port: Number(new URL(value.url).port), fingerprint: value.fp, password: value.password, proc }
}

/** A fresh temporary folder, removed by the caller. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `uplink-e2e-${prefix}-`))
}

class HostPerFile {
  private file?: string
  private current?: { host: UplinkHost; proc: Spawned }

  /** The host of this test file, replacing the previous file's host the first time. */
  async forFile(file: string): Promise<UplinkHost> {
    if (this.file === file && this.current) return this.current.host
    await this.close()
    const dir = tempDir('state')
    this.current = await startHost(dir)
    this.file = file
    return this.current.host
  }

  async close() {
    const c = this.current
    this.current = undefined
    this.file = undefined
    if (!c) return
    await c.proc.stop()
    rmSync(c.host.stateDir, { recursive: true, force: true })
  }
}

export const test = base.extend<{ uplink: UplinkHost; app: Page }, { hosts: HostPerFile }>({
  hosts: [
    async ({}, use) => {
      const hosts = new HostPerFile()
      await use(hosts)
      await hosts.close()
    },
    { scope: 'worker' },
  ],
  uplink: async ({ hosts }, use, testInfo) => {
    await use(await hosts.forFile(testInfo.file))
  },
  /**
   * A page already on the app. The launch token is good once, so the first page of a file
   * trades it for the host's session cookie and later pages (new contexts) are given that cookie.
   */
  app: async ({ page, uplink }, use) => {
    const origin = new URL(uplink.launchUrl).origin
    if (uplink.session) {
      await page.context().addCookies([uplink.session])
      await page.goto(`${origin}/`)
    } else {
      await page.goto(uplink.launchUrl)
      const c = (await page.context().cookies(origin)).find((x) => x.name.startsWith('uplink_'))
      if (c) uplink.session = { name: c.name, value: c.value, url: origin }
    }
    await expect(page.getByText('Uplink', { exact: true }).first()).toBeVisible()
    await use(page)
  },
})

/**
 * Connects to the demo router from the welcome screen (trusting its certificate the first
 * time in this file's host) and, given a sidebar label, opens that section.
 */
export async function openDemo(page: Page, section?: string): Promise<void> {
  await page.getByRole('button', { name: 'Try the demo router' }).click()
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  const overview = page.getByRole('heading', { name: 'Overview', level: 1 })
  await expect(trust.or(overview)).toBeVisible({ timeout: 120_000 })
  if (await trust.isVisible()) await trust.getByRole('button', { name: 'Trust and connect' }).click()
  await expect(overview).toBeVisible()
  if (section) {
    await page.getByRole('navigation').getByRole('button', { name: section, exact: true }).click()
    await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible()
  }
}

export { expect }

/**
 * The emulators a spec file starts, each keeping its certificate in a temporary folder: all
 * are stopped and their folders removed after the file's tests. Call it at the top of the file.
 * A test may stop one itself (a power cut); stopping it again is harmless.
 */
export function fileEmulators() {
  const dirs: string[] = []
  const procs: Spawned[] = []
  test.afterAll(async () => {
    await Promise.all(procs.map((p) => p.stop()))
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })
  return {
    /** A state folder; starting in the same folder again brings back the same certificate. */
    folder(prefix: string): string {
      const d = tempDir(prefix)
      dirs.push(d)
      return d
    },
    async start(stateDir: string, opts: EmulatorOptions = {}): Promise<Emulator> {
      const e = await startEmulator(stateDir, opts)
      procs.push(e.proc)
      return e
    },
  }
}

/** Adds a router through the Add form, trusts its certificate and logs in; ends on its overview. */
export async function addRouter(page: Page, r: { name: string; port: number; password: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add a router' }).first().click()
  await page.getByLabel('Name', { exact: true }).fill(r.name)
  await page.getByLabel('Address', { exact: true }).fill('127.0.0.1')
  await page.getByLabel('Port', { exact: true }).fill(String(r.port))
  await page.getByRole('button', { name: 'Save and connect' }).click()
  const trust = page.getByRole('dialog', { name: "Trust this router's certificate?" })
  await trust.getByRole('button', { name: 'Trust and connect' }).click()
  const password = page.getByRole('dialog', { name: `Password for ${r.name}` })
  await password.getByLabel('Password', { exact: true }).fill(r.password)
  await password.getByRole('button', { name: 'Connect' }).click()
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible()
}

/** Opens a section of the connected router from the sidebar and waits for its heading. */
export async function openSection(page: Page, section: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: section, exact: true }).click()
  await expect(page.getByRole('heading', { name: section, level: 1 })).toBeVisible()
}

/**
 * Asks an emulator for an access token as a separate API client would (client credentials,
 * over HTTPS with its certificate checked by fingerprint), so a test has a token to list and revoke.
 */
export async function grantToken(emu: Emulator, clientId: string, clientSecret: string): Promise<void> {
  const { request } = await import('node:https')
  const body = JSON.stringify({ clientId, clientSecret, scope: 'api.read-only' })
  await new Promise<void>((resolvePromise, reject) => {
    const req = request(`${emu.url.replace(/\/$/, '')}/api/auth.token.grant`, {
      method: 'POST',
      rejectUnauthorized: false,
      checkServerIdentity: (_host, cert) => (cert.fingerprint256 === emu.fingerprint ? undefined : new Error('unexpected emulator certificate')),
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = ''
      res.on('data', (c: Buffer) => (text += c.toString()))
      res.on('end', () => (/"stat"\s*:\s*"ok"/.test(text) ? resolvePromise() : reject(new Error(`token grant failed: ${text}`))))
    })
    req.on('error', reject)
    req.end(body)
  })
}
