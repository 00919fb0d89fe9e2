import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, IpcResult, Req, Res } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { createServices, type Services } from '../../../src-main/services'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { dispatch } from '../../../src-main/ipc/dispatch'
import { MemoryStore } from '../../../src-main/devices/vault'
import { RouterClient } from '../../../src-main/peplink/client'

let br1: RunningEmulator
let balance: RunningEmulator
let services: Services
const ids: Record<string, string> = {}

async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const res = (await dispatch(createHandlers(services), channel, req, { clientId: 't', emit: () => {} })) as IpcResult<Res<C>>
  if (!res.ok) throw Object.assign(new Error(res.error.message), { ipc: res.error })
  return res.data
}

beforeAll(async () => {
  br1 = await startEmulator({ reconnectMs: 100 })
  balance = await startEmulator({ model: 'balance-380', firmware: '8.5.2' })
  services = await createServices({ userDataDir: mkdtempSync(join(tmpdir(), 'uplink-dev-')), host: 'browser', version: 't', keychain: { store: new MemoryStore(), status: { keychain: true } }, pdfPrinter: null })
  for (const [name, e] of [['br1', br1], ['balance', balance]] as const) {
    const d = await call('devices:add', { name, host: '127.0.0.1', port: e.port, authMethod: 'admin', username: 'admin' })
    await call('devices:trust', { id: d.id, fingerprint256: e.fingerprint256 })
    await call('session:connect', { deviceId: d.id, secret: 'admin' })
    ids[name] = d.id
  }
})
afterAll(async () => {
  await services.close()
  await br1.close()
  await balance.close()
})

describe('the Device section over the contract', () => {
  it('reorders WANs as pending, shows the banner state, then applies', async () => {
    const r = await call('wan:priority', { deviceId: ids.br1!, list: [{ connId: 2, priority: 1 }, { connId: 1, priority: 2 }], instantActive: false })
    expect(r.pending).toEqual({ pending: true, changes: ['WAN priority'] })
    expect((await call('status:overview', { deviceId: ids.br1! })).wans.find((w) => w.id === 2)?.priority).toBe(2)
    await call('config:apply', { deviceId: ids.br1! })
    expect(await call('config:pending', { deviceId: ids.br1! })).toEqual({ pending: false, changes: [] })
    expect((await call('status:overview', { deviceId: ids.br1! })).wans.find((w) => w.id === 2)?.priority).toBe(1)
  })

  it('applies a priority change at once with instantActive', async () => {
    const r = await call('wan:priority', { deviceId: ids.br1!, list: [{ connId: 1, priority: 1 }, { connId: 2, priority: 2 }], instantActive: true })
    expect(r.pending.pending).toBe(false)
    expect((await call('status:overview', { deviceId: ids.br1! })).wans.find((w) => w.id === 1)?.priority).toBe(1)
  })

  it('edits WAN settings with the reference ranges, staged until applied, and discards', async () => {
    await expect(call('wan:update', { deviceId: ids.br1!, settings: { id: 1, mtu: 9500 } })).rejects.toMatchObject({ ipc: { kind: 'validation', field: 'list[0].physical.mtu' } })
    const r = await call('wan:update', { deviceId: ids.br1!, settings: { id: 1, name: 'Fibre', mtu: 1400, healthcheck: { enable: true, type: 'ping', hosts: ['8.8.8.8'], interval: 10 } } })
    expect(r.pending.changes).toContain('WAN 1 settings')
    await call('config:discard', { deviceId: ids.br1! })
    expect((await call('status:overview', { deviceId: ids.br1! })).wans[0]?.name).toBe('WAN')
  })

  it('saves an APN per SIM, keeping the active SIM\'s carrier selection', async () => {
    await call('cellular:selectCarrier', { deviceId: ids.br1!, opId: 'sel', connId: 2, carrier: { name: 'SmarTone', mcc: '454', mnc: '6', pcs: 0 } })
    const r = await call('wan:update', { deviceId: ids.br1!, settings: { id: 2, sims: [{ id: 1, apn: 'field.apn', apnPassword: 'apn-secret-1' }] } })
    expect(r.pending.changes).toContain('WAN 2 settings')
    expect(r.notice).toBeUndefined()
    await call('config:apply', { deviceId: ids.br1! })
    const wan = (await call('status:overview', { deviceId: ids.br1! })).wans.find((w) => w.id === 2)!
    expect(wan.cellular?.sims.find((s) => s.id === 1)?.apn).toBe('field.apn')
    // The manual carrier choice survived the APN change.
    await expect.poll(async () => (await call('status:overview', { deviceId: ids.br1! })).wans.find((w) => w.id === 2)?.cellular?.carrier?.name, { timeout: 5000 }).toBe('SmarTone')
    expect(JSON.stringify(await call('actions:list', { deviceId: ids.br1! }))).not.toContain('apn-secret-1')
  })

  it('sets a cellular WAN\'s allowance monitor per SIM; the WAN-level monitor is refused for it', async () => {
    await expect(call('wan:update', { deviceId: ids.br1!, settings: { id: 2, allowance: { enable: true, monthlyMb: 1000 } } }))
      .rejects.toMatchObject({ ipc: { kind: 'validation', field: 'allowance', message: expect.stringMatching(/set per SIM/) } })
    await expect(call('wan:update', { deviceId: ids.br1!, settings: { id: 2, sims: [{ id: 2, allowance: { enable: true, start: 31 } }] } }))
      .rejects.toMatchObject({ ipc: { kind: 'validation', field: expect.stringMatching(/sim\[0\]\.bandwidthAllowanceMonitor\.start/) } })
    const before = (await call('status:overview', { deviceId: ids.br1! })).allowance.find((a) => a.wanId === 2)!.entries.find((e) => e.simId === 1)!
    const saved = await call('wan:update', { deviceId: ids.br1!, settings: { id: 2, sims: [{ id: 2, allowance: { enable: true, monthlyMb: 20480, start: 5, action: ['email'] } }] } })
    // SIM B is not in use, so the router cannot say whether it has a manual carrier: the technician is told.
    expect(saved.notice).toMatch(/^SIM B will use automatic carrier selection once applied/)
    await call('config:apply', { deviceId: ids.br1! })
    const entries = (await call('status:overview', { deviceId: ids.br1! })).allowance.find((a) => a.wanId === 2)!.entries
    expect(entries.find((e) => e.simId === 2)).toMatchObject({ enable: true, limit: 20480, start: 5 })
    // SIM A's monitor is untouched.
    expect(entries.find((e) => e.simId === 1)).toEqual(before)
  })

  it('lists clients with filters, LAN profiles, PepVPN, location and firmware', async () => {
    const clients = await call('device:clients', { deviceId: ids.balance!, activeOnly: true })
    expect(clients.length).toBeGreaterThan(0)
    expect(clients.every((c) => c.active)).toBe(true)
    expect((await call('device:lan', { deviceId: ids.balance! })).some((l) => l.vlanId !== undefined)).toBe(true)
    const vpn = await call('device:pepvpn', { deviceId: ids.balance! })
    expect(vpn.peers.length).toBeGreaterThan(0)
    expect(vpn.tunnels[0]?.wans.length).toBeGreaterThan(0)
    const wireless = (await call('device:clients', { deviceId: ids.br1!, connectionType: ['wireless'] })).filter((c) => c.active)
    expect(wireless.some((c) => typeof c.signalStrength === 'number')).toBe(true)
    expect(await call('device:location', { deviceId: ids.balance! })).toBeNull()
    expect((await call('device:location', { deviceId: ids.br1! }))?.gps).toBe(true)
    const fw = await call('device:firmware', { deviceId: ids.br1! })
    expect(fw.slots.length).toBe(2)
  })

  it('switches PoE per port on the model that has it, and says why not on one that does not', async () => {
    expect((await call('device:poe', { deviceId: ids.balance!, enable: false, ports: [1] })).summary).toBe('PoE disabled on port 1.')
    await expect(call('device:poe', { deviceId: ids.br1!, enable: false, ports: [1] })).rejects.toMatchObject({ ipc: { kind: 'device' } })
  })

  it('reads and changes GPIO within what the router reports, and the access point', async () => {
    const gpio = await call('device:gpio', { deviceId: ids.br1! })
    expect(gpio.pins[0]?.supportedTypes?.length).toBeGreaterThan(0)
    const r = await call('device:setGpio', { deviceId: ids.br1!, list: [{ id: gpio.pins[0]!.id, enable: true }] })
    expect(r.pending.changes).toContain('GPIO')
    const ap = await call('device:setAp', { deviceId: ids.br1!, enable: false })
    expect(ap.enable).toBe(false)
    expect((await call('device:ap', { deviceId: ids.br1! })).enable).toBe(false)
  })

  it('administers API clients and tokens; the secret is shown once and saved for the device', async () => {
    const created = await call('api:createClient', { deviceId: ids.br1!, name: 'Field laptop', scope: 'api.read-only', saveForDevice: true })
    expect(created.clientSecret.length).toBeGreaterThan(8)
    expect(created.saved).toBe('keychain')
    expect(await services.vault.get(ids.br1!, 'clientSecret')).toBe(created.clientSecret)
    const listed = await call('api:clients', { deviceId: ids.br1! })
    expect(listed.find((c) => c.clientId === created.clientId)).toBeDefined()
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret)
    // A script on the laptop uses the new client, so there is a token to list and revoke.
    const script = new RouterClient({ host: '127.0.0.1', port: br1.port, pin: br1.fingerprint256, credentials: { kind: 'client', clientId: created.clientId, clientSecret: created.clientSecret } })
    await script.open()
    const tokens = await call('api:tokens', { deviceId: ids.br1!, clientId: created.clientId })
    expect(tokens).toHaveLength(1)
    expect(JSON.stringify(tokens)).not.toMatch(/"accessToken"/)
    expect(tokens[0]!.tokenHint).toMatch(/^…/)
    expect(await call('api:revokeToken', { deviceId: ids.br1!, ref: tokens[0]!.ref })).toEqual({ revoked: true })
    expect(await call('api:tokens', { deviceId: ids.br1!, clientId: created.clientId })).toHaveLength(0)
    await script.close()
    expect(await call('api:removeClient', { deviceId: ids.br1!, clientId: created.clientId })).toEqual({ removed: true })
  })

  it('moves an SSID profile onto a VLAN and back to the untagged LAN, staged until applied', async () => {
    await call('ssid:update', { deviceId: ids.br1!, id: 1, vlanId: 20 })
    expect((await call('config:pending', { deviceId: ids.br1! })).changes).toContain('SSID profiles')
    expect((await call('ssid:list', { deviceId: ids.br1! })).find((p) => p.id === 1)?.vlanId).toBe(20)
    await call('ssid:update', { deviceId: ids.br1!, id: 1, vlanId: null })
    expect((await call('ssid:list', { deviceId: ids.br1! })).find((p) => p.id === 1)?.vlanId).toBeUndefined()
    await call('config:apply', { deviceId: ids.br1! })
  })

  it('records every write in the visit', async () => {
    const actions = (await call('actions:list', { deviceId: ids.br1! })).map((a) => a.action)
    expect(actions).toEqual(expect.arrayContaining(['config.wan.connection.priority', 'cmd.config.apply', 'cmd.config.discard', 'cmd.ap', 'auth.client']))
  })
})
