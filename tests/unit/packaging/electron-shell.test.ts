/**
 * The Electron shell and preload, as built, under plain Node with a stand-in `electron` module
 * (no Electron binary can be downloaded here): the hardened window, one handler per contract
 * channel, frames checked, a trusted call reaching a router, permissions refused, navigation
 * and new windows blocked, a logout on quit, and a second instance that only hands over.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'

const ROOT = join(__dirname, '../../..')
const RUNNER = join(ROOT, 'tests/electron/standin/run-shell.cjs')
const built = existsSync(join(ROOT, 'out/main/index.js')) && existsSync(join(ROOT, 'out/preload/index.js'))

let emu: RunningEmulator

function run(scenario: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    // DBUS pointed nowhere: the shell's vault falls back to session-only secrets, never the user's keyring.
    const env = { PATH: process.env.PATH ?? '', HOME: tmpdir(), UPLINK_STATE_DIR: mkdtempSync(join(tmpdir(), 'uplink-shell-')), UPLINK_TEST_ROUTER: `127.0.0.1:${emu.port}`, UPLINK_TEST_PASSWORD: emu.credentials.password, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent-uplink-bus' }
    const child = spawn(process.execPath, [RUNNER, scenario], { env })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d))
    child.stderr.on('data', (d: Buffer) => (err += d))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`${scenario} exited ${code}: ${err}`))))
  })
}

beforeAll(async () => {
  emu = await startEmulator({})
})
afterAll(() => emu.close())

describe.skipIf(!built)('the built Electron shell with a stand-in electron', () => {
  let main: Record<string, unknown>
  beforeAll(async () => {
    main = await run('main')
  })

  it('opens one window with the hardened webPreferences, loading the built page', () => {
    expect(main.webPreferences).toEqual({
      preload: join(ROOT, 'out/preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    })
    expect(main.loaded).toEqual({ file: join(ROOT, 'out/renderer/index.html') })
  })

  it('handles exactly the contract\'s channels', () => {
    expect([...(main.channels as string[])].sort()).toEqual([...CHANNELS].sort())
  })

  it('refuses a foreign page, a subframe and a call without a frame', () => {
    for (const k of ['untrusted', 'subframe', 'noFrame']) expect(main[k], k).toMatchObject({ ok: false, error: { kind: 'permission' } })
  })

  it('lets the app\'s own page reach the services and, through them, the router', () => {
    expect(main.probe).toBe(emu.fingerprint256)
    expect(main.connect).toBe('connected')
  })

  it('refuses every permission, new windows and navigation', () => {
    expect(main.permissionRequest).toBe(false)
    expect(main.permissionCheck).toBe(false)
    expect(main.windowOpen).toBe('deny')
    expect(main.navigationPrevented).toBe(true)
  })

  it('focuses its window on a second start, and logs out of the router when it quits', () => {
    expect(main.focusedOnSecond).toBe(true)
    expect(main.quits).toBe(2)
    expect(emu.state.auth.sessions.size).toBe(0)
  })

  it('as a second instance, quits at once and starts nothing', async () => {
    expect(await run('second')).toEqual({ quits: 1, windows: 0, handlers: 0 })
  })

  it('the preload exposes exactly invoke and on, and refuses unknown channels and events', async () => {
    const p = await run('preload')
    expect(p.exposed).toEqual(['uplink'])
    expect(p.keys).toEqual(['invoke', 'on'])
    expect(p.unknown).toMatchObject({ ok: false, error: { kind: 'validation' } })
    expect(p.known).toMatchObject({ ok: true })
    expect(p.invoked).toEqual(['devices:list'])
    expect(p.badEvent).toBe('Unknown event "no:such-event".')
    expect(p.listening).toBe(true)
    expect(p.removed).toBe(true)
  })
})
