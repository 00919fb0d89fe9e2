import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest'

// `npm start` as a newcomer meets it: the Electron binary is used where installed, fetched where
// missing, and where it cannot be had one line says why and the browser host starts. Electron's
// install script is always replaced by a stand-in (nothing is downloaded), the binary by a shell
// script, and --no-build skips the build (the browser host runs the built out/main/cli.js).
const root = join(__dirname, '../../..')
const CLI = join(root, 'out/main/cli.js')
const INSTEAD = 'so Uplink starts in your browser instead (the browser host).'

interface Run {
  child: ChildProcess
  stdout: string
  stderr: string
  closed: Promise<number | null>
}

let dir: string
let dist: string
let runs: Run[]

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'uplink-start-'))
  dist = join(dir, 'dist')
  mkdirSync(dist)
  runs = []
})

afterEach(async () => {
  // Each run leads a process group of its own: this also ends a browser host or an install
  // script left behind by a failed assertion.
  for (const { child } of runs) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // the group has ended
    }
  }
  await Promise.all(runs.map((r) => r.closed))
  rmSync(dir, { recursive: true, force: true })
})

/** Writes a stand-in for Electron's install script; `body` runs with `dist` and `dir` defined. */
function installScript(body: string): string {
  const file = join(dir, 'install.cjs')
  writeFileSync(file, `const dist = ${JSON.stringify(dist)}, dir = ${JSON.stringify(dir)}\nrequire('fs').writeFileSync(dir + '/install-ran', String(process.pid))\n${body}\n`)
  return file
}

/** Shell source of a stand-in Electron binary that records its arguments, one a line. */
const STAND_IN_ELECTRON = `#!/bin/sh\nprintf '%s\\n' "$@" > "$(dirname "$0")/args.txt"\nexit 0\n`

/** Puts the stand-in Electron binary where ELECTRON_OVERRIDE_DIST_PATH points. */
function installStandInElectron(): void {
  writeFileSync(join(dist, 'electron'), STAND_IN_ELECTRON)
  chmodSync(join(dist, 'electron'), 0o755)
}

/** Runs scripts/start.mjs without building, with a private home and the stand-ins. */
function start(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), '--no-build', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, UPLINK_STATE_DIR: join(dir, 'state'), ELECTRON_OVERRIDE_DIST_PATH: dist, ...env },
    detached: true,
  })
  const run: Run = { child, stdout: '', stderr: '', closed: new Promise((resolve) => child.on('close', resolve)) }
  child.stdout?.on('data', (d: Buffer) => (run.stdout += d))
  child.stderr?.on('data', (d: Buffer) => (run.stderr += d))
  runs.push(run)
  return run
}

/** Resolves with the browser host's URL once it prints it; fails if start.mjs ends first. */
function hostUrl(run: Run): Promise<string> {
  const re = /Uplink is running in your browser at:\n\s+(http:\/\/\S+)/
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = re.exec(run.stdout)
      if (m) resolve(m[1])
    }
    run.child.stdout?.on('data', check)
    void run.closed.then((code) => reject(new Error(`start.mjs ended (${code}) before the browser host printed its URL:\n${run.stdout}${run.stderr}`)))
    check()
  })
}

/** Stops the browser host the way Ctrl+C would, and waits for start.mjs to end. */
async function stop(run: Run): Promise<void> {
  run.child.kill('SIGINT')
  await run.closed
}

/** The lines start.mjs itself wrote to stderr (the browser host may add a keychain note). */
function ownLines(run: Run): string[] {
  return run.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('Note: '))
}

/** A port free on 127.0.0.1 a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })
}

/** Skips a browser-host test where the app is not built (npm test builds it first). */
function needsBuild(ctx: TestContext): void {
  if (!existsSync(CLI)) ctx.skip('out/main/cli.js is not built, so the browser host cannot start (npm test builds it first)')
}

describe.skipIf(process.platform === 'win32')('npm start', () => {
  it('launches an installed Electron binary with the app, passing nothing port-related', async () => {
    installStandInElectron()
    const run = start(['--port', '8080'], { UPLINK_ELECTRON_INSTALL_SCRIPT: installScript('process.exit(1)') })
    expect(await run.closed).toBe(0)
    expect(readFileSync(join(dist, 'args.txt'), 'utf8')).toBe(`${root}\n`)
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).main).toBe('out/main/index.js')
    expect(existsSync(join(dir, 'install-ran'))).toBe(false)
    expect(run.stderr).toBe('')
  })

  it('fetches a missing binary with the install script, then launches it', async () => {
    const script = installScript(`require('fs').writeFileSync(dist + '/electron', ${JSON.stringify(STAND_IN_ELECTRON)}, { mode: 0o755 })`)
    const run = start([], { UPLINK_ELECTRON_INSTALL_SCRIPT: script })
    expect(await run.closed).toBe(0)
    expect(existsSync(join(dir, 'install-ran'))).toBe(true)
    expect(readFileSync(join(dist, 'args.txt'), 'utf8')).toBe(`${root}\n`)
    expect(ownLines(run)).toEqual(['Fetching the Electron binary (first start only)... done.'])
  })

  it('says in one line why the fetch failed and starts the browser host on the given port', async (ctx) => {
    needsBuild(ctx)
    const script = installScript(`console.error('HTTPError: Response code 404 (Not Found) for http://127.0.0.1:9/electron.zip\\n    at FetchDownloader.download')\nprocess.exit(1)`)
    const port = await freePort()
    const run = start(['--port', String(port)], { UPLINK_ELECTRON_INSTALL_SCRIPT: script })
    expect(await hostUrl(run)).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/`))
    await stop(run)
    expect(ownLines(run)).toEqual([
      `Fetching the Electron binary (first start only)... failed: Response code 404 (Not Found) for http://127.0.0.1:9/electron.zip, ${INSTEAD}`,
    ])
  })

  it('cuts off a fetch that gets no answer within the bound and starts the browser host', async (ctx) => {
    needsBuild(ctx)
    const script = installScript('setInterval(() => {}, 60_000)')
    const run = start([], { UPLINK_ELECTRON_INSTALL_SCRIPT: script, UPLINK_ELECTRON_FETCH_TIMEOUT_MS: '300' })
    expect(await hostUrl(run)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    await stop(run)
    expect(ownLines(run)).toEqual([`Fetching the Electron binary (first start only)... failed: the download got no answer for 0.3 s, ${INSTEAD}`])
    const pid = Number(readFileSync(join(dir, 'install-ran'), 'utf8'))
    expect(() => process.kill(pid, 0), 'the stalled install script is stopped').toThrow()
  })

  it('fetches nothing where ELECTRON_SKIP_BINARY_DOWNLOAD is set, and says so', async (ctx) => {
    needsBuild(ctx)
    const run = start([], { UPLINK_ELECTRON_INSTALL_SCRIPT: installScript('process.exit(0)'), ELECTRON_SKIP_BINARY_DOWNLOAD: '1' })
    expect(await hostUrl(run)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    await stop(run)
    expect(existsSync(join(dir, 'install-ran'))).toBe(false)
    expect(ownLines(run)).toEqual([`No Electron binary is installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set, ${INSTEAD}`])
  })

  it('refuses a port that is not a number, with the usage', async () => {
    installStandInElectron()
    const run = start(['--port', 'http'], {})
    expect(await run.closed).toBe(2)
    expect(run.stderr).toContain('--port takes a number, not "http"')
    expect(run.stderr).toContain('Usage: npm start [-- --port N] [--no-build]')
    expect(existsSync(join(dist, 'args.txt'))).toBe(false)
  })
})
