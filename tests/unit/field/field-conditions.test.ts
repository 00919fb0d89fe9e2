/**
 * Field conditions: every workflow the technician runs, under every fault a site throws at
 * it, through the same IPC handlers the app uses. For each pair the test checks what the
 * technician would see: the workflow settles (no endless spinner), either done or with an
 * error whose sentence says what happened; retries stay bounded; and nothing is lost (the
 * saved device, the open visit and its action log, the report).
 *
 * Time is scaled down so the suite stays short: the "reboot" silence is 1.5 s against
 * client timeouts of 0.5-2 s, the same shape as 30 s of silence against real timeouts.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Channel, Events, IpcError, IpcResult, Req, Res } from '../../../src-preload/contract'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { createServices, type Services } from '../../../src-main/services'
import { createHandlers } from '../../../src-main/ipc/handlers'
import { dispatch } from '../../../src-main/ipc/dispatch'
import { MemoryStore } from '../../../src-main/devices/vault'
import { RouterClient } from '../../../src-main/peplink/client'
import { createTransport } from '../../../src-main/peplink/transport'

const SILENT_MS = 1500
type Fault = 'session-expires' | 'reboot' | 'certificate-changes' | 'slow-answers' | 'garbage-answer'
const FAULTS: Fault[] = ['session-expires', 'reboot', 'certificate-changes', 'slow-answers', 'garbage-answer']

let emu: RunningEmulator
let services: Services
let deviceId: string
let requests = 0

async function call<C extends Channel>(channel: C, req: Req<C>, onProgress?: () => void): Promise<IpcResult<Res<C>>> {
  const emit = <E extends keyof Events>(event: E) => {
    if (event === 'workflow:progress') onProgress?.()
  }
  return (await dispatch(createHandlers(services), channel, req, { clientId: 'field', emit })) as IpcResult<Res<C>>
}

async function ok<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
  const r = await call(channel, req)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.data
}

beforeEach(async () => {
  emu = await startEmulator({ scanDurationMs: 400, reconnectMs: 150, wifiConnectMs: 200 })
  requests = 0
  services = await createServices({
    userDataDir: mkdtempSync(join(tmpdir(), 'uplink-field-')),
    host: 'browser',
    version: 'test',
    keychain: { store: new MemoryStore(), status: { keychain: true } },
    pdfPrinter: null,
    pollMs: 100,
    // Short timeouts, and a transport that counts requests to prove retries are bounded.
    createClient: (o) => {
      const t = createTransport({ host: o.host, port: o.port!, scheme: o.scheme!, pin: o.pin })
      const counted = { ...t, origin: t.origin, request: (r: Parameters<typeof t.request>[0]) => (requests++, t.request(r)), close: () => t.close() }
      return new RouterClient({ ...o, transport: counted, timeouts: { status: 500, action: 1000, scan: 2000 } })
    },
  })
  deviceId = (await ok('devices:add', { name: 'Site', host: '127.0.0.1', port: emu.port, authMethod: 'admin', username: 'admin' })).id
  await ok('devices:trust', { id: deviceId, fingerprint256: emu.fingerprint256 })
  const c = await ok('session:connect', { deviceId, secret: 'admin', remember: true })
  expect(c.status).toBe('connected')
  await expect.poll(async () => (await ok('visit:get', { deviceId }))?.firstSnapshot !== undefined, { timeout: 5000 }).toBe(true)
})

afterEach(async () => {
  emu.faults.reset()
  await services.close()
  await emu.close()
})

async function inject(fault: Fault): Promise<void> {
  if (fault === 'session-expires') emu.faults.expireSessions()
  if (fault === 'reboot') emu.faults.goSilent(SILENT_MS)
  if (fault === 'certificate-changes') await emu.faults.replaceCertificate()
  if (fault === 'slow-answers') emu.faults.setLatency(200)
  if (fault === 'garbage-answer') emu.faults.setResponseMode('garbage')
}

interface Workflow {
  name: string
  write: boolean
  run: (onProgress: () => void) => Promise<IpcResult<unknown>>
}

const op = () => ({ deviceId, opId: `op-${Math.random()}` })
const WORKFLOWS: Workflow[] = [
  { name: 'connect', write: false, run: async () => {
    await services.sessions.disconnect(deviceId)
    return call('session:connect', { deviceId })
  } },
  { name: 'dashboard refresh', write: false, run: () => call('status:overview', { deviceId }) },
  { name: 'carrier scan', write: true, run: (p) => call('cellular:scanCarriers', { ...op(), connId: 2, timeoutMs: 3000 }, p) },
  { name: 'carrier select', write: true, run: (p) => call('cellular:selectCarrier', { ...op(), connId: 2, carrier: { name: 'SmarTone', mcc: '454', mnc: '6', pcs: 0 } }, p) },
  { name: 'PCI lock', write: true, run: (p) => call('cellular:lockPci', { ...op(), connId: 2, simId: 1, lock: { channel: 1350, pci: 77 } }, p) },
  { name: 'SIM switch', write: true, run: (p) => call('sim:set', { ...op(), connId: 2, enabledSim: [1, 2], preferredSim: 2 }, p) },
  { name: 'module reset', write: true, run: (p) => call('module:action', { ...op(), connId: 2, action: 'reset' }, p) },
  { name: 'USSD', write: true, run: (p) => call('ussd:send', { ...op(), connId: 2, code: '*100#' }, p) },
  { name: 'SMS send', write: true, run: () => call('sms:send', { deviceId, connId: 2, address: '+85291234567', text: 'On site' }) },
  { name: 'Wi-Fi connect', write: true, run: (p) => call('wifi:connect', { ...op(), connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'pallets&forklifts' }, p) },
  { name: 'diagnosis', write: false, run: () => call('diagnosis:run', { deviceId }) },
  { name: 'report export', write: false, run: () => call('reports:export', { deviceId }) },
]

/** The error kinds a technician may see for each fault (a fault can also go unnoticed). */
const ACCEPTABLE: Record<Fault, IpcError['kind'][]> = {
  'session-expires': [],
  'slow-answers': [],
  reboot: ['network'],
  // A new certificate usually comes with a reset router: a request on a connection it dropped
  // may fail first as a network error (a POST is never blindly repeated); the next says why.
  'certificate-changes': ['certificate', 'network'],
  'garbage-answer': ['protocol'],
}

describe('field conditions', () => {
  for (const wf of WORKFLOWS) {
    for (const fault of FAULTS) {
      it(`${wf.name} when ${fault.replace('-', ' ')}`, async () => {
        const actionsBefore = (await ok('actions:list', { deviceId })).length
        let injected = false
        const once = async () => {
          if (injected) return
          injected = true
          await inject(fault)
        }
        // Workflows that report progress get the fault in the middle; the others just before.
        const hasProgress = ['carrier scan', 'carrier select', 'PCI lock', 'SIM switch', 'module reset', 'USSD', 'Wi-Fi connect'].includes(wf.name)
        if (!hasProgress) await once()
        requests = 0
        const result = await wf.run(() => void once())
        const made = requests

        // 1. It settled, and says what happened.
        if (result.ok) {
          const data = result.data as { status?: string; verified?: boolean; summary?: string }
          if (wf.name === 'connect' && fault === 'certificate-changes') expect(data.status).toBe('certificate-changed')
        } else {
          expect(ACCEPTABLE[fault], `${wf.name}/${fault}: ${result.error.kind}: ${result.error.message}`).toContain(result.error.kind)
          expect(result.error.message).toMatch(/[.!?"]$/)
          expect(result.error.message).not.toMatch(/\n\s+at /)
          if (fault === 'certificate-changes' && result.error.kind === 'certificate') expect(result.error.message).toMatch(/certificate has changed: expected .* presented /)
          if (fault === 'reboot') expect(result.error.message).toMatch(/rebooting|No answer|did not answer|closed the connection/)
          if (fault === 'garbage-answer') expect(result.error.message).toMatch(/did not answer with JSON/)
        }
        if (fault === 'session-expires' || fault === 'slow-answers') expect(result.ok, JSON.stringify(result)).toBe(true)

        // 2. Retries are bounded (polls at 100 ms for a few seconds at most, plus re-logins).
        expect(made).toBeLessThan(120)

        // 3. Nothing is lost: the device, the open visit, its log (a write attempt is in it).
        emu.faults.reset()
        await expect.poll(async () => (await call('devices:list', {})).ok, { timeout: SILENT_MS * 3 }).toBe(true)
        expect((await ok('devices:list', {})).map((d) => d.id)).toEqual([deviceId])
        const visit = await ok('visit:get', { deviceId })
        expect(visit?.endedAt).toBeUndefined()
        const actions = await ok('actions:list', { deviceId })
        if (wf.write && (result.ok || result.error.kind !== 'certificate')) expect(actions.length).toBeGreaterThan(actionsBefore)
        expect(actions.length).toBeGreaterThanOrEqual(actionsBefore)
        if (fault === 'certificate-changes' && wf.name !== 'report export') {
          // A full stop: the session is over, and reconnecting shows both certificates.
          const next = await call('status:overview', { deviceId })
          if (!next.ok) {
            expect(['certificate', 'not-found']).toContain(next.error.kind)
            expect(services.sessions.find(deviceId)).toBeUndefined()
          }
          await services.sessions.disconnect(deviceId)
          const again = await ok('session:connect', { deviceId })
          expect(again.status).toBe('certificate-changed')
        }
        if (fault !== 'certificate-changes') {
          // The router comes back: once the silence is over, the technician carries on (after
          // reconnecting if the fault hit the connect itself).
          if (!services.sessions.find(deviceId)) await ok('session:connect', { deviceId })
          await expect.poll(async () => (await call('status:overview', { deviceId })).ok, { timeout: SILENT_MS * 4, interval: 200 }).toBe(true)
        }
        const report = await call('reports:export', { deviceId })
        expect(report.ok).toBe(true)
      })
    }
  }
})
