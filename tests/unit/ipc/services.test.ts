import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, Events, IpcResult, Req, Res } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { createServices, type Services } from '../../../src-main/services'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { dispatch } from '../../../src-main/ipc/dispatch'
import { MemoryStore } from '../../../src-main/devices/vault'

let emu: RunningEmulator
let services: Services
const events: { event: string; payload: unknown }[] = []

beforeAll(async () => {
  emu = await startEmulator({ scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 })
  services = await createServices({ userDataDir: mkdtempSync(join(tmpdir(), 'uplink-svc-')), host: 'browser', version: 'test', keychain: { store: new MemoryStore(), status: { keychain: true } }, sessionRetryMs: 200 })
})
afterAll(async () => {
  await services.close()
  await emu.close()
})

/** Calls a channel exactly as a binding would, through validation and the handler. */
async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const handlers = createHandlers(services)
  const res = (await dispatch(handlers, channel, req, { clientId: 'test', emit: <E extends keyof Events>(event: E, payload: Events[E]) => void events.push({ event, payload }) })) as IpcResult<Res<C>>
  if (!res.ok) throw Object.assign(new Error(res.error.message), { ipc: res.error })
  return res.data
}

describe('devices, trust and sessions through the IPC handlers', () => {
  let id: string

  it('walks trust-required -> secret-required -> connected, remembering the secret', async () => {
    const device = await call('devices:add', { name: 'Depot', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })
    id = device.id
    expect(device.hasSecret).toBe(false)
    expect(device.pin).toBeUndefined()
    const first = await call('session:connect', { deviceId: id })
    expect(first).toMatchObject({ status: 'trust-required', certificate: { fingerprint256: emu.fingerprint256 } })
    expect((first as { certificate: { subject: string } }).certificate.subject).toMatch(/BR1 Pro 5G emulator/)
    await call('devices:trust', { id, fingerprint256: emu.fingerprint256 })
    expect(await call('session:connect', { deviceId: id })).toEqual({ status: 'secret-required' })
    const connected = await call('session:connect', { deviceId: id, secret: 'admin', remember: true })
    expect(connected).toMatchObject({ status: 'connected', session: { deviceId: id, readOnly: false, firmware: expect.stringMatching(/^8\.1\.1/) } })
    expect((await call('devices:list', {})).find((d) => d.id === id)).toMatchObject({ hasSecret: true, lastFirmware: expect.stringMatching(/^8\.1\.1/) })
    const overview = await call('status:overview', { deviceId: id })
    expect(overview.wans.map((w) => w.name)).toEqual(['WAN', 'Cellular', 'Wi-Fi WAN'])
    expect(overview.location?.gps).toBe(true)
  })

  it('never returns a secret to the renderer', async () => {
    const all = JSON.stringify([await call('devices:list', {}), await call('session:list', {})])
    expect(all).not.toMatch(/"(password|secret|clientSecret|accessToken|token|cookie)"\s*:/i)
    expect(all).toContain('"hasSecret":true')
  })

  it('refuses to pin a fingerprint other than the one presented now', async () => {
    await expect(call('devices:trust', { id, fingerprint256: 'AA'.repeat(32) })).rejects.toThrow(/now presents/)
  })

  it('stops with both fingerprints when the certificate changes', async () => {
    await call('session:disconnect', { deviceId: id })
    const old = emu.fingerprint256
    const next = await emu.faults.replaceCertificate()
    const res = await call('session:connect', { deviceId: id })
    expect(res).toEqual({ status: 'certificate-changed', expected: old, presented: expect.objectContaining({ fingerprint256: next }) })
    await call('devices:trust', { id, fingerprint256: next })
    expect((await call('session:connect', { deviceId: id })).status).toBe('connected')
  })

  it('ends the session when the certificate changes mid-session, telling every window why', async () => {
    const seen: { event: string; payload: unknown }[] = []
    const off = services.onBroadcast((event, payload) => seen.push({ event, payload }))
    const next = await emu.faults.replaceCertificate()
    await expect(call('status:overview', { deviceId: id })).rejects.toMatchObject({ ipc: { kind: 'certificate' } })
    off()
    expect(seen).toEqual([{ event: 'session:state', payload: { deviceId: id, state: 'lost', message: expect.stringContaining(next) } }])
    expect(await call('session:list', {})).toEqual([])
    await call('devices:trust', { id, fingerprint256: next })
    expect((await call('session:connect', { deviceId: id })).status).toBe('connected')
  })

  it('knows a read-only session and refuses its writes before sending', async () => {
    const ro = await call('devices:add', { name: 'Viewer', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'viewer' })
    await call('devices:trust', { id: ro.id, fingerprint256: emu.fingerprint256 })
    const res = await call('session:connect', { deviceId: ro.id, secret: 'viewer' })
    expect(res).toMatchObject({ status: 'connected', session: { readOnly: true, permission: { write: false } } })
    const before = emu.state.sms.sent.length
    await expect(call('sms:send', { deviceId: ro.id, connId: 2, address: '+85291234567', text: 'x' })).rejects.toMatchObject({ ipc: { kind: 'permission' } })
    expect(emu.state.sms.sent.length).toBe(before)
    expect(await call('actions:list', { deviceId: ro.id })).toEqual([])
  })

  it('streams live signal samples and stops on unwatch', async () => {
    events.length = 0
    const { watchId } = await call('signal:watch', { deviceId: id, wanId: 2, intervalMs: 250 })
    await expect.poll(() => events.filter((e) => e.event === 'signal:sample').length, { timeout: 5000 }).toBeGreaterThanOrEqual(2)
    const sample = events.find((e) => e.event === 'signal:sample')!.payload as Events['signal:sample']
    expect(sample.report?.bands[0]?.rsrp).toBeTypeOf('number')
    expect(await call('signal:unwatch', { watchId })).toEqual({ stopped: true })
    expect(services.watches.size).toBe(0)
  })

  it('says when the router stops answering, and picks the session up on its own when it is back', async () => {
    const seen: { event: string; payload: unknown }[] = []
    const off = services.onBroadcast((event, payload) => seen.push({ event, payload }))
    await emu.faults.refuseConnections(600_000)
    await expect(call('status:overview', { deviceId: id })).rejects.toMatchObject({ ipc: { kind: 'network' } })
    expect(seen).toEqual([{ event: 'session:state', payload: { deviceId: id, state: 'reconnecting', message: expect.stringMatching(/refused the connection/) } }])
    // The session stays open through the gap (nothing to reconnect by hand), and a window
    // opened now learns that the router is silent.
    expect((await call('session:list', {})).find((s) => s.deviceId === id)).toMatchObject({ notAnswering: expect.stringMatching(/refused the connection/) })
    // Power back: with no view polling, the session's own check notices.
    emu.faults.reset()
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(2)
    off()
    expect(seen[1]).toEqual({ event: 'session:state', payload: { deviceId: id, state: 'connected' } })
    expect((await call('status:overview', { deviceId: id })).wans).toHaveLength(3)
    expect((await call('session:list', {})).find((s) => s.deviceId === id)?.notAnswering).toBeUndefined()
  })

  it('starts the demo router, saved like any device, with its password in the keychain', async () => {
    const demo = await call('demo:start', {})
    expect(demo).toMatchObject({ demo: true, hasSecret: true, host: '127.0.0.1' })
    const first = await call('session:connect', { deviceId: demo.id })
    expect(first.status).toBe('trust-required')
    await call('devices:trust', { id: demo.id, fingerprint256: (first as { certificate: { fingerprint256: string } }).certificate.fingerprint256 })
    expect((await call('session:connect', { deviceId: demo.id })).status).toBe('connected')
  })

  it('forgets a device and its keychain secrets, telling every window the session closed', async () => {
    const seen: unknown[] = []
    const off = services.onBroadcast((event, payload) => seen.push({ event, payload }))
    await call('devices:remove', { id })
    off()
    expect(seen).toEqual([{ event: 'session:state', payload: { deviceId: id, state: 'closed' } }])
    expect(await services.vault.has(id, 'password')).toBe(false)
    expect((await call('devices:list', {})).some((d) => d.id === id)).toBe(false)
    await expect(call('status:overview', { deviceId: id })).rejects.toMatchObject({ ipc: { kind: 'not-found' } })
  })
})
