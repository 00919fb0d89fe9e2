/**
 * Snapshot factory for the diagnosis tests: a healthy BR1-like router (WAN 1 Ethernet
 * connected, WAN 2 cellular on SIM A with good signal, WAN 3 Wi-Fi WAN connected) that
 * each test breaks in one place.
 */
import type { Snapshot } from '../../../src-main/diagnosis/types'
import type { Wan } from '../../../src-main/peplink/model'
import { wanState } from '../../../src-main/peplink/normalize/wan-status'

const BAND = { name: 'LTE Band 3 (1800 MHz)', channel: 1300, channelWidth: '20 MHz', rssi: -65, rsrp: -85, rsrq: -9, sinr: 15 }

/** A snapshot where every check passes. */
export function healthy(): Snapshot {
  return {
    takenAt: '2025-03-01T10:00:00.000Z',
    firmware: '8.1.1 build 5121',
    wans: [
      { id: 1, name: 'WAN', type: 'ethernet', rawType: 'ethernet', enable: true, statusLed: 'green', message: 'Connected', state: 'connected', connected: true, priority: 1, ip: '203.0.113.10', mask: 24, gateway: '203.0.113.1', method: 'dhcp', extra: {} },
      {
        id: 2, name: 'Cellular', type: 'cellular', rawType: 'cellular', enable: true, statusLed: 'green', message: 'Connected', state: 'connected', connected: true, priority: 2, ip: '10.64.1.2',
        allowanceMonitor: { enable: true, action: ['email'], start: 1, monthlyAllowance: { value: 10, unit: 'GB' } },
        cellular: {
          carrier: { name: 'Vodafone UK', country: 'GB' }, mcc: '234', mnc: '15', mobileType: 'LTE', dataTechnology: 'LTE-A',
          roaming: { code: 1, message: 'Home', roaming: false }, signalLevel: 4,
          sims: [
            { id: 1, detected: true, active: true, status: 'In Use', iccid: '89441000303456789012', imsi: '234150123456789', apn: 'internet', autoApn: true, hasApnPassword: false, channelPciLock: null },
            { id: 2, detected: false, active: false, status: 'No SIM Card Detected', hasApnPassword: false },
          ],
          activeSimId: 1,
          bands: [{ ...BAND }],
          extra: {},
        },
        extra: {},
      },
      { id: 3, name: 'Wi-Fi WAN', type: 'wifi', rawType: 'wireless', enable: true, statusLed: 'green', message: 'Connected', state: 'connected', connected: true, priority: 3, ip: '192.168.20.5', wifi: { ssid: 'Site-Office', bssid: 'AA:BB:CC:00:11:22', signalStrength: -58, signalLevel: 4 }, extra: {} },
    ],
    signal: [
      { id: 2, virtualType: 'cellular', signalLevel: 4, bands: [{ ...BAND }], activeSim: { carrierName: 'Vodafone UK', network: 'LTE' } },
      { id: 3, virtualType: 'wifi', signalLevel: 4, bands: [], wifi: { ssid: 'Site-Office', signalStrength: -58, signalLevel: 4 } },
    ],
    allowance: [{ wanKey: '2', wanId: 2, entries: [{ simId: 1, enable: true, usage: 2048, limit: 10240, percent: 20, start: 1, unit: 'MB' }, { simId: 2, enable: false }] }],
    simSelections: [{ wanId: 2, selection: { enabledSims: [1], preferredSim: 1, derived: false } }],
    wifiResults: [{ wanId: 3, result: { result: 'CONNECTED', ssid: 'Site-Office', bssid: 'AA:BB:CC:00:11:22', securityPolicy: 'wpa-psk', timestamp: 1740822000 } }],
    carrierSelections: [{ wanId: 2, simId: 1, selected: null }],
    pciLocksApplied: [],
    pepvpn: {
      profiles: [{ id: 1, name: 'HQ', status: 'CONNECTED', peerCount: 1 }],
      peers: [{ peerId: 'p1', name: 'HQ Balance', status: 'CONNECTED', profileId: 1, extra: {} }],
      tunnels: [],
    },
    location: { gps: true, latitude: 51.507351, longitude: -0.127758, altitude: 21 },
    firmwareInfo: { running: '8.1.1 build 5121', slots: [{ id: 1, version: '8.1.1 build 5121', inUse: true, bootable: true }] },
    clients: { total: 5, active: 3 },
    gaps: [],
  }
}

/** A healthy snapshot changed by `fn` (which may mutate its copy). */
export function snap(fn: (s: Snapshot) => void = () => undefined): Snapshot {
  const s = healthy()
  fn(s)
  return s
}

/** The WAN with this id (throws if absent, so a typo fails loudly). */
export function wan(s: Snapshot, id: number): Wan {
  const w = s.wans.find((x) => x.id === id)
  if (!w) throw new Error(`no WAN ${id}`)
  return w
}

/** The cellular detail of WAN 2. */
export function cell(s: Snapshot) {
  return wan(s, 2).cellular!
}

/** Takes WAN `id` down with a message, as the router reports it. */
export function down(s: Snapshot, id: number, message: string, led = 'red'): void {
  const w = wan(s, id)
  Object.assign(w, { connected: false, state: wanState({ enable: w.enable, message, statusLed: led }), message, statusLed: led })
  delete w.ip
}

/** Sets the serving band's signal on WAN 2 in both the status and the signal report. */
export function signal(s: Snapshot, values: { rsrp?: number; rsrq?: number; sinr?: number }): void {
  Object.assign(cell(s).bands[0]!, values)
  Object.assign(s.signal[0]!.bands[0]!, values)
}
