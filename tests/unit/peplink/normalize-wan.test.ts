import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import type { Wan } from '../../../src-main/peplink/model'
import { normalizeWanStatus, signalReportsFromWans } from '../../../src-main/peplink/normalize'
import { ALL_CELLULAR_VARIANTS, cellularWanAnswer, SECRETS, wanStatusReference } from './normalize-fixtures'

/** rawType is the one field that keeps the router's spelling on purpose. */
const withoutRawType = (w: Wan[]) => w.map((x) => ({ ...x, rawType: '' }))

describe('normalizeWanStatus: the reference example', () => {
  const wans = normalizeWanStatus(wanStatusReference())

  it('lists the WANs in order with numeric ids', () => {
    expect(wans.map((w) => [w.id, w.name])).toEqual([[1, 'CUST WAN 1'], [2, 'WAN2']])
  })

  it('reads a connected Ethernet WAN fully', () => {
    expect(wans[0]).toEqual({
      id: 1, name: 'CUST WAN 1', type: 'ethernet', rawType: 'ethernet', virtualType: 'ethernet',
      enable: true, statusLed: 'green', message: 'Connected', state: 'connected', connected: true, uptime: 27037017,
      priority: 0, ip: '192.168.123.144', mask: 24, gateway: '12.23.34.0', dns: ['12.22.32.12', '12.34.67.89'],
      method: 'dhcp', routingMode: 'NAT', mtu: 576, asLan: false, extra: {},
    })
  })

  it('a WAN with no cable and no IP is not connected', () => {
    expect(wans[1]).toMatchObject({ statusLed: 'red', message: 'No Cable Detected', connected: false, routingMode: 'IP Forwarding' })
    expect(wans[1]!.ip).toBeUndefined()
  })
})

describe('normalizeWanStatus: a cellular WAN, every firmware spelling', () => {
  const base = normalizeWanStatus(cellularWanAnswer(ALL_CELLULAR_VARIANTS[0]!))

  it('normalises all 64 combinations of the documented variants to the same model', () => {
    for (const v of ALL_CELLULAR_VARIANTS) {
      expect(withoutRawType(normalizeWanStatus(cellularWanAnswer(v))), JSON.stringify(v)).toEqual(withoutRawType(base))
    }
  })

  it('keeps the raw type spelling (gobi before 8.0.1, cellular after) in rawType only', () => {
    const gobi = normalizeWanStatus(cellularWanAnswer({ ...ALL_CELLULAR_VARIANTS[0]!, kind: 'gobi' }))[0]!
    const cell = normalizeWanStatus(cellularWanAnswer({ ...ALL_CELLULAR_VARIANTS[0]!, kind: 'cellular' }))[0]!
    expect([gobi.type, gobi.rawType, gobi.virtualType]).toEqual(['cellular', 'gobi', 'cellular'])
    expect([cell.type, cell.rawType]).toEqual(['cellular', 'cellular'])
  })

  it('reads the cellular detail as the technician needs it', () => {
    const w = normalizeWanStatus(cellularWanAnswer({ kind: 'cellular', bands: 'rat', rssiKey: 'rssi', sim: 'booleans', net: 'mobileType', numbers: 'messy' }))[0]!
    expect(w).toMatchObject({ id: 4, connected: true, uptime: 3600, mask: 30 })
    const c = w.cellular!
    expect(c).toMatchObject({
      carrier: { name: 'CSL', country: 'Hong Kong' }, mcc: '454', mnc: '02', mobileType: 'LTE', dataTechnology: 'LTE-A',
      roaming: { code: 1, message: 'home', roaming: false }, signalLevel: 4, carrierAggregation: false,
      imei: '356789012345678', mode: 'LTE', activeSimId: 1, cellTower: { cellId: 123456, cellPlmn: 45402, tac: 1234 },
    })
    expect(c.bands).toEqual([
      { name: 'LTE Band 3 (1800 MHz)', channel: 1350, channelWidth: '20 MHz', rssi: -71, sinr: 19.4, rsrp: -101, rsrq: -11 },
      { name: 'WCDMA Band 1 (2100 MHz)', channel: 10700, channelWidth: '5 MHz', rssi: -80, ecio: -6.5, rscp: -87 },
    ])
    expect(c.sims).toEqual([
      { id: 1, detected: true, active: true, status: 'In Use', iccid: '8985200001234567890', imsi: '454001234567890', apn: 'internet', apnUsername: 'web', autoApn: true, mtn: '85291234567', hasApnPassword: true },
      { id: 2, detected: false, active: false, status: 'No SIM Card Detected', autoApn: true, hasApnPassword: false },
    ])
    expect(c.remoteSim).toEqual({ imsi: '454009999', serialNumber: '1111-2222-3333', slot: 1, autoApn: false, apn: 'r', apnUsername: 'ru', hasApnPassword: true })
  })

  it('models the fields real routers add, and keeps the rest in extra', () => {
    const w = base[0]!
    expect(w).toMatchObject({ managementOnly: false, portId: 4, reading: { timestamp: 1700000000 } })
    expect(w.cellular!.module).toMatchObject({ powerOn: true })
    expect(w.extra).toEqual({ gatewayUrl: 'http://x' })
  })

  it('never copies APN passwords', () => {
    const out = JSON.stringify(normalizeWanStatus(cellularWanAnswer(ALL_CELLULAR_VARIANTS[5]!)))
    expect(out).not.toContain(SECRETS.apnPassword)
    expect(out).not.toContain(SECRETS.remoteSimPassword)
  })

  it('reads "SIM Card Detected" as present but idle, and keeps unknown status text', () => {
    const answer = cellularWanAnswer(ALL_CELLULAR_VARIANTS[0]!) as any
    answer['4'].gobi.sim['2'] = { status: 'SIM Card Detected' }
    answer['4'].gobi.sim['3'] = { status: 'PIN Locked', iccid: '89852' }
    answer['4'].gobi.sim.order = [1, 2, 3]
    const sims = normalizeWanStatus(answer)[0]!.cellular!.sims
    expect(sims[1]).toMatchObject({ id: 2, detected: true, active: false, status: 'SIM Card Detected' })
    expect(sims[2]).toMatchObject({ id: 3, detected: true, active: false, status: 'PIN Locked' })
  })
})

describe('normalizeWanStatus: answer layouts', () => {
  it('reads 8.5.x answers with connection[] beside the map, or alone, the same as the map', () => {
    const map = wanStatusReference()
    const items = [{ id: 1, ...map['1'] }, { id: 2, ...map['2'] }]
    const expected = normalizeWanStatus(map)
    const stamped = normalizeWanStatus({ ...map, connection: items, timestamp: 5, reportTimestamp: 2 })
    expect(stamped.map((w) => w.reading)).toEqual([{ timestamp: 5, reportTimestamp: 2, ageSeconds: 3 }, { timestamp: 5, reportTimestamp: 2, ageSeconds: 3 }])
    expect(stamped.map(({ reading: _r, ...w }) => w)).toEqual(expected)
    expect(normalizeWanStatus({ connection: items, order: [1, 2] })).toEqual(expected)
    expect(normalizeWanStatus({ connection: [items[1], items[0]] })).toEqual(expected)
    expect(normalizeWanStatus(items)).toEqual(expected)
  })

  it('falls back to numeric id order without an order list', () => {
    const { order: _o, ...map } = wanStatusReference()
    const a = normalizeWanStatus({ '10': map['1'], '2': map['2'] })
    expect(a.map((w) => w.id)).toEqual([2, 10])
    expect(normalizeWanStatus({ ...wanStatusReference(), order: [2, 1] }).map((w) => w.id)).toEqual([2, 1])
  })

  it('an empty order is an answer with no WANs', () => {
    expect(normalizeWanStatus({ order: [] })).toEqual([])
  })

  it.each([
    ['a string', 'Unauthorized'],
    ['null', null],
    ['an empty object', {}],
    ['a number', 42],
  ])('throws ProtocolError for %s', (_label, raw) => {
    expect(() => normalizeWanStatus(raw)).toThrow(ProtocolError)
    expect(() => normalizeWanStatus(raw)).toThrow(/^status\.wan\.connection answered in a shape Uplink does not recognise: /)
  })

  it('drops malformed optional fields instead of failing', () => {
    const w = normalizeWanStatus({ '1': { name: 7, enable: 'yes', ip: 5, mask: 'wide', dns: 'x', priority: {}, statusLed: 'GREEN', message: 'Connected' }, order: [1] })[0]!
    expect(w).toMatchObject({ id: 1, name: '7', enable: true, statusLed: 'green', dns: ['x'], connected: false })
    expect(w.mask).toBeUndefined()
    expect(w.priority).toBeUndefined()
  })

  it('reads a Wi-Fi WAN and a USB modem WAN', () => {
    const wans = normalizeWanStatus({
      '2': { name: 'Wi-Fi WAN', type: 'wireless', enable: true, statusLed: 'green', message: 'Connected', ip: '10.1.1.2', wireless: { ssid: 'Site', bssid: 'A2:E5:B8:55:89:DF', signal: { strength: -68, level: 3 } } },
      '3': { name: 'USB', type: 'modem', enable: true, statusLed: 'yellow', message: 'Connecting...', modem: { name: 'E3372', vendorId: 4817, manufacturer: 'Huawei', carrier: { name: 'CSL' }, signalLevel: 2, network: '3G', imsi: '4540', apn: 'internet', username: 'u', password: SECRETS.modemPassword, band: [{ name: 'WCDMA', signal: { rsi: -90, rsrp: -110 } }] } },
      order: [2, 3],
    })
    expect(wans[0]).toMatchObject({ type: 'wifi', connected: true, wifi: { ssid: 'Site', bssid: 'A2:E5:B8:55:89:DF', signalStrength: -68, signalLevel: 3 } })
    expect(wans[1]).toMatchObject({ type: 'modem', connected: false, cellular: { mobileType: '3G', signalLevel: 2, sims: [], bands: [{ name: 'WCDMA', rssi: -90, rsrp: -110 }], modem: { name: 'E3372', vendorId: 4817, manufacturer: 'Huawei', imsi: '4540', apn: 'internet', apnUsername: 'u', hasApnPassword: true } } })
    expect(JSON.stringify(wans)).not.toContain(SECRETS.modemPassword)
  })

  it('maps unknown types to other and keeps a disabled WAN without priority', () => {
    const w = normalizeWanStatus({ '5': { name: 'X', type: 'vdsl', enable: false, statusLed: 'gray', message: 'Disabled' }, order: [5] })[0]!
    expect(w).toMatchObject({ type: 'other', rawType: 'vdsl', enable: false, connected: false })
    // No priority for a disabled WAN: undefined in the model, absent from its JSON (CLI, IPC).
    expect(w.priority).toBeUndefined()
    expect(JSON.parse(JSON.stringify(w))).not.toHaveProperty('priority')
  })

  it('keeps secrets out of extra even when they arrive in unknown fields', () => {
    const w = normalizeWanStatus({ '1': { name: 'A', pppoe: { username: 'u', password: 'pppoe-pw-99' } }, order: [1] })[0]!
    expect(w.extra).toEqual({ pppoe: { username: 'u', hasPassword: true } })
  })
})

describe('signalReportsFromWans (8.5.2 has no status.wan.connection.signal)', () => {
  it('derives the same kind of report from the WAN status', () => {
    const wans = normalizeWanStatus(cellularWanAnswer(ALL_CELLULAR_VARIANTS[0]!))
    const [r] = signalReportsFromWans([...wans, ...normalizeWanStatus(wanStatusReference())])
    expect(r).toEqual({ id: 4, virtualType: 'cellular', signalLevel: 4, bands: wans[0]!.cellular!.bands, activeSim: { carrierName: 'CSL', network: 'LTE' }, reading: wans[0]!.reading })
  })
})
