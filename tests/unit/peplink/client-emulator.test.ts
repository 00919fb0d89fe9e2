import tls from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generate } from 'selfsigned'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { AuthenticationError, CertificateError, NetworkError, PermissionError, ProtocolError, UnsupportedError } from '../../../src-main/peplink/errors'
import { probeCertificate } from '../../../src-main/peplink/transport'

const fast = { scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 }
let emu: RunningEmulator

beforeAll(async () => {
  emu = await startEmulator({ ...fast })
})
afterAll(() => emu.close())

function admin(e = emu, extra: Partial<ConstructorParameters<typeof RouterClient>[0]> = {}) {
  return new RouterClient({ host: e.host, port: e.port, pin: e.fingerprint256, credentials: { kind: 'admin', ...e.credentials }, ...extra })
}

describe('client against the emulated router over HTTPS', () => {
  it('logs in with the admin account and reads the firmware before login', async () => {
    const c = admin()
    expect(await c.detectFirmware()).toMatch(/^8\.1\.1/)
    await c.open()
    expect(c.permission).toMatchObject({ read: true, write: true, via: 'login' })
    const wans = await c.api.wanStatus()
    expect(wans.map((w) => w.type)).toEqual(['ethernet', 'cellular', 'wifi'])
    await c.close()
  })

  it('authenticates with client id + secret and knows the token scope', async () => {
    const { readWrite, readOnly } = emu.state.auth.seeded
    const rw = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'client', clientId: readWrite.clientId, clientSecret: readWrite.clientSecret } })
    await rw.open()
    expect(rw.permission).toMatchObject({ via: 'token', write: true, admin: false, scope: 'api' })
    expect((await rw.api.wanStatus()).length).toBe(3)
    await rw.close()
    const ro = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'client', clientId: readOnly.clientId, clientSecret: readOnly.clientSecret } })
    await ro.open()
    expect(ro.permission).toMatchObject({ write: false, scope: 'api.read-only' })
    await expect(ro.api.setAccessPoint({ enable: false })).rejects.toThrow(PermissionError)
    await ro.close()
  })

  it('refuses a wrong password as an authentication error', async () => {
    const c = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', username: 'admin', password: 'nope' } })
    const err = await c.open().then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(AuthenticationError)
    expect((err as Error).message).toMatch(/refused the login for user "admin"/)
    expect((err as Error).message).not.toContain('nope')
  })

  it('knows a read-only login and refuses writes before sending them', async () => {
    const c = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', username: 'viewer', password: 'viewer' } })
    await c.open()
    expect(c.permission).toMatchObject({ read: true, write: false })
    const before = emu.state.ap.enable
    await expect(c.api.setAccessPoint({ enable: !before })).rejects.toThrow(/needs read-write permission/)
    expect(emu.state.ap.enable).toBe(before)
    await c.close()
  })

  it('logs in again once when the session expires, and repeats the call', async () => {
    const c = admin()
    await c.open()
    emu.faults.expireSessions()
    expect((await c.api.wanStatus()).length).toBe(3)
    await c.close()
  })

  it('calls that all find the session gone share one login (a refresh after a reboot)', async () => {
    const c = admin()
    await c.open()
    emu.faults.expireSessions()
    const before = emu.state.auth.sessions.size
    const all = await Promise.all([c.api.wanStatus(), c.api.firmware(), c.api.location(), c.api.allowance()])
    expect(all[0]).toHaveLength(3)
    expect(emu.state.auth.sessions.size - before).toBe(1)
    await c.close()
  })

  it('closing does not wait for a long call in flight: the call ends with an error, not never', async () => {
    const c = admin()
    await c.open()
    emu.faults.goSilent(120_000)
    const pending = c.api.wanStatus({}, { timeoutMs: 60_000 }).then(() => 'answered', (e: unknown) => e)
    await c.close({ logout: false })
    expect(await pending).toBeInstanceOf(NetworkError)
    emu.faults.reset()
  })

  it('renews the access token before it expires', async () => {
    let now = Date.now()
    const e = await startEmulator({ ...fast, tokenExpiresInSec: 3600, now: () => now })
    const { readWrite } = e.state.auth.seeded
    const c = new RouterClient({ host: e.host, port: e.port, pin: e.fingerprint256, now: () => now, credentials: { kind: 'client', clientId: readWrite.clientId, clientSecret: readWrite.clientSecret } })
    await c.open()
    const first = e.state.auth.tokens.length
    now += 20 * 60_000 // well inside the hour: the same token serves
    await c.api.accessPoint()
    expect(e.state.auth.tokens.length).toBe(first)
    now += 31 * 60_000 // nine minutes left: renewed before the router would refuse it
    await c.api.accessPoint()
    expect(e.state.auth.tokens.length).toBe(first + 1)
    await c.close()
    await e.close()
  })

  it('fails fast, naming the endpoint and firmware, on endpoints newer than the router', async () => {
    const old = await startEmulator({ ...fast, firmware: '7.1.1' })
    const c = admin(old)
    await c.open()
    const err = await c.api.wanStatus().then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(UnsupportedError)
    expect((err as Error).message).toBe('status.wan.connection needs firmware 8.0.0 or later; this router runs 7.1.1 build 2500. Upgrade the firmware to use it.'.replace('7.1.1 build 2500', c.firmware!))
    await c.close()
    await old.close()
  })

  it('maps transport failures to network errors and garbage to protocol errors', async () => {
    const c = admin()
    await c.open()
    for (const mode of ['html', 'garbage', 'truncated', 'wrong-types', 'huge'] as const) {
      emu.faults.setResponseMode(mode)
      const err = await c.api.wanStatus().then(() => undefined, (e: unknown) => e)
      expect(err, mode).toBeInstanceOf(ProtocolError)
    }
    emu.faults.reset()
    expect((await c.api.wanStatus()).length).toBe(3)
    emu.faults.setLatency(500)
    await expect(c.api.wanStatus({}, { timeoutMs: 150 })).rejects.toThrow(NetworkError)
    emu.faults.reset()
    await c.close()
    const refused = new RouterClient({ host: '127.0.0.1', port: 1, pin: emu.fingerprint256, credentials: { kind: 'admin', username: 'a', password: 'b' } })
    const err = await refused.open().then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).failure).toBe('refused')
  })

  it('tells once when the router stops answering, and once when it answers again (a garbled answer is still an answer)', async () => {
    const told: [boolean, string | undefined][] = []
    const c = admin(emu, { onReachability: (up, err) => told.push([up, err?.failure]) })
    await c.open()
    emu.faults.setResponseMode('garbage')
    await expect(c.api.wanStatus()).rejects.toThrow(ProtocolError)
    emu.faults.reset()
    expect(told).toEqual([])
    emu.faults.setLatency(500)
    await expect(c.api.wanStatus({}, { timeoutMs: 100 })).rejects.toThrow(NetworkError)
    await expect(c.api.wanStatus({}, { timeoutMs: 100 })).rejects.toThrow(NetworkError)
    expect(told).toEqual([[false, 'timeout']])
    emu.faults.reset()
    expect((await c.api.wanStatus()).length).toBe(3)
    await c.api.wanStatus()
    expect(told).toEqual([[false, 'timeout'], [true, undefined]])
    await c.close()
  })

  it('speaks plain HTTP (cookie pauth) only when asked', async () => {
    const h = await startEmulator({ ...fast, http: true })
    const c = new RouterClient({ host: h.host, port: h.port, scheme: 'http', credentials: { kind: 'admin', ...h.credentials } })
    await c.open()
    expect((await c.api.wanStatus()).length).toBe(3)
    await c.close()
    await h.close()
  })
})

describe('certificate pinning', () => {
  it('probe shows the presented certificate for approval', async () => {
    const cert = await probeCertificate(emu.host, emu.port)
    expect(cert.fingerprint256).toBe(emu.fingerprint256)
    expect(cert.subject).toMatch(/CN=Peplink MAX BR1 Pro 5G emulator/)
    expect(cert.selfSigned).toBe(true)
  })

  it('refuses a changed certificate with both fingerprints and sends no credentials', async () => {
    // A TLS server that records whether a single byte of HTTP arrives after the handshake.
    const pems = await generate([{ name: 'commonName', value: 'impostor' }], { keySize: 2048 })
    let received = 0
    const server = tls.createServer({ key: pems.private, cert: pems.cert }, (s) => s.on('data', (d: Buffer) => (received += d.length)))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const port = (server.address() as { port: number }).port
    const c = new RouterClient({ host: '127.0.0.1', port, pin: emu.fingerprint256, credentials: { kind: 'admin', username: 'admin', password: 'secret-password' } })
    const err = await c.open().then(() => undefined, (e: unknown) => e)
    expect(err).toBeInstanceOf(CertificateError)
    expect((err as CertificateError).expected).toBe(emu.fingerprint256)
    expect((err as CertificateError).presented).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
    expect((err as Error).message).toContain(emu.fingerprint256)
    expect((err as Error).message).toContain((err as CertificateError).presented!)
    expect((err as Error).message).not.toContain('secret-password')
    expect(received).toBe(0)
    await c.close()
    server.close()
  })

  it('stops a session whose router changes certificate mid-session', async () => {
    const e = await startEmulator({ ...fast })
    const c = admin(e)
    await c.open()
    const old = e.fingerprint256
    const next = await e.faults.replaceCertificate()
    const err = await c.api.wanStatus().then(() => undefined, (x: unknown) => x)
    expect(err).toBeInstanceOf(CertificateError)
    expect(err).toMatchObject({ expected: old, presented: next })
    await c.close()
    await e.close()
  })
})
