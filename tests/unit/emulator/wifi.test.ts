import { afterEach, describe, expect, it } from 'vitest'
import { adminApi, fakeClock, poll, type Api } from './helpers'

let api: Api | null = null
afterEach(async () => {
  await api?.close()
  api = null
})

async function connectAndWait(a: Api, body: Record<string, unknown>) {
  const before = (await a.get('cmd.wifi.result', 'connId=3')).response
  expect((await a.post('cmd.wifi.connect', { connId: 3, ...body })).stat).toBe('ok')
  return poll(
    () => a.get('cmd.wifi.result', 'connId=3'),
    (r) => r.response.ssid === body.ssid && (r.response.result !== before.result || r.response.ssid !== before.ssid || r.response.timestamp !== before.timestamp),
  )
}

describe('emulator: Wi-Fi WAN', () => {
  it('scan lists >= 5 APs with status/config and sorts on request', async () => {
    api = await adminApi()
    const r = await api.get('cmd.wifi.scan', 'connId=3&infoType=status config')
    const aps = r.response
    expect(aps.length).toBeGreaterThanOrEqual(5)
    expect(aps[0]).toMatchObject({ ssid: 'Site-Office', status: { inUse: true, connected: true }, config: { profileId: 1, automatic: true } })
    expect(new Set(aps.map((x: { securityPolicy: string }) => x.securityPolicy))).toEqual(new Set(['wpa-psk', 'open', 'wep', 'wpa-eap']))
    const bySignal = (await api.get('cmd.wifi.scan', 'connId=3&sortBy=signal&sortOrder=desc')).response
    const strengths = bySignal.map((x: { signalStrength: number }) => x.signalStrength)
    expect(strengths).toEqual([...strengths].sort((x, y) => y - x))
    expect(await api.get('cmd.wifi.scan', 'connId=1')).toEqual({ stat: 'fail' })
  })

  it('connect outcomes: CONNECTED, PSK_AUTH_FAIL, EAP_AUTH_FAIL, AP_NOT_FOUND, TIMEOUT', async () => {
    api = await adminApi({ wifiConnectMs: 150 })
    const a = api
    const ok = await connectAndWait(a, { ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'pallets&forklifts' })
    expect(ok.response).toMatchObject({ result: 'CONNECTED', bssid: 'A2:E5:B8:55:8A:10', securityPolicy: 'wpa-psk' })
    const wan = (await a.get('status.wan.connection', 'id=3')).response['3']
    expect(wan.wireless).toMatchObject({ ssid: 'Warehouse-5G', bssid: 'A2:E5:B8:55:8A:10' })
    expect((await connectAndWait(a, { ssid: 'Site-Office', securityPolicy: 'wpa-psk', key: 'wrong-key-123' })).response.result).toBe('PSK_AUTH_FAIL')
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Disconnected')
    expect((await connectAndWait(a, { ssid: 'Corp-Secure', securityPolicy: 'wpa-eap', loginId: 'tech01', password: 'nope', eapMethod: 'PEAP' })).response.result).toBe('EAP_AUTH_FAIL')
    expect((await connectAndWait(a, { ssid: 'Corp-Secure', securityPolicy: 'wpa-eap', loginId: 'tech01', password: 'eapSecret!' })).response.result).toBe('CONNECTED')
    expect((await connectAndWait(a, { ssid: 'Nowhere', securityPolicy: 'open' })).response.result).toBe('AP_NOT_FOUND')
    expect((await connectAndWait(a, { ssid: 'Far-Barn', securityPolicy: 'wpa-psk', key: 'barnyard99' })).response.result).toBe('TIMEOUT')
    expect((await connectAndWait(a, { ssid: 'Guest-Open', securityPolicy: 'open' })).response.result).toBe('CONNECTED')
  })

  it('reports the previous result until the attempt is final, and Connecting... meanwhile', async () => {
    const clock = fakeClock()
    api = await adminApi({ now: clock.now, wifiConnectMs: 1500 })
    const a = api
    const previous = (await a.get('cmd.wifi.result', 'connId=3')).response
    await a.post('cmd.wifi.connect', { connId: 3, ssid: 'Guest-Open', securityPolicy: 'open' })
    clock.advance(1000)
    expect((await a.get('cmd.wifi.result', 'connId=3')).response).toEqual(previous)
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Connecting...')
    clock.advance(500)
    expect((await a.get('cmd.wifi.result', 'connId=3')).response).toMatchObject({ result: 'CONNECTED', ssid: 'Guest-Open' })
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Connected')
  })

  it('uses the saved profile key when none is given; forget removes it and disconnects', async () => {
    api = await adminApi()
    const a = api
    expect((await connectAndWait(a, { ssid: 'Guest-Open', securityPolicy: 'open' })).response.result).toBe('CONNECTED')
    // As in the reference example: a profiled SSID connects by name alone.
    expect((await connectAndWait(a, { ssid: 'Site-Office' })).response.result).toBe('CONNECTED')
    expect((await a.post('cmd.wifi.connect', { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk' })).stat).toBe('fail')
    expect((await a.post('cmd.wifi.connect', { connId: 3, ssid: 'Warehouse-5G', securityPolicy: 'wpa-psk', key: 'short' })).stat).toBe('fail')
    await a.post('cmd.wifi.forget', { connId: 3, ssid: 'Site-Office', securityPolicy: 'wpa-psk' })
    const w = a.em.state.wans[2]
    expect(w.kind === 'wifi' && w.wifi.profiles.some((p) => p.ssid === 'Site-Office')).toBe(false)
    expect((await a.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Disconnected')
    const scan = (await a.get('cmd.wifi.scan', 'connId=3&infoType=config')).response
    expect(scan.find((x: { ssid: string }) => x.ssid === 'Site-Office').config).toBeUndefined()
  })

  it('disconnect takes the Wi-Fi WAN down', async () => {
    api = await adminApi()
    await api.post('cmd.wifi.disconnect', { connId: 3 })
    expect((await api.get('status.wan.connection', 'id=3')).response['3'].message).toBe('Disconnected')
  })
})
