import { afterEach, describe, expect, it } from 'vitest'
import { adminApi, fakeClock, poll, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

async function wan2(a: Api) {
  return (await a.get('status.wan.connection', 'id=2')).response['2']
}

describe('emulator: carrier scan and selection', () => {
  it('scan goes scanning -> done with a growing list while the WAN is down', async () => {
    const clock = fakeClock()
    api = await adminApi({ now: clock.now, scanDurationMs: 10_000 })
    const a = api
    const start = await a.post('cmd.carrier.scan', { action: 'start', connId: 2, reference: 'yes' })
    expect(start.response).toMatchObject({ scanStatus: 'scanning', list: [] })
    const during = await wan2(a)
    expect(during).toMatchObject({ message: 'Scanning network...', statusLed: 'yellow' })
    expect(during.ip).toBeUndefined()
    expect(during.cellular.mcc).toBeUndefined()
    clock.advance(5_000)
    const half = await a.get('cmd.carrier.scan', 'connId=2&reference=yes')
    expect(half.response.scanStatus).toBe('scanning')
    expect(half.response.list.length).toBeGreaterThan(0)
    clock.advance(5_000)
    const done = await a.get('cmd.carrier.scan', 'connId=2&reference=yes')
    expect(done.response.scanStatus).toBe('done')
    expect(done.response.list.length).toBeGreaterThanOrEqual(3)
    expect(half.response.list.length).toBeLessThan(done.response.list.length)
    expect(done.response.list[0]).toEqual({ name: '.csl', mobileType: 'LTE', mcc: '454', mnc: '0', pcs: 0 })
    // 8.1.1 names the selection both ways; null means automatic.
    expect(done.response.reference.activeSim).toEqual({ simId: 1, cellularNetwork: null, selectedCarrier: null })
    expect((await wan2(a)).message).toBe('Connected')
  })

  it('scan runs in real time with the default clock', async () => {
    api = await adminApi()
    const a = api
    await a.post('cmd.carrier.scan', { action: 'start', connId: 2 })
    const done = await poll(() => a.get('cmd.carrier.scan', 'connId=2'), (r) => r.response.scanStatus === 'done')
    expect(done.response.list.length).toBeGreaterThanOrEqual(3)
    await poll(() => wan2(a), (w) => w.message === 'Connected')
  })

  it('a wired WAN cannot scan: {"stat":"fail"} without a code', async () => {
    api = await adminApi()
    expect(await api.post('cmd.carrier.scan', { action: 'start', connId: 1 })).toEqual({ stat: 'fail' })
  })

  it('select drops the WAN, then shows the carrier; an absent carrier leaves it down; null goes back to auto', async () => {
    const clock = fakeClock()
    api = await adminApi({ now: clock.now, reconnectMs: 1000 })
    const a = api
    expect((await a.post('cmd.carrier.select', { connId: 2, selectedCarrier: { mcc: '454', mnc: '03', pcs: 0, name: '3 HK' } })).stat).toBe('ok')
    expect((await wan2(a)).message).toBe('Connecting...')
    clock.advance(1000)
    const up = await wan2(a)
    expect(up.message).toBe('Connected')
    expect(up.cellular).toMatchObject({ carrier: { name: '3 HK' }, mcc: '454', mnc: '03' })
    const scan = await a.get('cmd.carrier.scan', 'connId=2&reference=yes')
    expect(scan.response.reference.activeSim.selectedCarrier).toMatchObject({ mcc: '454', mnc: '03' })

    await a.post('cmd.carrier.select', { connId: 2, selectedCarrier: { mcc: '001', mnc: '01', pcs: 0 } })
    clock.advance(1000)
    const stuck = await wan2(a)
    expect(stuck.message).toBe('Unable to register to selected network')
    expect(stuck.statusLed).toBe('red')

    await a.post('cmd.carrier.select', { connId: 2, selectedCarrier: null })
    clock.advance(1000)
    const auto = await wan2(a)
    expect(auto.message).toBe('Connected')
    expect(auto.cellular.carrier.name).toBe('.csl')
  })

  it('validates the carrier object', async () => {
    api = await adminApi()
    expect((await api.post('cmd.carrier.select', { connId: 2, selectedCarrier: { mcc: '45', mnc: '03', pcs: 0 } })).stat).toBe('fail')
    expect((await api.post('cmd.carrier.select', { connId: 2 })).stat).toBe('fail')
  })
})

describe('emulator: SIM, module and billing', () => {
  it('switching the preferred SIM moves to SIM B and back up on its carrier', async () => {
    api = await adminApi()
    const a = api
    expect((await a.post('cmd.wan.cellular', { connId: 2, enabledSim: [1, 2], preferredSim: 2 })).stat).toBe('ok')
    const w = await poll(() => wan2(a), (x) => x.message === 'Connected')
    expect(w.cellular.sim['2'].active).toBe(true)
    expect(w.cellular.carrier.name).toBe('SmarTone')
    expect((await a.get('cmd.wan.cellular', 'connId=2')).response).toEqual({ enabledSim: [1, 2], preferredSim: 2 })
    expect((await a.post('cmd.wan.cellular', { connId: 2, enabledSim: [] })).stat).toBe('fail')
  })

  it('a SIM that is not inserted cannot become active', async () => {
    api = await adminApi()
    const a = api
    const cs = a.em.state.wans[1].kind === 'cellular' ? a.em.state.wans[1].cellular : null
    if (!cs) throw new Error('no cellular')
    cs.sims[2].detected = false
    await a.post('cmd.wan.cellular', { connId: 2, enabledSim: [2], preferredSim: 2 })
    const w = await wan2(a)
    expect(w.message).toBe('No SIM Card Detected')
    expect(w.cellular.sim['2'].simCardDetected).toBe(false)
  })

  it('module reset: "Resetting module", then "Connecting...", then back', async () => {
    const clock = fakeClock()
    api = await adminApi({ now: clock.now, reconnectMs: 1000 })
    const a = api
    await a.post('cmd.cellularModule.reset', { connId: '2' })
    expect((await wan2(a)).message).toBe('Resetting module')
    clock.advance(1000)
    expect((await wan2(a)).message).toBe('Connecting...')
    clock.advance(1000)
    expect((await wan2(a)).message).toBe('Connected')
  })

  it('new billing cycle resets SIM usage', async () => {
    api = await adminApi()
    await api.post('cmd.billing.newCycle', { connId: 2, simId: 1 })
    const r = await api.get('status.wan.connection.allowance', 'connId=2')
    expect(r.response['2']['1']).toMatchObject({ usage: 0, limit: 10240, percent: 0, unit: 'MB' })
    expect(r.response['2']['2'].usage).toBeGreaterThan(0)
  })

  it('the signal drifts over time so a live view changes', async () => {
    let t = Date.now()
    api = await adminApi({ now: () => t })
    const a = await wan2(api)
    t += 4000
    const b = await wan2(api)
    expect(JSON.stringify(a.cellular.band)).not.toEqual(JSON.stringify(b.cellular.band))
  })
})

describe('emulator: channel / PCI', () => {
  it('scans cells including the serving cell, locks, and shows the locked cell', async () => {
    api = await adminApi({ firmware: '8.2.0' })
    const a = api
    await a.post('cmd.channelPci.scan', { action: 'start', connId: 2 })
    const done = await poll(() => a.post('cmd.channelPci.scan', { connId: 2 }), (r) => r.response.scanStatus === 'done')
    expect(done.response.list).toContainEqual({ pci: 77, earfcn: 1350, cellUtranId: 23574039, plmn: [{ mcc: '454', mnc: '00' }] })
    expect((await a.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 3000, pci: 371 } }] })).stat).toBe('ok')
    const w = await poll(() => wan2(a), (x) => x.message === 'Connected')
    expect(w.cellular.rat[0].band[0]).toMatchObject({ name: 'LTE Band 7 (2600 MHz)', channel: 3000 })
    expect(w.cellular.sim['1'].channelPciLock).toEqual({ channel: 3000, pci: 371 })
    await a.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: null }] })
    const back = await poll(() => wan2(a), (x) => x.message === 'Connected')
    expect(back.cellular.rat[0].band[0].channel).toBe(1350)
  })

  it('pci range: optional [0,65535] before 8.5.0, required [0,503] from 8.5.0', async () => {
    api = await adminApi({ firmware: '8.1.1' })
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 1350 } }] })).stat).toBe('ok')
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 1350, pci: 600 } }] })).stat).toBe('ok')
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 70000 } }] })).stat).toBe('fail')
    api.em.state.firmware = '8.5.2'
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 1350 } }] })).stat).toBe('fail')
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 1350, pci: 600 } }] })).stat).toBe('fail')
    expect((await api.post('cmd.channelPci.lock', { connId: 2, sim: [{ id: 1, value: { channel: 1350, pci: 77 } }] })).stat).toBe('ok')
  })
})

describe('emulator: USSD and SMS', () => {
  it('USSD validates the code and answers a balance for *100#', async () => {
    api = await adminApi()
    expect((await api.post('cmd.sendUssd', { connId: 2, ussd: '*100#' })).response.message).toMatch(/^Balance: /)
    expect((await api.post('cmd.sendUssd', { connId: 2, ussd: '*109#' })).response.message).toBe('Request is sent successfully')
    expect((await api.post('cmd.sendUssd', { connId: 2, ussd: '*100#; reboot' })).stat).toBe('fail')
    expect(api.em.state.ussd.sent).toHaveLength(2)
  })

  it('SMS inbox groups senders, keeps a two-part message and string lengths; sending validates the address', async () => {
    api = await adminApi()
    const r = await api.get('cmd.sms.get', 'connId=2')
    expect(r.response).toMatchObject({ connId: 2, simId: 1 })
    const multi = r.response.sms.find((s: { message: unknown[] }) => s.message.length === 2)
    expect(multi.message[1].id).toBe(multi.message[0].id + 1)
    expect(multi.message[1].timestamp).toBe(multi.message[0].timestamp)
    expect(typeof multi.message[0].length).toBe('string')
    expect(multi.message[0].message).toMatch(/part 1/)
    expect((await api.post('cmd.sms.sendMessage', { address: '+85235984335', content: 'hi' })).stat).toBe('ok')
    expect((await api.post('cmd.sms.sendMessage', { connId: 2, address: '+0123', content: 'x' })).stat).toBe('fail')
    expect((await api.post('cmd.sms.sendMessage', { connId: 2, address: '85235984335' })).stat).toBe('fail')
    expect(api.em.state.sms.sent).toEqual([expect.objectContaining({ address: '+85235984335', content: 'hi', simId: 1 })])
  })
})
