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

let emu: RunningEmulator
let services: Services
let dir: string
const PASSWORD = 'S3cret-admin-pw!'

async function call<C extends Channel>(s: Services, channel: C, req: Req<C>): Promise<Res<C>> {
  const res = (await dispatch(createHandlers(s), channel, req, { clientId: 'test', emit: () => {} })) as IpcResult<Res<C>>
  if (!res.ok) throw Object.assign(new Error(res.error.message), { ipc: res.error })
  return res.data
}

beforeAll(async () => {
  emu = await startEmulator({ adminPassword: PASSWORD, scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 })
  dir = mkdtempSync(join(tmpdir(), 'uplink-visit-'))
  services = await createServices({ userDataDir: dir, host: 'browser', version: 'test', keychain: { store: new MemoryStore(), status: { keychain: true } } })
})
afterAll(async () => {
  await services.close()
  await emu.close()
})

describe('a site visit through the IPC handlers', () => {
  let id: string

  it('starts when the technician connects, records every write, and survives a restart', async () => {
    id = (await call(services, 'devices:add', { name: 'Farm BR1', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })).id
    await call(services, 'devices:trust', { id, fingerprint256: emu.fingerprint256 })
    await call(services, 'session:connect', { deviceId: id, secret: PASSWORD, remember: true })
    await expect.poll(async () => (await call(services, 'visit:get', { deviceId: id }))?.firstSnapshot.wans.length, { timeout: 5000 }).toBe(3)
    await call(services, 'ussd:send', { deviceId: id, opId: 'op1', connId: 2, code: '*100#' })
    await call(services, 'wifi:connect', { deviceId: id, opId: 'op2', connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'pallets&forklifts' })
    // A wrong key is a definite no from the router: logged as failed, not as unverified.
    const wrong = await call(services, 'wifi:connect', { deviceId: id, opId: 'op3', connId: 3, ssid: 'Site-Office', securityPolicy: 'wpa-psk', key: 'not-the-key-1' })
    expect(wrong).toMatchObject({ connected: false, result: 'PSK_AUTH_FAIL' })
    await call(services, 'visit:setNotes', { deviceId: id, notes: 'Antenna re-seated on the north mast.' })
    const actions = await call(services, 'actions:list', { deviceId: id })
    expect(actions.map((a) => [a.action, a.outcome])).toEqual([['cmd.sendUssd', 'ok'], ['cmd.wifi.connect', 'ok'], ['cmd.wifi.connect', 'failed']])
    expect(JSON.stringify(actions)).not.toContain('pallets&forklifts')
    // The app closes mid-visit; a new start on the same folder resumes the same visit.
    await services.close()
    services = await createServices({ userDataDir: dir, host: 'browser', version: 'test', keychain: { store: new MemoryStore(), status: { keychain: true } } })
    await call(services, 'session:connect', { deviceId: id, secret: PASSWORD })
    const visit = await call(services, 'visit:get', { deviceId: id })
    expect(visit?.actions).toHaveLength(3)
    expect(visit?.notes).toBe('Antenna re-seated on the north mast.')
  })

  it('walks a guide, keeping its place', async () => {
    emu.applyScenario('wifi-wrong-key')
    const opened = await call(services, 'guides:open', { deviceId: id, guideId: 'wifi-wan' })
    expect(opened.step).toBeDefined()
    const checked = await call(services, 'guides:check', { deviceId: id, guideId: 'wifi-wan' })
    expect(checked.result?.status).toBeDefined()
    const moved = await call(services, 'guides:move', { deviceId: id, guideId: 'wifi-wan', direction: 'next' })
    expect(moved.progress.stepIndex).toBe(1)
    expect((await call(services, 'guides:open', { deviceId: id, guideId: 'wifi-wan' })).progress.stepIndex).toBe(1)
  })

  it('diagnoses the faulty state and exports a report without secrets', async () => {
    const { findings } = await call(services, 'diagnosis:run', { deviceId: id })
    expect(findings.some((f) => f.rule.startsWith('wifi'))).toBe(true)
    await call(services, 'visit:finish', { deviceId: id })
    const report = await call(services, 'reports:export', { deviceId: id })
    expect(report.html).toContain('Farm BR1')
    expect(report.html).toContain('Antenna re-seated on the north mast.')
    for (const secret of [PASSWORD, 'pallets&forklifts', 'fieldwork2024']) expect(report.html).not.toContain(secret)
    const list = await call(services, 'reports:list', { deviceId: id })
    expect(list[0]).toMatchObject({ open: false, htmlPath: report.htmlPath })
  })

  it('keeps a write made the moment the technician connects, before the visit\'s first snapshot is in', async () => {
    const second = (await call(services, 'devices:add', { name: 'Quick BR1', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })).id
    await call(services, 'devices:trust', { id: second, fingerprint256: emu.fingerprint256 })
    await call(services, 'session:connect', { deviceId: second, secret: PASSWORD })
    // No waiting for the visit: the write goes out at once.
    await call(services, 'ussd:send', { deviceId: second, opId: 'quick', connId: 2, code: '*100#' })
    expect((await call(services, 'actions:list', { deviceId: second })).map((a) => a.action)).toEqual(['cmd.sendUssd'])
  })
})
