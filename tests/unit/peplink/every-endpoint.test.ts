import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { ENDPOINTS, type EndpointKey } from '../../../src-main/peplink/endpoints'
import { getSignal, sendUssd, setSims } from '../../../src-main/peplink/features'

const fast = { scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 }
const emus: RunningEmulator[] = []
const clients = new Map<string, RouterClient>()

async function clientFor(model: 'br1-pro-5g' | 'balance-380', firmware: string, group = 'tour'): Promise<RouterClient> {
  const key = `${group}:${model}@${firmware}`
  if (!clients.has(key)) {
    const e = await startEmulator({ ...fast, model, firmware })
    emus.push(e)
    const c = new RouterClient({ host: e.host, port: e.port, pin: e.fingerprint256, credentials: { kind: 'admin', ...e.credentials } })
    await c.open()
    clients.set(key, c)
  }
  return clients.get(key)!
}

afterAll(async () => {
  for (const c of clients.values()) await c.close()
  for (const e of emus) await e.close()
})

// One valid call per endpoint, on a model and firmware that has it. Order matters a little:
// the client created here is deleted at the end, and logout comes last.
const CALLS: [EndpointKey, unknown, ('br1-pro-5g' | 'balance-380')?, string?][] = [
  ['POST login', { username: 'admin', password: 'admin' }],
  ['GET info.firmware', {}],
  ['GET status.wan.connection', { id: [1, 2] }],
  ['GET status.wan.connection.allowance', {}],
  ['GET status.wan.connection.signal', { connId: [2, 3] }],
  ['GET info.location', {}],
  ['GET status.client', { activeOnly: 'yes', connectionType: ['ethernet', 'wireless'] }],
  ['GET status.lan.profile', {}],
  ['GET status.pepvpn', { infoType: ['profile', 'peer', 'tunnel'] }],
  ['GET cmd.ap', {}],
  ['POST cmd.ap', { enable: true }],
  ['GET config.ssid.profile', { id: [1, 2] }],
  ['POST config.ssid.profile', { id: 1, broadcast: true }],
  ['POST config.gpio', { list: [], reference: true }],
  ['POST config.wan.connection', { list: [{ id: 1, physical: { mtu: 1500 } }] }],
  ['POST config.wan.connection.priority', { list: [{ connId: 1, priority: 1 }, { connId: 2, priority: 2 }] }],
  ['POST cmd.config.apply', {}],
  ['POST config.wan.connection.priority', { list: [{ connId: 3, priority: 3 }] }],
  ['POST cmd.config.discard', {}],
  ['POST cmd.carrier.scan', { action: 'start', connId: 2, reference: 'yes' }],
  ['GET cmd.carrier.scan', { connId: 2 }],
  ['POST cmd.carrier.select', { connId: 2, selectedCarrier: { mcc: '454', mnc: '0', pcs: 0 } }],
  ['POST cmd.channelPci.scan', { action: 'start', connId: 2 }],
  ['POST cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: null }] }],
  ['GET cmd.wan.cellular', { connId: 2 }],
  ['POST cmd.wan.cellular', { connId: 2, enabledSim: [1, 2], preferredSim: 1 }],
  ['POST cmd.cellularModule.rescanNetwork', { connId: 2 }],
  ['POST cmd.cellularModule.reset', { connId: 2 }],
  ['POST cmd.billing.newCycle', { connId: 2, simId: 1 }],
  ['POST cmd.sendUssd', { connId: 2, ussd: '*100#' }],
  ['GET cmd.sms.get', { connId: 2 }],
  ['POST cmd.sms.sendMessage', { connId: 2, address: '+85291234567', content: 'test' }],
  ['GET cmd.wifi.scan', { connId: 3, infoType: 'status', sortBy: 'signal', sortOrder: 'desc' }],
  ['POST cmd.wifi.connect', { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' }],
  ['GET cmd.wifi.result', { connId: 3 }],
  ['POST cmd.wifi.disconnect', { connId: 3 }],
  ['POST cmd.wifi.forget', { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' }],
  ['POST cmd.port.poe.disable', { port: [1, { id: 2 }] }, 'balance-380'],
  ['POST cmd.port.poe.enable', { port: 1 }, 'balance-380'],
  ['POST auth.client', { action: 'add', name: 'Uplink test', scope: 'api.read-only' }],
  ['GET auth.client', {}],
  ['POST auth.token.grant', 'granted'],
  ['GET auth.client.token', {}],
  ['POST auth.token.revoke', 'revoke'],
  ['POST auth.client', 'remove'],
  ['POST cmd.sim.ussd.send', { connId: 2, ussd: '*101#' }, 'br1-pro-5g', '8.5.2'],
  ['POST cmd.wan.cellular#simPriority', { connId: 2, simPriority: ['2', '1'] }, 'br1-pro-5g', '8.3.0'],
  ['POST logout', {}],
]

describe('every endpoint through the client, over HTTPS, against the emulator', () => {
  it('the call list covers the whole table', () => {
    expect(new Set(CALLS.map(([k]) => k))).toEqual(new Set(Object.keys(ENDPOINTS)))
  })

  it('each call answers and normalises', async () => {
    let created: { clientId: string; clientSecret: string } | undefined
    let token: string | undefined
    for (const [key, params, model = 'br1-pro-5g', firmware = '8.1.1'] of CALLS) {
      const c = await clientFor(model, firmware)
      let p = params
      if (params === 'granted') p = { clientId: created!.clientId, clientSecret: created!.clientSecret }
      if (params === 'revoke') p = { accessToken: token! }
      if (params === 'remove') p = { action: 'remove', clientId: created!.clientId }
      const res = await c.call(key, p as never).catch((err: unknown) => {
        throw new Error(`${key}: ${(err as Error).message}`)
      })
      // Every read answers data in the normalised model; writes resolved without a router failure.
      if (ENDPOINTS[key].method === 'GET') expect(res.data, key).toBeDefined()
      if (key === 'POST auth.client' && (p as { action: string }).action === 'add') created = res.data as never
      if (key === 'POST auth.token.grant') token = (res.raw as { accessToken: string }).accessToken
    }
  })

  it('calls moved endpoints the way each firmware expects, behind one method', async () => {
    for (const fw of ['8.1.1', '8.5.2']) {
      const c = await clientFor('br1-pro-5g', fw, 'moved')
      expect((await sendUssd(c, { connId: 2, ussd: '*100#' })).message.length, fw).toBeGreaterThan(0)
      const reports = await getSignal(c, { connId: [2] })
      expect(reports.find((r) => r.id === 2)!.bands.length, fw).toBeGreaterThan(0)
    }
    for (const fw of ['8.1.1', '8.3.0']) {
      const c = await clientFor('br1-pro-5g', fw, 'moved')
      await setSims(c, { connId: 2, enabledSim: [1, 2], preferredSim: 2 })
      // The router moves to the preferred SIM once the modem has switched.
      await expect.poll(async () => (await c.api.wanStatus({ id: [2] }))[0]?.cellular?.activeSimId, { timeout: 5000, interval: 50 }).toBe(2)
    }
  })
})
