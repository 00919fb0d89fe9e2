import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const CLI = join(__dirname, '../../../out/main/cli.js')

/** Starts `uplink emulator` with args, returns what it printed once ready, and stops it. */
function emulatorOnce(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'emulator', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += d
      if (/Press Ctrl\+C/.test(out)) child.kill('SIGTERM')
    })
    child.on('close', () => resolve(out))
    child.on('error', reject)
  })
}

describe('uplink emulator', () => {
  it('keeps its certificate in --state-dir, so the fingerprint survives a restart', async () => {
    expect(existsSync(CLI)).toBe(true)
    const dir = mkdtempSync(join(tmpdir(), 'uplink-emu-state-'))
    const fp = (s: string) => /SHA-256 (\S+)/.exec(s)?.[1]
    const first = await emulatorOnce(['--state-dir', dir])
    const second = await emulatorOnce(['--state-dir', dir])
    expect(fp(first)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect(fp(second)).toBe(fp(first))
    expect(existsSync(join(dir, 'emulator-cert.pem'))).toBe(true)
    const other = await emulatorOnce(['--state-dir', mkdtempSync(join(tmpdir(), 'uplink-emu-state-'))])
    expect(fp(other)).not.toBe(fp(first))
  })

  it('starts in a scenario and prints the login', async () => {
    const out = await emulatorOnce(['--scenario', 'sim-b-only', '--model', 'br1-pro-5g', '--firmware', '8.5.2'])
    expect(out).toMatch(/Emulated br1-pro-5g \(firmware 8\.5\.2\) listening on https:\/\/127\.0\.0\.1:\d+ in scenario sim-b-only/)
    expect(out).toMatch(/login:\s+admin \/ admin/)
  })
})
