import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { answer, freePort, startHttps, type FakeServer } from '../discovery/fake-servers'

const CLI = join(__dirname, '../../../out/main/cli.js')
// A port the kernel picks, so two runs of the suite at once never collide.
const PORT = await freePort()
const emus: RunningEmulator[] = []
const others: FakeServer[] = []

function uplink(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d))
    child.stderr.on('data', (d: Buffer) => (stderr += d))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

beforeAll(async () => {
  // Two routers (different models and firmware) among an HTML-only HTTPS server and a JSON
  // API that is not a Peplink; the rest of the range has nothing listening.
  emus.push(await startEmulator({ host: '127.0.61.2', port: PORT, firmware: '8.1.1' }))
  emus.push(await startEmulator({ host: '127.0.61.6', port: PORT, model: 'balance-380', firmware: '8.5.2' }))
  others.push(await startHttps('127.0.61.3', PORT, answer('<!doctype html><title>Login</title>', { contentType: 'text/html' })))
  others.push(await startHttps('127.0.61.4', PORT, answer({ status: 'ok', version: '8.1.1' })))
})
afterAll(async () => {
  for (const e of emus) await e.close()
  for (const o of others) await o.close()
})

describe('uplink discover', () => {
  it('reports only the Peplink routers in a 127.x range, with firmware and fingerprint', async () => {
    const r = await uplink(['discover', `127.0.61.1-127.0.61.12`, '--ports', String(PORT), '--json'])
    expect(r.code, r.stderr).toBe(0)
    const found = JSON.parse(r.stdout) as { host: string; port: number; firmware: string; fingerprint256: string }[]
    expect(found.map((f) => f.host).sort()).toEqual(['127.0.61.2', '127.0.61.6'])
    const byHost = Object.fromEntries(found.map((f) => [f.host, f]))
    expect(byHost['127.0.61.2']!.fingerprint256).toBe(emus[0]!.fingerprint256)
    expect(byHost['127.0.61.2']!.firmware).toMatch(/^8\.1\.1/)
    expect(byHost['127.0.61.6']!.firmware).toMatch(/^8\.5\.2/)
    expect(r.stderr).toMatch(/Checked 12 of 12 addresses/)
    expect(r.stderr).toMatch(/Found 127\.0\.61\.2/)
  })

  it('asks for --yes before a sweep larger than a /22, saying how large and how long', async () => {
    const r = await uplink(['discover', '127.0.56.0/21', '--ports', String(PORT)])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/That is 2,046 addresses, more than a \/22: it takes about \d+ s \(up to \d+ s if nothing answers\)\. Add --yes/)
    expect(r.stderr).not.toMatch(/Checked/)
  })

  it('sweeps a /21 with --yes: progress with found and time left, both routers', async () => {
    const r = await uplink(['discover', '127.0.56.0/21', '--ports', String(PORT), '--yes', '--json'])
    expect(r.code, r.stderr).toBe(0)
    expect((JSON.parse(r.stdout) as { host: string }[]).map((f) => f.host).sort()).toEqual(['127.0.61.2', '127.0.61.6'])
    expect(r.stderr).toMatch(/Checked 2,046 of 2,046 addresses, 2 found/)
  })

  it('refuses a block larger than /16 with a usage error', async () => {
    const r = await uplink(['discover', '127.0.0.0/15', '--yes'])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/target/)
  })
})
