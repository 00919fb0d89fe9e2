import { afterEach, describe, expect, it } from 'vitest'
import { adminApi, poll, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

async function cellularOf(a: Api) {
  return (await a.get('status.wan.connection', 'id=2')).response['2']
}

describe('emulator: firmware variants of status.wan.connection', () => {
  it('8.0.0: gobi type, network only, SIM status strings, band[] with rsi', async () => {
    api = await adminApi({ firmware: '8.0.0' })
    const wan = await cellularOf(api)
    expect(wan.type).toBe('gobi')
    expect(wan.virtualType).toBe('gobi')
    expect(wan.cellular).toBeUndefined()
    expect(wan.routingMode).toBeUndefined()
    const g = wan.gobi
    expect(g.network).toBe('LTE')
    expect(g.mobileType).toBeUndefined()
    expect(g.sim['1']).toMatchObject({ status: 'In Use' })
    expect(g.sim['1'].simCardDetected).toBeUndefined()
    expect(g.sim['2'].status).toBe('SIM Card Detected')
    expect(Object.keys(g.band[0].signal)).toEqual(['rsi', 'sinr', 'rsrp', 'rsrq'])
  })

  it('8.1.1: cellular type, network+mobileType, both SIM status and booleans, band[] with rssi', async () => {
    api = await adminApi({ firmware: '8.1.1' })
    const c = (await cellularOf(api)).cellular
    expect(c).toMatchObject({ network: 'LTE', mobileType: 'LTE', dataTechnology: 'LTE-A', mcc: '454', mnc: '00' })
    expect(c.sim['1']).toMatchObject({ status: 'In Use', simCardDetected: true, active: true, autoApn: true })
    expect(c.band[0].signal.rssi).toBeTypeOf('number')
    expect(c.band[0].channel).toBeUndefined()
    expect(c.rat).toBeUndefined()
  })

  it('8.1.0: booleans without the status string', async () => {
    api = await adminApi({ firmware: '8.1.0' })
    const sim = (await cellularOf(api)).cellular.sim['1']
    expect(sim.status).toBeUndefined()
    expect(sim.active).toBe(true)
  })

  it('8.2.0: rat[].band[] with channel, channelWidth and float artefacts in the raw text', async () => {
    api = await adminApi({ firmware: '8.2.0' })
    api.em.state.wans.forEach((w) => {
      if (w.kind === 'cellular') w.cellular.cells[0].signal.drift = false
    })
    const raw = await api.raw('/api/status.wan.connection?id=2')
    expect(raw.text).toContain('"sinr":19.399999999999999')
    const c = JSON.parse(raw.text).response['2'].cellular
    expect(c.band).toBeUndefined()
    expect(c.rat[0].name).toBe('')
    expect(c.rat[0].band[0]).toMatchObject({ name: 'LTE Band 3 (1800 MHz)', channel: 1350, channelWidth: '20 MHz' })
  })

  it('8.5.2: connection[] array and extra fields; signal endpoint gone', async () => {
    api = await adminApi({ firmware: '8.5.2' })
    const r = (await api.get('status.wan.connection')).response
    expect(r.connection).toHaveLength(3)
    expect(r.connection[1]).toMatchObject({ id: 2, name: 'Cellular', locked: false })
    // The module names itself inside the cellular object, as real 8.3+/8.5 answers show.
    expect(r.connection[1].cellular).toMatchObject({ manufacturer: 'Quectel', model: 'RM520N-GL', modulePowerOn: true })
    expect(r['1']).toMatchObject({ portId: 1, managementOnly: false, virtual: false })
    // The answer's timestamps sit beside `order`, not inside each WAN.
    expect(r.timestamp).toBeTypeOf('number')
    expect(r.reportTimestamp).toBeLessThanOrEqual(r.timestamp)
    expect(r['1'].timestamp).toBeUndefined()
    expect(await api.get('status.wan.connection.signal')).toMatchObject({ stat: 'fail', message: 'Unsupported request' })
  })

  it('7.1.1: endpoints newer than the firmware are Unsupported request', async () => {
    api = await adminApi({ firmware: '7.1.1' })
    expect(await api.get('status.wan.connection')).toMatchObject({ stat: 'fail', code: 404, message: 'Unsupported request' })
    expect((await api.get('cmd.wifi.scan', 'connId=3')).stat).toBe('ok')
    expect((await api.get('no.such.endpoint')).message).toBe('Unsupported request')
  })

  it('status.wan.connection.signal exists on 8.4.x and marks itself beta', async () => {
    api = await adminApi({ firmware: '8.4.1' })
    const r = await api.get('status.wan.connection.signal', 'connId=2 3&infoType=band,virtualType')
    expect(r.notice).toEqual({ status: 'beta' })
    expect(r.response.order).toEqual([2, 3])
    expect(Object.keys(r.response['2']).sort()).toEqual(['band', 'virtualType'])
  })
})

describe('emulator: other firmware differences', () => {
  it('accepts multi-value ids in all three spellings and connId as a string', async () => {
    api = await adminApi()
    for (const q of ['id=1 3', 'id=1+3', 'id=1%203', 'id=1&id=3', 'id=1,3']) {
      expect((await api.get('status.wan.connection', q)).response.order).toEqual([1, 3])
    }
    expect((await api.get('cmd.wan.cellular', 'connId=2')).response).toEqual({ enabledSim: [1, 2], preferredSim: 1 })
    expect((await api.post('cmd.billing.newCycle', { connId: '2', simId: '1' })).stat).toBe('ok')
  })

  it('Wi-Fi scan: signal before 8.1.0, signalStrength + signalLevel from 8.1.0', async () => {
    api = await adminApi({ firmware: '8.0.1' })
    const old = (await api.get('cmd.wifi.scan', 'connId=3')).response[0]
    expect(old.signal).toBeTypeOf('number')
    expect(old.signalStrength).toBeUndefined()
    api.em.state.firmware = '8.1.0'
    const now = (await api.get('cmd.wifi.scan', 'connId=3')).response[0]
    expect(now.signal).toBeUndefined()
    expect(now.signalStrength).toBeTypeOf('number')
    expect(now.signalLevel).toBeGreaterThanOrEqual(0)
  })

  it('status.client: signalStrength before 8.1.0, signal {strength, level} from 8.1.0', async () => {
    api = await adminApi({ firmware: '8.0.1' })
    const q = 'connectionType=wireless&outputWeight=full'
    expect((await api.get('status.client', q)).response.list[0].signalStrength).toEqual({ value: -48, unit: 'dBm' })
    api.em.state.firmware = '8.1.0'
    expect((await api.get('status.client', q)).response.list[0].signal).toEqual({ strength: -48, level: 5 })
  })

  it('PepVPN tunnels: rx/tx/loss arrays before 8.1.0, receive/transmit objects after; both spellings served', async () => {
    api = await adminApi({ firmware: '8.0.1' })
    const old = (await api.get('status.pevpn', 'infoType=tunnel&tunnelOption=1-1')).response.tunnel['1-1']
    expect(Array.isArray(old['1'].rx)).toBe(true)
    expect(typeof old['1'].remote['1'].rx).toBe('number')
    api.em.state.firmware = '8.1.1'
    const now = (await api.get('status.pepvpn', 'infoType=tunnel&tunnelOption=1-1')).response.tunnel['1-1']
    expect(Array.isArray(now.wan['1'].receive.byte)).toBe(true)
    expect(now.overall.transmit.packet).toBeDefined()
  })

  it('8.0.1: carrier scan is GET-only and a GET starts the scan', async () => {
    api = await adminApi({ firmware: '8.0.1' })
    const a = api
    expect((await a.post('cmd.carrier.scan', { action: 'start', connId: 2 })).message).toBe('Unsupported request')
    expect((await a.get('cmd.carrier.scan', 'connId=2&reference=yes')).response.scanStatus).toBe('scanning')
    const done = await poll(() => a.get('cmd.carrier.scan', 'connId=2&reference=yes'), (r) => r.response.scanStatus === 'done')
    expect(done.response.reference.activeSim).toEqual({ simId: 1, cellularNetwork: null })
  })

  it('8.3.0: cmd.wan.cellular is POST-only with simPriority', async () => {
    api = await adminApi({ firmware: '8.3.0' })
    expect((await api.get('cmd.wan.cellular', 'connId=2')).message).toBe('Unsupported request')
    expect((await api.post('cmd.wan.cellular', { connId: 2, enabledSim: [1, 2], preferredSim: 2 })).stat).toBe('fail')
    expect((await api.post('cmd.wan.cellular', { connId: 2, simPriority: ['2', '1'] })).stat).toBe('ok')
    const cs = api.em.state.wans[1].kind === 'cellular' ? api.em.state.wans[1].cellular : null
    expect(cs?.activeSim).toBe(2)
  })

  it('8.5.2: USSD moved to cmd.sim.ussd.send', async () => {
    api = await adminApi({ firmware: '8.5.2' })
    expect((await api.post('cmd.sendUssd', { connId: 2, ussd: '*100#' })).message).toBe('Unsupported request')
    const r = await api.post('cmd.sim.ussd.send', { connId: 2, ussd: '*100#' })
    expect(r.response.message).toMatch(/Balance/)
  })
})
