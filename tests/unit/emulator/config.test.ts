import { afterEach, describe, expect, it } from 'vitest'
import { adminApi, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

function update(a: Api, entry: Record<string, unknown>) {
  return a.post('config.wan.connection', { action: 'update', list: [entry] })
}

describe('emulator: config.wan.connection', () => {
  it('validates ranges from the reference', async () => {
    api = await adminApi({ model: 'balance-380' })
    const a = api
    const bad = [
      { id: 1, physical: { mtu: 1600 } },
      { id: 1, physical: { mtu: 500 } },
      { id: 1, physical: { mtu: 1400, mss: 1400 } },
      { id: 1, physical: { mss: 500 } },
      { id: 1, physical: { vlan: 4095 } },
      { id: 1, connection: { method: { type: 'pppoe', detail: { username: 'u', password: 'p' } } }, physical: { mtu: 1500 } },
      { id: 1, healthcheck: { enable: true, interval: 4 } },
      { id: 1, healthcheck: { enable: true, retry: 21 } },
      { id: 1, healthcheck: { enable: true, method: { type: 'nslookup', detail: { host: ['8.8.8.8'] } }, timeout: 500 } },
      { id: 1, healthcheck: { interval: 10 } },
      { id: 1, connection: { method: { type: 'staticIp', detail: { ip: '10.0.0.2', mask: 24 } } } },
      { id: 1, bandwidthAllowanceMonitor: { start: 29 } },
      { id: 1, cellular: { useExternalAntenna: true } },
      { id: 9, enable: true },
    ]
    for (const entry of bad) {
      const r = await update(a, entry)
      expect(r.stat, JSON.stringify(entry)).toBe('fail')
      expect(r.message).toBeTruthy()
    }
    const ok = await update(a, { id: 1, physical: { mtu: 1400, mss: 1360, vlan: 20 }, healthcheck: { enable: true, method: { type: 'ping', detail: { host: ['1.1.1.1'] } }, timeout: 500 } })
    expect(ok.stat).toBe('ok')
    expect(ok.notice).toEqual({ status: 'beta' })
    expect(ok.response['1'].physical).toMatchObject({ mtu: 1400, mss: 1360, vlan: 20 })
    expect(ok.response.order).toEqual([1])
  })

  it('stages changes until cmd.config.apply (with a warning when disabling a WAN); discard drops them', async () => {
    api = await adminApi()
    const a = api
    await update(a, { id: 1, name: 'Fibre', physical: { mtu: 1480 } })
    expect(a.em.state.pending?.changed).toContain('WAN')
    let wan1 = (await a.get('status.wan.connection', 'id=1')).response['1']
    expect(wan1.name).toBe('WAN')
    expect((await a.post('cmd.config.apply')).response).toBeUndefined()
    wan1 = (await a.get('status.wan.connection', 'id=1')).response['1']
    expect(wan1).toMatchObject({ name: 'Fibre', mtu: 1480 })
    await update(a, { id: 3, enable: false })
    const applied = await a.post('cmd.config.apply')
    expect(applied.response.warning).toMatch(/Wi-Fi WAN/)
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Disabled')
    await update(a, { id: 1, name: 'Temp' })
    expect((await a.post('cmd.config.discard')).stat).toBe('ok')
    expect(a.em.state.pending).toBeNull()
    expect((await a.get('status.wan.connection', 'id=1')).response['1'].name).toBe('Fibre')
  })

  it('cellular carrierSelection null goes back to automatic on apply', async () => {
    api = await adminApi()
    const cs = api.em.state.wans[1].kind === 'cellular' ? api.em.state.wans[1].cellular : null
    if (!cs) throw new Error('no cellular')
    cs.sims[1].selectedCarrier = { mcc: '454', mnc: '03', pcs: 0 }
    expect((await update(api, { id: 2, cellular: { sim: [{ id: 1, carrierSelection: null }] } })).stat).toBe('ok')
    await api.post('cmd.config.apply')
    expect(cs.sims[1].selectedCarrier).toBeNull()
  })

  it('priority: instantActive applies now, otherwise pending', async () => {
    api = await adminApi()
    const a = api
    const now = await a.post('config.wan.connection.priority', { instantActive: true, list: [{ connId: 2, priority: 1 }] })
    expect(now.response).toEqual({ '2': { name: 'Cellular', priority: 1, enable: true }, order: [2] })
    expect((await a.get('status.wan.connection', 'id=2')).response['2'].priority).toBe(1)
    await a.post('config.wan.connection.priority', { list: [{ connId: 3, priority: 4 }] })
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].priority).toBe(3)
    await a.post('cmd.config.apply')
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].priority).toBe(4)
    expect((await a.post('config.wan.connection.priority', { list: [{ connId: 3, priority: 9 }] })).stat).toBe('fail')
  })
})

describe('emulator: device config', () => {
  it('SSID profiles: id filter in any spelling, key validation, staged update', async () => {
    api = await adminApi()
    const a = api
    expect((await a.get('config.ssid.profile', 'id=2')).response.order).toEqual([2])
    expect((await a.get('config.ssid.profile', 'id=1,2')).response.order).toEqual([1, 2])
    expect((await a.post('config.ssid.profile', { action: 'update', id: 1, security: { wpa2Personal: { key: 'short' } } })).stat).toBe('fail')
    expect((await a.post('config.ssid.profile', { action: 'update', id: '1', security: { wpa2Personal: { key: 'z'.repeat(64) } } })).stat).toBe('fail')
    const ok = await a.post('config.ssid.profile', { action: 'update', id: '1', enable: true, security: { wpa2Personal: { key: 'thisIsNewPassword' } } })
    expect(ok.response['1'].security).toEqual({ policy: 'WPA2 Personal', wpa2Personal: { fastTransition: true, key: 'thisIsNewPassword' } })
    expect(a.em.state.ssidProfiles[0].security.key).toBe('fieldkit-main-2024')
    await a.post('cmd.config.apply')
    expect(a.em.state.ssidProfiles[0].security.key).toBe('thisIsNewPassword')
    expect((await a.post('config.ssid.profile', { action: 'update', id: 2, security: { wpaWpa2Personal: { key: 'ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789' } } })).stat).toBe('ok')
  })

  it('GPIO: empty list reads, reference map, validation of type/mode/delay', async () => {
    api = await adminApi()
    const a = api
    const cur = await a.post('config.gpio', { list: [], reference: true })
    expect(cur.response.order).toEqual([1, 2])
    expect(cur.response.reference['1'].type).toEqual(['digital_input', 'digital_output'])
    expect((await a.post('config.gpio', { list: [{ id: 1, type: 'analog_input', mode: 'input_sensing' }] })).stat).toBe('fail')
    expect((await a.post('config.gpio', { list: [{ id: 2, type: 'digital_input', mode: 'input_sensing', delay: 0 }] })).stat).toBe('fail')
    expect((await a.post('config.gpio', { list: [{ id: 1, type: 'digital_output', mode: 'wan_status', delay: 3 }] })).stat).toBe('fail')
    const ok = await a.post('config.gpio', { list: [{ id: 1, enable: true, type: 'digital_output', mode: 'toggle_high' }, { id: 2, enable: true, type: 'digital_input', mode: 'input_sensing', delay: 3 }] })
    expect(ok.response).toMatchObject({ '1': { enable: true, type: 'digital_output', mode: 'toggle_high' }, '2': { delay: 3 }, order: [1, 2] })
  })

  it('cmd.ap reads and switches the AP; PoE fails on the BR1', async () => {
    api = await adminApi()
    expect((await api.get('cmd.ap')).response).toEqual({ support: true, enable: true, wanDependent: false })
    expect((await api.post('cmd.ap', { enable: false })).response.enable).toBe(false)
    const poe = await api.post('cmd.port.poe.enable', { port: 1 })
    expect(poe.stat).toBe('fail')
    expect(poe.code).toBeUndefined()
  })

  it('balance-380: PoE by number, object or list; no AP, no GPIO, no GPS; VLAN LAN profiles', async () => {
    api = await adminApi({ model: 'balance-380' })
    const a = api
    expect((await a.post('cmd.port.poe.enable', { port: [2, { id: 1, moduleType: 'E8', moduleId: 2 }] })).stat).toBe('ok')
    expect(a.em.state.poe?.find((p) => p.id === 2)?.poe).toBe(true)
    expect((await a.post('cmd.port.poe.disable', { port: { id: 2 } })).stat).toBe('ok')
    expect((await a.post('cmd.port.poe.enable', { port: 4 })).message).toMatch(/does not support PoE/)
    expect((await a.post('cmd.port.poe.enable', { port: 3 })).message).toMatch(/must be enabled/)
    expect((await a.get('cmd.ap')).response).toEqual({ support: false })
    expect((await a.post('config.gpio', { list: [] })).message).toBe('Unsupported request')
    expect((await a.get('info.location')).message).toBe('Unsupported request')
    expect(await a.get('cmd.carrier.scan', 'connId=2&reference=yes')).toEqual({ stat: 'fail' })
    const lan = await a.get('status.lan.profile', 'id=0 2')
    expect(lan.response).toEqual({ '0': { ip: '10.6.1.1', mask: 16 }, '2': { name: 'Voice', ip: '10.20.0.1', vlanId: 20, mask: 24 }, order: [0, 2] })
    const wans = (await a.get('status.wan.connection')).response
    expect(wans.order).toEqual([1, 2, 3])
    expect([1, 2, 3].map((i) => wans[String(i)].type)).toEqual(['ethernet', 'ethernet', 'ethernet'])
  })

  it('status.client filters and malformed JSON bodies', async () => {
    api = await adminApi({ model: 'balance-380' })
    const a = api
    expect((await a.get('status.client', 'vlanId=10')).response.list.map((c: { name: string }) => c.name)).toEqual(['desk-21'])
    expect((await a.get('status.client', 'activeOnly=yes&connectionType=ethernet pevpn&size=2')).response.list).toHaveLength(2)
    expect((await a.get('status.client', 'infoType=mac,name')).response.list[0]).toEqual({ name: 'file-server', mac: 'E4:25:E7:8A:D3:50' })
    const raw = await a.raw('/api/cmd.ap', { method: 'POST', body: '{"enable": tru' })
    expect(raw.status).toBe(200)
    expect(JSON.parse(raw.text)).toMatchObject({ stat: 'fail', message: expect.stringMatching(/JSON/) })
  })
})
