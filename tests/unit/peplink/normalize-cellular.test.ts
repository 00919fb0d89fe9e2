import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import {
  normalizeAllowance, normalizeCarrierScan, normalizeChannelPciScan, normalizeSignal, normalizeSimSelection,
  normalizeSms, normalizeUssd,
} from '../../../src-main/peplink/normalize'
import { allowanceAnswer, carrierScanReference, smsReference } from './normalize-fixtures'

describe('normalizeSignal (status.wan.connection.signal)', () => {
  const reference = {
    '1': { band: [{ name: 'LTE Band 7 (2600 MHz)', signal: { rssi: -60, sinr: 9, rsrp: -101 } }] },
    '2': {
      band: [
        { name: 'LTE Band 7 (2600 MHz)', signal: { rssi: -90, sinr: 6.6, rsrp: -100, rsrq: -3 } },
        { name: 'LTE Band 7 (3500 MHz)', signal: { rssi: -55 } },
      ],
    },
    order: [1, 2],
  }

  it('reads the reference example', () => {
    expect(normalizeSignal(reference)).toEqual([
      { id: 1, bands: [{ name: 'LTE Band 7 (2600 MHz)', rssi: -60, sinr: 9, rsrp: -101 }] },
      { id: 2, bands: [{ name: 'LTE Band 7 (2600 MHz)', rssi: -90, sinr: 6.6, rsrp: -100, rsrq: -3 }, { name: 'LTE Band 7 (3500 MHz)', rssi: -55 }] },
    ])
  })

  it('reads the table\'s `rsi` the same as `rssi`', () => {
    const rsi = JSON.parse(JSON.stringify(reference).replaceAll('"rssi"', '"rsi"'))
    expect(normalizeSignal(rsi)).toEqual(normalizeSignal(reference))
  })

  it('reads Wi-Fi and cellular reports with their reference information, and skips null WANs', () => {
    const out = normalizeSignal({
      '1': null,
      '2': { virtualType: 'wireless', wifi: { ssid: 'Site', securityPolicy: 'wpa-psk' }, signal: { strength: -61, level: 4 } },
      '3': { virtualType: 'gobi', activeSim: { carrierName: 'CSL', network: 'LTE' }, signalLevel: 3, band: [] },
      order: [1, 2, 3],
    })
    expect(out).toEqual([
      { id: 2, virtualType: 'wifi', signalLevel: 4, bands: [], wifi: { ssid: 'Site', securityPolicy: 'wpa-psk', signalStrength: -61, signalLevel: 4 } },
      { id: 3, virtualType: 'cellular', signalLevel: 3, bands: [], activeSim: { carrierName: 'CSL', network: 'LTE' } },
    ])
  })

  it('throws ProtocolError for a non-object', () => {
    expect(() => normalizeSignal([])).toThrow(ProtocolError)
  })
})

describe('normalizeAllowance', () => {
  it('reads per-SIM and single allowances in order, keeping name keys like vwan5', () => {
    expect(normalizeAllowance(allowanceAnswer())).toEqual([
      { wanKey: '4', wanId: 4, entries: [{ simId: 1, enable: true, usage: 300, limit: 1024, percent: 29, start: 0, unit: 'MB' }, { simId: 2, enable: false }] },
      { wanKey: '1', wanId: 1, entries: [{ enable: true, usage: 5, limit: 1024, percent: 0, start: 1, unit: 'MB' }] },
      { wanKey: 'vwan5', entries: [{ enable: true, usage: 12, limit: 100, percent: 12, start: 15, unit: 'MB' }] },
    ])
  })

  it('reads the reference example (a cellular WAN keyed by SIM)', () => {
    const out = normalizeAllowance({ '1': { '1': { enable: true, usage: 5, limit: 1024, percent: 0, start: 1, unit: 'MB' } }, order: [1] })
    expect(out).toEqual([{ wanKey: '1', wanId: 1, entries: [{ simId: 1, enable: true, usage: 5, limit: 1024, percent: 0, start: 1, unit: 'MB' }] }])
  })

  it('keeps entries the order list leaves out', () => {
    const { order: _o, ...rest } = allowanceAnswer()
    expect(normalizeAllowance({ ...rest, order: [1] }).map((a) => a.wanKey)).toEqual(['1', '4', 'vwan5'])
  })
})

describe('normalizeCarrierScan', () => {
  it('reads the reference example', () => {
    expect(normalizeCarrierScan(carrierScanReference())).toEqual({
      status: 'scanning',
      carriers: [
        { name: '.csl', mobileType: 'LTE', mcc: '454', mnc: '0', pcs: 0 },
        { name: 'SMT HK', mobileType: 'LTE', mcc: '454', mnc: '6', pcs: 0 },
      ],
      activeSimId: 1,
      selectedCarrier: null,
    })
  })

  it('reads `selectedCarrier` (table) and `cellularNetwork` (example) the same', () => {
    const chosen = { name: 'CSL', mcc: '454', mnc: '02', pcs: 0 }
    const a = { ...carrierScanReference(), scanStatus: 'done', timestamp: 1577836800, reference: { activeSim: { simId: 2, selectedCarrier: chosen } } }
    const b = { ...carrierScanReference(), scanStatus: 'done', timestamp: 1577836800, reference: { activeSim: { simId: '2', cellularNetwork: chosen } } }
    expect(normalizeCarrierScan(a)).toEqual(normalizeCarrierScan(b))
    expect(normalizeCarrierScan(a)).toMatchObject({ status: 'done', timestamp: 1577836800, activeSimId: 2, selectedCarrier: { mnc: '02' } })
    const nullA = { ...carrierScanReference(), reference: { activeSim: { simId: 1, selectedCarrier: null } } }
    expect(normalizeCarrierScan(nullA)).toEqual(normalizeCarrierScan(carrierScanReference()))
  })

  it('reports no active SIM as null and leaves out carriers it could not select', () => {
    const out = normalizeCarrierScan({ scanStatus: 'done', list: [{ name: 'No code' }, 'junk', { name: 'X', mcc: 454, mnc: '12' }], reference: { activeSim: null } })
    expect(out).toEqual({ status: 'done', carriers: [{ name: 'X', mcc: '454', mnc: '12' }], activeSimId: null })
  })

  it('throws ProtocolError for answers that are not a scan', () => {
    expect(() => normalizeCarrierScan({})).toThrow(ProtocolError)
    expect(() => normalizeCarrierScan('scanning')).toThrow(/^cmd\.carrier\.scan answered in a shape/)
  })
})

describe('normalizeChannelPciScan', () => {
  it('reads the reference example, keeping mnc "00"', () => {
    const out = normalizeChannelPciScan({ scanStatus: 'scanning', timestamp: 1577836800, list: [{ pci: 371, earfcn: 3000, cellUtranId: 23574039, plmn: [{ mcc: '454', mnc: '00' }] }] })
    expect(out).toEqual({ status: 'scanning', timestamp: 1577836800, cells: [{ pci: 371, earfcn: 3000, cellUtranId: 23574039, plmn: [{ mcc: '454', mnc: '00' }] }] })
  })
})

describe('normalizeSimSelection (cmd.wan.cellular)', () => {
  it('reads the reference example, numbers or strings alike', () => {
    const expected = { enabledSims: [1, 2], preferredSim: 1 }
    expect(normalizeSimSelection({ enabledSim: [1, 2], preferredSim: 1 })).toEqual(expected)
    expect(normalizeSimSelection({ enabledSim: ['1', '2'], preferredSim: '1' })).toEqual(expected)
  })

  it('reads "no preference" as null', () => {
    expect(normalizeSimSelection({ enabledSim: [2], preferredSim: null })).toEqual({ enabledSims: [2], preferredSim: null })
  })

  it('reads 8.3.0 simPriority, whose first SIM is the preferred one', () => {
    expect(normalizeSimSelection({ simPriority: ['2', '1', 'remoteSim'] })).toEqual({ enabledSims: [2, 1], preferredSim: 2, priority: ['2', '1', 'remoteSim'] })
  })

  it('throws ProtocolError without any SIM list', () => {
    expect(() => normalizeSimSelection({ preferredSim: 1 })).toThrow(ProtocolError)
  })
})

describe('normalizeSms (cmd.sms.get)', () => {
  it('flattens the reference example', () => {
    expect(normalizeSms(smsReference())).toEqual({
      connId: 6,
      simId: 1,
      messages: [
        { id: 1, sender: '988', date: 'Feb 17 13:55', timestamp: 1581774925, length: 50, text: 'The is the 1st line SMS,\nand this is the 2nd line.' },
        { id: 2, sender: '+81325359875', date: 'Feb 05 01:55', timestamp: 1580867113, length: 24, text: 'Multipart message part 1' },
        { id: 6, sender: '+81325359875', date: 'Feb 05 01:55', timestamp: 1580867113, length: 24, text: 'Multipart message part 2' },
      ],
    })
  })

  it('reads `content` with a numeric length the same as `message` with a string length', () => {
    const table = smsReference()
    for (const g of table.sms) for (const m of g.message as any[]) { m.content = m.message; delete m.message; m.length = Number(m.length) }
    expect(normalizeSms({ ...table, connId: '6' })).toEqual(normalizeSms(smsReference()))
  })

  it('takes connId from the caller when the answer omits it, else throws ProtocolError', () => {
    const { connId: _c, ...rest } = smsReference()
    expect(normalizeSms(rest, 6).connId).toBe(6)
    expect(() => normalizeSms(rest)).toThrow(ProtocolError)
  })
})

describe('normalizeUssd', () => {
  it('reads the reference example and an empty answer', () => {
    expect(normalizeUssd({ message: 'Request is sent successfully' })).toEqual({ message: 'Request is sent successfully' })
    expect(normalizeUssd(undefined)).toEqual({ message: '' })
  })

  it('names the endpoint it is given in errors', () => {
    expect(() => normalizeUssd([1], 'cmd.sim.ussd.send')).toThrow(/^cmd\.sim\.ussd\.send answered/)
  })
})
