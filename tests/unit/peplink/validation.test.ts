import { describe, expect, it } from 'vitest'
import { RouterClient } from '../../../src-main/peplink/client'
import { ValidationError } from '../../../src-main/peplink/errors'
import type { HttpRequest, Transport } from '../../../src-main/peplink/transport'

/** A transport that records what would have been sent and answers like a logged-in router. */
function recordingClient(firmware = '8.1.1') {
  const sent: HttpRequest[] = []
  const transport: Transport = {
    origin: 'https://127.0.0.1:1',
    async request(req) {
      sent.push(req)
      const name = req.path.slice(5).split('?')[0]
      const response = name === 'info.firmware' ? { 1: { version: `${firmware} build 1`, inUse: true, bootable: true }, order: [1] } : name === 'login' ? { permission: { GET: 1, POST: 1 } } : undefined
      return { status: 200, contentType: 'application/json', body: JSON.stringify({ stat: 'ok', response }), setCookies: name === 'login' ? ['bauth=abc; Path=/'] : [] }
    },
    close: async () => {},
  }
  const client = new RouterClient({ host: '127.0.0.1', credentials: { kind: 'admin', username: 'admin', password: 'admin' }, transport })
  return { client, sent }
}

async function rejectsWith(p: Promise<unknown>, field: string, rule: RegExp) {
  const err = await p.then(() => undefined, (e: unknown) => e)
  expect(err).toBeInstanceOf(ValidationError)
  expect((err as ValidationError).field).toBe(field)
  expect((err as ValidationError).message).toMatch(rule)
}

describe('request validation', () => {
  it('refuses bad values with the field and the rule, and sends nothing', async () => {
    const { client, sent } = recordingClient()
    await client.open()
    const before = sent.length
    const api = client.api
    await rejectsWith(api.sendSms({ address: '0123456', content: 'hi' }), 'address', /"\+" followed by 2 to 15 digits, the first not 0/)
    await rejectsWith(api.sendSms({ address: '+0123456' }), 'address', /first not 0/)
    await rejectsWith(api.sendSms({ address: '+1' }), 'address', /2 to 15 digits/)
    await rejectsWith(api.sendSms({ address: '+1234567890123456' }), 'address', /2 to 15 digits/)
    await rejectsWith(api.sendUssdLegacy({ connId: 2, ussd: '*100#A' }), 'ussd', /only the digits 0-9, "\*" and "#"/)
    await rejectsWith(api.newBillingCycle({ connId: 2, simId: 3 as 1 }), 'simId', /1 \(SIM A\) or 2 \(SIM B\)/)
    await rejectsWith(api.lockChannelPci({ connId: 2, sim: [{ id: 1, value: { channel: 70000 } }] }), 'sim[0].value.channel', /0 to 65535/)
    await rejectsWith(api.lockChannelPci({ connId: 2, sim: [{ id: 1, value: { channel: 1350, pci: -1 } }] }), 'sim[0].value.pci', /0 to 65535/)
    await rejectsWith(api.updateSsidProfile({ id: 1, security: { wpa2Personal: { key: 'short' } } }), 'security.wpa2Personal.key', /8 to 63 characters, or 64 hexadecimal/)
    await rejectsWith(api.wifiConnect({ connId: 3, ssid: 'Cafe', securityPolicy: 'wpa-psk', key: 'x'.repeat(64) }), 'key', /64 hexadecimal/)
    await rejectsWith(api.wifiConnect({ connId: 3, ssid: 'Cafe', securityPolicy: 'wpa2' as 'open' }), 'securityPolicy', /open, wep, wpa-psk/)
    await rejectsWith(api.updateWanConfig({ list: [{ id: 1, physical: { mtu: 9001 } }] }), 'list[0].physical.mtu', /576 to 9000/)
    await rejectsWith(api.updateWanConfig({ list: [{ id: 1, physical: { mtu: 1500, mss: 1470 } }] }), 'list[0].physical.mss', /536 to 1452/)
    await rejectsWith(api.updateWanConfig({ list: [{ id: 1, physical: { mtu: 1000, mss: 1000 } }] }), 'list[0].physical.mss', /MTU minus 40/)
    await rejectsWith(api.updateWanConfig({ list: [{ id: 1, physical: { vlan: 4095 } }] }), 'list[0].physical.vlan', /1 to 4094/)
    await rejectsWith(api.updateWanConfig({ list: [{ id: 2, cellular: { sim: [{ id: 1, operator: { apn: 'internet' } }] } }] } as never), 'list[0].cellular.sim[0].carrierSelection', /required in every SIM entry/)
    await rejectsWith(api.setSimSelectionLegacy({ connId: 2, enabledSim: [] }), 'enabledSim', /at least one SIM/)
    await rejectsWith(api.wifiScan({ connId: 3, sortBy: 'colour' as 'name' }), 'sortBy', /name, security, signal or channel/)
    await rejectsWith(api.gpio({ list: [{ id: 1, type: 'digital_output', mode: 'ignition_sensing' }] }), 'list[0].mode', /wan_status/)
    await rejectsWith(api.gpio({ list: [{ id: 1, delay: 0 }] }), 'list[0].delay', /1 to 3600/)
    expect(sent.length).toBe(before)
  })

  it('accepts what the reference accepts', async () => {
    const { client, sent } = recordingClient()
    await client.open()
    await client.api.sendSms({ address: '+85235984335', content: 'SMS Content' })
    await client.api.lockChannelPci({ connId: 4, sim: [{ id: 1, value: { channel: 1350, pci: 77 } }, { id: 2, value: null }] })
    // This fake router answers no body; what matters here is that the request was sent.
    await client.api.updateSsidProfile({ id: 1, security: { wpa2Personal: { key: 'f'.repeat(64) } } }).catch(() => undefined)
    const last = sent.at(-1)!
    expect(last.path).toBe('/api/config.ssid.profile')
    expect(JSON.parse(last.body!)).toMatchObject({ action: 'update', id: 1 })
  })

  it('applies the 8.5.0 PCI rule: required and at most 503', async () => {
    const { client, sent } = recordingClient('8.5.2')
    await client.open()
    const before = sent.length
    await rejectsWith(client.api.lockChannelPci({ connId: 2, sim: [{ id: 1, value: { channel: 1350 } }] }), 'sim[0].value.pci', /required from firmware 8.5.0/)
    await rejectsWith(client.api.lockChannelPci({ connId: 2, sim: [{ id: 1, value: { channel: 1350, pci: 504 } }] }), 'sim[0].value.pci', /0 to 503/)
    expect(sent.length).toBe(before)
  })

  it('sends multi-value GET parameters space separated, as the reference writes them', async () => {
    const { client, sent } = recordingClient()
    await client.open()
    await client.call('GET status.wan.connection', { id: [1, 2] }).catch(() => undefined)
    expect(sent.at(-1)!.path).toBe('/api/status.wan.connection?id=1+2')
  })
})
