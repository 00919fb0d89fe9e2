import { describe, expect, it } from 'vitest'
import { normalizeCarrierScan, normalizeChannelPciScan } from '../../../src-main/peplink/normalize'
import { normalizeWanStatus } from '../../../src-main/peplink/normalize'

describe('scan answers: what a router adds beyond the reference is kept', () => {
  it('a carrier\'s availability and signal, as a word or the modem\'s number', () => {
    const s = normalizeCarrierScan({
      scanStatus: 'done',
      list: [
        { name: 'A', mcc: '454', mnc: '00', mobileType: 'LTE', status: 'current', signal: { rsrp: -84.000001, level: 5 } },
        { name: 'B', mcc: '454', mnc: '16', mobileType: 'LTE', status: 3 },
        { name: 'C', mcc: '454', mnc: '06', mobileType: 'LTE' },
      ],
    })
    expect(s.carriers).toEqual([
      { name: 'A', mcc: '454', mnc: '00', mobileType: 'LTE', availability: 'current', rsrp: -84, signalLevel: 5 },
      { name: 'B', mcc: '454', mnc: '16', mobileType: 'LTE', availability: 'forbidden' },
      { name: 'C', mcc: '454', mnc: '06', mobileType: 'LTE' },
    ])
  })

  it('a cell\'s band and RSRP/RSRQ, flat or under signal', () => {
    const s = normalizeChannelPciScan({
      scanStatus: 'done',
      list: [
        { pci: 77, earfcn: 1350, plmn: [{ mcc: '454', mnc: '00' }], band: 'LTE Band 3 (1800 MHz)', rsrp: -84, rsrq: -9.0000001 },
        { pci: 140, earfcn: 1450, plmn: [{ mcc: '454', mnc: '06' }], signal: { rsrp: '-86', rsrq: -10 } },
        { pci: 12, earfcn: 9360, plmn: [] },
      ],
    })
    expect(s.cells).toEqual([
      { pci: 77, earfcn: 1350, plmn: [{ mcc: '454', mnc: '00' }], band: 'LTE Band 3 (1800 MHz)', rsrp: -84, rsrq: -9 },
      { pci: 140, earfcn: 1450, plmn: [{ mcc: '454', mnc: '06' }], rsrp: -86, rsrq: -10 },
      { pci: 12, earfcn: 9360, plmn: [] },
    ])
  })

  it('a SIM\'s channel/PCI lock: a lock, "no lock" (null), or not reported', () => {
    const [w] = normalizeWanStatus({
      '2': {
        name: 'Cellular', enable: true, type: 'cellular', message: 'Connected', statusLed: 'green', ip: '10.0.0.2',
        cellular: { sim: { '1': { active: true, simCardDetected: true, channelPciLock: { channel: 3000, pci: 371 } }, '2': { active: false, simCardDetected: true, channelPciLock: null }, '3': { active: false, simCardDetected: false } } },
      },
      order: [2],
    })
    expect(w!.cellular!.sims.map((s) => s.channelPciLock)).toEqual([{ channel: 3000, pci: 371 }, null, undefined])
  })
})
