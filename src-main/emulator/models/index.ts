/**
 * Initial state per model. `buildDeviceState` is also what scenarios start from.
 */
import type { CellularWan, EmulatorState, ModelId, WifiWan } from '../state-types'
import { seedCellular } from './cellular-seed'
import { allowance, ethernetWan, seedAuth, seedPepvpn, wanConfig } from './common'
import { seedWifiWan } from './wifi-seed'

type DeviceState = Omit<EmulatorState, 'auth' | 'firmware' | 'bootedAt'>

/** A cellular WAN on the given id with a healthy modem. */
function cellularWan(id: number, now: number): CellularWan {
  return {
    kind: 'cellular',
    id,
    mac: '00:1A:DD:C4:20:02',
    config: wanConfig('Cellular', 2, 'cellular'),
    ip: '10.141.22.87',
    mask: 30,
    gateway: '10.141.22.86',
    dns: ['202.45.84.58', '202.45.84.59'],
    upSince: now - 3_600_000 * 5,
    allowance: allowance(10240, 0),
    traffic: { rxMb: 3120, txMb: 412 },
    cellular: seedCellular(now),
  }
}

function wifiWan(id: number, now: number): WifiWan {
  return {
    kind: 'wifi',
    id,
    mac: '00:1A:DD:C4:30:03',
    config: wanConfig('Wi-Fi WAN', 3, 'wifi'),
    ip: '192.168.8.23',
    mask: 24,
    gateway: '192.168.8.1',
    dns: ['192.168.8.1'],
    upSince: now - 3_600_000,
    allowance: allowance(51200, 120, false),
    traffic: { rxMb: 120, txMb: 30 },
    wifi: seedWifiWan(now),
  }
}

function br1(now: number): DeviceState {
  const wan1 = ethernetWan(1, 'WAN', 1, now, 1)
  return {
    model: 'br1-pro-5g',
    serialNumber: '192C-1A2B-3C4D',
    deviceName: 'BR1-Pro-5G-Field',
    wans: [wan1, cellularWan(2, now), wifiWan(3, now)],
    ap: { support: true, enable: true, wanDependent: false },
    ssidProfiles: [
      {
        id: 1,
        name: 'Uplink-Main',
        enable: true,
        captivePortal: false,
        incontrolManaged: false,
        broadcast: true,
        security: { policy: 'WPA2 Personal', key: 'fieldkit-main-2024', fastTransition: true },
      },
      {
        id: 2,
        name: 'Uplink-Guest',
        enable: true,
        vlanId: 20,
        captivePortal: true,
        incontrolManaged: false,
        broadcast: true,
        security: { policy: 'WPA/WPA2 Personal', key: 'guestpass1', fastTransition: false },
      },
    ],
    gpio: [
      {
        id: 1,
        name: 'GPIO 1',
        enable: true,
        type: 'digital_input',
        mode: 'input_sensing',
        delay: 3,
        supported: {
          type: ['digital_input', 'digital_output'],
          mode: { digital_input: ['input_sensing', 'ignition_sensing'], digital_output: ['wan_status', 'toggle_high', 'toggle_low'] },
        },
      },
      {
        id: 2,
        name: 'GPIO 2',
        enable: false,
        type: 'analog_input',
        mode: 'voltage_measurement',
        delay: 1,
        supported: {
          type: ['digital_input', 'analog_input'],
          mode: { digital_input: ['input_sensing'], analog_input: ['input_sensing', 'voltage_measurement', 'analog_testing'] },
        },
      },
    ],
    poe: null,
    gps: {
      fix: true,
      location: { latitude: 22.340134, longitude: 114.152588, altitude: 55.1, speed: 0.026751, heading: 356.887, pdop: 1.3, hdop: 1, vdop: 0.8 },
    },
    lanProfiles: [
      { id: 0, ip: '192.168.50.1', mask: 24 },
      { id: 1, name: 'Guest', vlanId: 20, ip: '192.168.20.1', mask: 24 },
    ],
    clients: [
      { ip: '192.168.50.10', mac: 'E4:25:E7:8A:D3:12', name: 'tech-laptop', connectionType: 'ethernet', active: true, speed: { download: 5120, upload: 820 }, lease: { type: 'dhcp', expiresIn: 72000 } },
      { ip: '192.168.50.21', mac: '9C:5C:F9:2B:85:99', name: 'Android client', connectionType: 'wireless', ssid: 'Uplink-Main', bssid: '00:1A:DD:ED:8F:69', active: true, signal: -48, speed: { download: 860, upload: 120 }, lease: { type: 'dhcp', expiresIn: 80000 } },
      { ip: '192.168.20.17', mac: '34:12:98:9B:11:D7', name: 'iOS client', connectionType: 'wireless', vlanId: 20, ssid: 'Uplink-Guest', bssid: '00:1A:DD:ED:8F:6A', active: true, signal: -71, speed: { download: 64, upload: 12 }, lease: { type: 'dhcp', expiresIn: 6000 } },
      { ip: '192.168.50.33', mac: '00:0E:C6:AA:01:33', name: 'ip-camera', connectionType: 'ethernet', active: false, speed: { download: 0, upload: 0 }, lease: { type: 'dhcp', expiresIn: 100 } },
    ],
    pepvpn: seedPepvpn([{ id: 1, name: 'WAN' }, { id: 2, name: 'Cellular' }]),
    sms: { sent: [] },
    ussd: { sent: [] },
    log: [],
    pending: null,
  }
}

function balance380(now: number): DeviceState {
  const wans = [ethernetWan(1, 'WAN 1', 1, now, 1), ethernetWan(2, 'WAN 2', 2, now, 2), ethernetWan(3, 'WAN 3', 3, now, 3)]
  wans[0].allowance = allowance(1024000, 250000)
  return {
    model: 'balance-380',
    serialNumber: '2830-9F8E-7D6C',
    deviceName: 'Balance-380-HQ',
    wans,
    ap: { support: false, enable: false, wanDependent: false },
    ssidProfiles: [],
    gpio: null,
    poe: [
      { id: 1, name: 'LAN 1', enabled: true, poeCapable: true, poe: true },
      { id: 2, name: 'LAN 2', enabled: true, poeCapable: true, poe: false },
      { id: 3, name: 'LAN 3', enabled: false, poeCapable: true, poe: false },
      { id: 4, name: 'LAN 4', enabled: true, poeCapable: false, poe: false },
    ],
    gps: null,
    lanProfiles: [
      { id: 0, ip: '10.6.1.1', mask: 16 },
      { id: 1, name: 'Office', vlanId: 10, ip: '10.10.0.1', mask: 24 },
      { id: 2, name: 'Voice', vlanId: 20, ip: '10.20.0.1', mask: 24 },
      { id: 3, name: 'CCTV', vlanId: 30, ip: '10.30.0.1', mask: 24 },
    ],
    clients: [
      { ip: '10.6.1.50', mac: 'E4:25:E7:8A:D3:50', name: 'file-server', connectionType: 'ethernet', active: true, speed: { download: 24000, upload: 51000 }, lease: { type: 'normal', expiresIn: 0 } },
      { ip: '10.10.0.21', mac: '3C:52:82:11:00:21', name: 'desk-21', connectionType: 'ethernet', vlanId: 10, active: true, speed: { download: 1200, upload: 300 }, lease: { type: 'dhcp', expiresIn: 40000 } },
      { ip: '10.20.0.5', mac: '00:04:F2:AB:CD:05', name: 'voip-phone-5', connectionType: 'ethernet', vlanId: 20, active: true, speed: { download: 90, upload: 90 }, lease: { type: 'dhcp', expiresIn: 50000 } },
      { ip: '10.30.0.9', mac: '00:0E:C6:AA:30:09', name: 'cctv-09', connectionType: 'ethernet', vlanId: 30, active: false, speed: { download: 0, upload: 0 }, lease: { type: 'dhcp', expiresIn: 10 } },
      { ip: '172.16.5.2', mac: '02:00:00:00:05:02', name: 'Branch-17 host', connectionType: 'pepvpn', active: true, speed: { download: 300, upload: 200 } },
    ],
    pepvpn: seedPepvpn([{ id: 1, name: 'WAN 1' }, { id: 2, name: 'WAN 2' }]),
    sms: { sent: [] },
    ussd: { sent: [] },
    log: [],
    pending: null,
  }
}

/** The device part of the state (everything except auth) for a model, healthy. */
export function buildDeviceState(model: ModelId, now: number): DeviceState {
  return model === 'balance-380' ? balance380(now) : br1(now)
}

/** Complete initial state for a model and firmware. */
export function buildState(model: ModelId, firmware: string, now: number): EmulatorState {
  return { ...buildDeviceState(model, now), firmware, bootedAt: now, auth: seedAuth(now) }
}
