/**
 * Initial state per model. `buildDeviceState` is also what scenarios start from.
 */
import type { CellularWan, EmulatorState, ModelId, UsbModemWan, WifiWan } from '../state-types'
import { seedCellular, type ModemSeed } from './cellular-seed'
import { allowance, ethernetWan, seedAuth, seedPepvpn, wanConfig } from './common'
import { seedWifiWan } from './wifi-seed'

type DeviceState = Omit<EmulatorState, 'auth' | 'firmware' | 'bootedAt'>

/** The families a technician meets, one line each (`uplink emulator --model list`). */
export const MODEL_DESCRIPTIONS: Record<ModelId, { product: string; summary: string }> = {
  'br1-pro-5g': { product: 'Peplink MAX BR1 Pro 5G', summary: 'Ethernet WAN, dual-SIM 5G modem with SpeedFusion Connect 5G/LTE eSIM, Wi-Fi WAN, GPS' },
  'max-hd2': { product: 'Peplink MAX HD2', summary: 'dual-cellular: Ethernet WAN, two modems with two SIMs each (four SIMs), Wi-Fi WAN, GPS' },
  'balance-380': { product: 'Peplink Balance 380', summary: 'three wired WANs at distinct priorities, PoE LAN ports' },
  'balance-710': { product: 'Peplink Balance 710', summary: 'five wired WANs load-balanced at one priority, a VLAN WAN (wovlan) and a USB modem in cold standby' },
  fusionhub: { product: 'Peplink FusionHub', summary: 'virtual appliance: one virtual WAN, no cellular, no Wi-Fi, no GPS (info.location: Unsupported request)' },
}

/** Every model id, the default first. */
export const MODELS = Object.keys(MODEL_DESCRIPTIONS) as ModelId[]

/** A cellular WAN on the given id with a healthy modem. */
function cellularWan(id: number, now: number, name = 'Cellular', priority = 2, seed: ModemSeed = {}): CellularWan {
  return {
    kind: 'cellular',
    id,
    mac: `00:1A:DD:C4:2${id}:0${id}`,
    config: wanConfig(name, priority, 'cellular'),
    ip: `10.141.2${id}.87`,
    mask: 30,
    gateway: `10.141.2${id}.86`,
    dns: ['202.45.84.58', '202.45.84.59'],
    upSince: now - 3_600_000 * 5,
    allowance: allowance(10240, 0),
    traffic: { rxMb: 3120, txMb: 412 },
    cellular: seedCellular(now, seed),
  }
}

/** A USB modem port with a stick plugged in, kept as a cold-standby backup. */
function usbModemWan(id: number, now: number, priority: number): UsbModemWan {
  const config = wanConfig('USB Modem', priority, 'cellular')
  config.standby = 'cold'
  return {
    kind: 'modem',
    id,
    mac: `00:1A:DD:C4:5${id}:0${id}`,
    config,
    ip: '10.64.77.12',
    mask: 29,
    gateway: '10.64.77.9',
    dns: ['202.45.84.58'],
    upSince: now - 3_600_000 * 30,
    allowance: allowance(20480, 0, false),
    traffic: { rxMb: 0, txMb: 0 },
    device: {
      name: 'E3372', manufacturer: 'Huawei', vendorId: 4817, productId: 5339, imsi: '454037788990011',
      iccid: '89852030077889900112', carrier: '3 HK', mobileType: 'LTE', signalLevel: 4,
    },
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
    wans: [wan1, cellularWan(2, now, 'Cellular', 2, { sfc: true }), wifiWan(3, now)],
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

/** Two modems, four SIMs: cellular 1 on WAN 2, cellular 2 on WAN 3, Wi-Fi WAN on WAN 4. */
function maxHd2(now: number): DeviceState {
  const base = br1(now)
  const wifi = wifiWan(4, now)
  wifi.config.priority = 4
  const wans = [
    ethernetWan(1, 'WAN', 1, now, 1),
    cellularWan(2, now, 'Cellular 1', 2),
    cellularWan(3, now, 'Cellular 2', 3, { second: true }),
    wifi,
  ]
  return {
    ...base,
    model: 'max-hd2',
    serialNumber: '2933-77AB-41C0',
    deviceName: 'MAX-HD2-Vehicle-12',
    wans,
    pepvpn: seedPepvpn([{ id: 1, name: 'WAN' }, { id: 2, name: 'Cellular 1' }]),
  }
}

/** Five wired WANs balanced at priority 1, a VLAN WAN, and a USB modem as cold-standby backup. */
function balance710(now: number): DeviceState {
  const base = balance380(now)
  const wired = [1, 2, 3, 4, 5].map((id) => ethernetWan(id, `WAN ${id}`, 1, now, id))
  const vlan = ethernetWan(6, 'VLAN WAN', 1, now, 60)
  vlan.portId = 1
  vlan.vlanId = 100
  return {
    ...base,
    model: 'balance-710',
    serialNumber: '1825-4131-B4E7',
    deviceName: 'Balance-710-DC',
    wans: [...wired, vlan, usbModemWan(7, now, 2)],
    poe: null,
    pepvpn: seedPepvpn([{ id: 1, name: 'WAN 1' }, { id: 2, name: 'WAN 2' }]),
  }
}

/** A FusionHub virtual appliance: one virtual WAN, and none of the radio hardware. */
function fusionhub(now: number): DeviceState {
  const base = balance380(now)
  return {
    ...base,
    model: 'fusionhub',
    serialNumber: '0000-F5B0-1A2C',
    deviceName: 'FusionHub-AWS',
    virtual: true,
    wans: [ethernetWan(1, 'WAN', 1, now, 1)],
    poe: null,
    lanProfiles: [{ id: 0, ip: '172.31.10.1', mask: 24 }],
    clients: base.clients.filter((c) => c.connectionType === 'pepvpn'),
    pepvpn: seedPepvpn([{ id: 1, name: 'WAN' }]),
  }
}

const BUILD: Record<ModelId, (now: number) => DeviceState> = {
  'br1-pro-5g': br1,
  'max-hd2': maxHd2,
  'balance-380': balance380,
  'balance-710': balance710,
  fusionhub,
}

/** The device part of the state (everything except auth) for a model, healthy. */
export function buildDeviceState(model: ModelId, now: number): DeviceState {
  return BUILD[model](now)
}

/** Complete initial state for a model and firmware. */
export function buildState(model: ModelId, firmware: string, now: number): EmulatorState {
  return { ...buildDeviceState(model, now), firmware, bootedAt: now, auth: seedAuth(now) }
}
