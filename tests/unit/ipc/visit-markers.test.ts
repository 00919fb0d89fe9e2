/**
 * Antenna markers from the Signal view reach the visit through their channels, survive the
 * app closing, and show in the exported report with their averages; a report exported while
 * the visit was open is listed as superseded once the visit is finished.
 */
import { mkdtempSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Channel, IpcResult, Req, Res, VisitMarker } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { createServices, type Services } from '../../../src-main/services'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { dispatch } from '../../../src-main/ipc/dispatch'
import { MemoryStore } from '../../../src-main/devices/vault'

let emu: RunningEmulator
let services: Services
let dir: string
const PASSWORD = 'Mark3r-admin-pw!'

const open = () => createServices({ userDataDir: dir, host: 'browser', version: 'test', pdfPrinter: null, keychain: { store: new MemoryStore(), status: { keychain: true } } })

async function raw<C extends Channel>(channel: C, req: unknown): Promise<IpcResult<Res<C>>> {
  return (await dispatch(createHandlers(services), channel, req, { clientId: 'test', emit: () => {} })) as IpcResult<Res<C>>
}
async function call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const res = await raw(channel, req)
  if (!res.ok) throw Object.assign(new Error(res.error.message), { ipc: res.error })
  return res.data
}

const north: VisitMarker = { id: 'k1-1', wanId: 2, label: 'Mast, north', at: '2025-03-01T10:10:00.000Z', stats: { rsrp: { min: -104, max: -101, sum: -307, n: 3 }, rsrq: { min: -15, max: -13, sum: -42, n: 3 }, sinr: { min: 3, max: 5, sum: 12, n: 3 } } }

beforeAll(async () => {
  emu = await startEmulator({ adminPassword: PASSWORD })
  dir = mkdtempSync(join(tmpdir(), 'uplink-ipc-markers-'))
  services = await open()
})
afterAll(async () => {
  await services.close()
  await emu.close()
  await rm(dir, { recursive: true, force: true })
})

describe('antenna markers through IPC', () => {
  let id: string

  it('refuses a malformed marker before anything is stored', async () => {
    id = (await call('devices:add', { name: 'Mast BR1', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })).id
    await call('devices:trust', { id, fingerprint256: emu.fingerprint256 })
    await call('session:connect', { deviceId: id, secret: PASSWORD, remember: true })
    await expect.poll(async () => (await call('visit:get', { deviceId: id }))?.firstSnapshot.wans.length, { timeout: 5000 }).toBe(3)
    for (const bad of [
      { ...north, stats: { rsrp: { min: 1, max: 1, sum: 1, n: 0 } } },
      { ...north, label: 'x'.repeat(81) },
      { ...north, at: 'yesterday' },
      { ...north, id: '../../etc' },
      { ...north, stats: { rsrp: { ...north.stats.rsrp, extra: 1 } } },
    ]) {
      const res = await raw('visit:saveMarker', { deviceId: id, marker: bad })
      expect(res.ok, JSON.stringify(bad)).toBe(false)
      if (!res.ok) expect(res.error.kind).toBe('validation')
    }
    expect((await call('visit:get', { deviceId: id }))?.markers).toEqual([])
  })

  it('stores markers in the visit, updating one by id, and keeps them when the app closes', async () => {
    await call('visit:saveMarker', { deviceId: id, marker: { ...north, stats: {} } })
    await call('visit:saveMarker', { deviceId: id, marker: north })
    // A label with the router's password in it, as a careless technician might type.
    await call('visit:saveMarker', { deviceId: id, marker: { id: 'k1-2', wanId: 3, label: `Window (pw ${PASSWORD})`, at: '2025-03-01T10:20:00.000Z', stats: { wifi: { min: -64, max: -61, sum: -125, n: 2 } } } })
    expect(await call('visit:removeMarker', { deviceId: id, markerId: 'nope' })).toEqual({ removed: false })
    await services.close()
    services = await open()
    const visit = await call('visit:get', { deviceId: id })
    expect(visit?.markers?.map((m) => m.id)).toEqual(['k1-1', 'k1-2'])
    expect(visit?.markers?.[0]).toEqual(north)
  })

  it('shows each marker with its averages in the report, without the secret', async () => {
    await call('session:connect', { deviceId: id, secret: PASSWORD })
    const report = await call('reports:export', { deviceId: id })
    expect(report.html).toContain('<td>WAN 2</td><td>Mast, north</td><td>2025-03-01 10:10 UTC</td><td>-102.3</td><td>-14.0</td><td>4.0</td><td>—</td><td>3</td>')
    expect(report.html).toContain('<td>-62.5</td>')
    expect(report.html).not.toContain(PASSWORD)
    expect((await call('reports:list', { deviceId: id }))[0]).toMatchObject({ open: true, htmlPath: report.htmlPath })
  })

  it('lists the report exported while the visit was open as superseded once it is finished', async () => {
    expect((await call('reports:list', { deviceId: id }))[0]!.superseded).toBeUndefined()
    await call('visit:finish', { deviceId: id })
    const [listed] = await call('reports:list', { deviceId: id })
    expect(listed).toMatchObject({ open: false })
    expect(listed!.superseded).toMatch(/finished afterwards/)
    // Once finished, markers can no longer change.
    const late = await raw('visit:saveMarker', { deviceId: id, marker: north })
    expect(late.ok).toBe(false)
    await call('reports:export', { deviceId: id })
    expect((await call('reports:list', { deviceId: id }))[0]!.superseded).toBeUndefined()
  })

  it('keeps a marker dropped the moment the technician connects, before the visit\'s first snapshot is in', async () => {
    const quick = (await call('devices:add', { name: 'Quick BR1', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })).id
    await call('devices:trust', { id: quick, fingerprint256: emu.fingerprint256 })
    await call('session:connect', { deviceId: quick, secret: PASSWORD })
    // No waiting for the visit: the marker goes out at once.
    await call('visit:saveMarker', { deviceId: quick, marker: north })
    expect((await call('visit:get', { deviceId: quick }))?.markers).toEqual([north])
  })
})
