/**
 * Router answers for the normaliser tests: the reference's examples verbatim (the `response`
 * part), and builders for the firmware variants of firmware-differences.md. Each builder
 * returns a fresh object so tests may mutate what they get.
 */

export const SECRETS = {
  apnPassword: 'apn-pw-Zq81',
  remoteSimPassword: 'remote-pw-Kx20',
  modemPassword: 'modem-pw-Lp44',
  ssidKey1: 'pas53or2',
  ssidKey2: 'pass3ord',
  clientSecret: 'cf5fe1c51252a058ebd6bd7d5f493cf5',
  accessToken: '43c65216eb16d779092fc40b184a1794',
  ddnsPassword: 'ddns-pw-Mm77',
}

/** status.wan.connection, the reference's example. */
export const wanStatusReference = () => ({
  '1': {
    name: 'CUST WAN 1', enable: true, asLan: false, message: 'Connected', uptime: 27037017,
    type: 'ethernet', virtualType: 'ethernet', priority: 0, ip: '192.168.123.144', statusLed: 'green',
    mask: 24, gateway: '12.23.34.0', method: 'dhcp', mode: 'NAT', dns: ['12.22.32.12', '12.34.67.89'], mtu: 576,
  },
  '2': {
    name: 'WAN2', enable: true, asLan: false, message: 'No Cable Detected', uptime: 27066417,
    type: 'ethernet', virtualType: 'ethernet', priority: 0, statusLed: 'red', method: 'static',
    mode: 'IP Forwarding', mtu: 1440,
  },
  order: [1, 2],
})

export interface CellularVariant {
  /** `gobi` before 8.0.1, `cellular` from 8.0.1. */
  kind: 'gobi' | 'cellular'
  /** `band[]` up to 8.1.1, `rat[].band[]` from 8.1.2. */
  bands: 'band' | 'rat'
  /** the reference's `rsi`, or the `rssi` real devices send. */
  rssiKey: 'rsi' | 'rssi'
  /** reference status strings, or 8.x booleans. */
  sim: 'strings' | 'booleans'
  /** deprecated `network` only, or `mobileType` (+ `network`, as real devices send both). */
  net: 'network' | 'mobileType'
  /** numbers with float artefacts / as strings, or clean numbers. */
  numbers: 'clean' | 'messy'
}

export const ALL_CELLULAR_VARIANTS: CellularVariant[] = (() => {
  const out: CellularVariant[] = []
  for (const kind of ['gobi', 'cellular'] as const)
    for (const bands of ['band', 'rat'] as const)
      for (const rssiKey of ['rsi', 'rssi'] as const)
        for (const sim of ['strings', 'booleans'] as const)
          for (const net of ['network', 'mobileType'] as const)
            for (const numbers of ['clean', 'messy'] as const) out.push({ kind, bands, rssiKey, sim, net, numbers })
  return out
})()

/** A cellular WAN (id 4) answer, spelled the way `v` says. */
export function cellularWanAnswer(v: CellularVariant): Record<string, unknown> {
  const messy = v.numbers === 'messy'
  const bandList = [
    {
      name: 'LTE Band 3 (1800 MHz)', channel: messy ? '1350' : 1350, channelWidth: '20 MHz',
      signal: { [v.rssiKey]: messy ? '-71' : -71, sinr: messy ? 19.400000000000002 : 19.4, rsrp: messy ? '-101' : -101, rsrq: messy ? -10.999999999999998 : -11 },
    },
    {
      name: 'WCDMA Band 1 (2100 MHz)', channel: 10700, channelWidth: '5 MHz',
      signal: { [v.rssiKey]: -80, ecio: messy ? -6.5000000000000009 : -6.5, rscp: -87 },
    },
  ]
  const sims = v.sim === 'strings'
    ? {
        '1': { status: 'In Use', autoApn: true, apn: 'internet', username: 'web', password: SECRETS.apnPassword, imsi: '454001234567890', iccid: '8985200001234567890', mtn: '85291234567' },
        '2': { status: 'No SIM Card Detected', autoApn: true },
        order: [1, 2],
      }
    : {
        '1': { simCardDetected: true, active: true, autoApn: true, apn: 'internet', username: 'web', password: SECRETS.apnPassword, imsi: '454001234567890', iccid: '8985200001234567890', mtn: '85291234567' },
        '2': { simCardDetected: false, active: false, autoApn: true },
        order: [1, 2],
      }
  const detail: Record<string, unknown> = {
    roamingStatus: { code: 1, message: 'home' },
    sim: sims,
    carrier: { name: 'CSL', country: 'Hong Kong' },
    carrierAggregation: false,
    signalLevel: messy ? '4' : 4,
    imei: '356789012345678',
    mode: 'LTE',
    mcc: '454',
    mnc: '02',
    dataTechnology: 'LTE-A',
    cellTower: { cellId: 123456, cellPlmn: 45402, tac: 1234 },
    remoteSim: { imsi: '454009999', serialNumber: '1111-2222-3333', slot: 1, autoApn: false, apn: 'r', username: 'ru', password: SECRETS.remoteSimPassword },
  }
  if (v.net === 'network') detail.network = 'LTE'
  else Object.assign(detail, { mobileType: 'LTE', network: 'LTE' })
  if (v.bands === 'band') detail.band = bandList
  else detail.rat = [{ name: '', band: [bandList[0]] }, { name: ' ', band: [bandList[1]] }]
  return {
    '4': {
      name: 'Cellular', enable: true, asLan: false, message: 'Connected', uptime: messy ? '3600' : 3600,
      type: v.kind, virtualType: v.kind, priority: 1, ip: '10.64.1.2', statusLed: 'green', mask: messy ? '255.255.255.252' : 30,
      gateway: '10.64.1.1', method: 'dhcp', routingMode: 'NAT', dns: ['10.0.0.1'], mtu: 1428,
      [v.kind]: detail,
      // Fields real devices add and the reference omits.
      timestamp: 1700000000, managementOnly: false, modulePowerOn: true, portId: 4, gatewayUrl: 'http://x',
    },
    order: [4],
  }
}

/** status.wan.connection.allowance with a name-keyed map and a per-SIM cellular entry. */
export const allowanceAnswer = () => ({
  '1': { enable: true, usage: 5, limit: 1024, percent: 0, start: 1, unit: 'MB' },
  '4': {
    '1': { enable: true, usage: '300', limit: '1024', percent: 29, start: 0, unit: 'MB' },
    '2': { enable: false },
    order: [1, 2],
  },
  vwan5: { enable: true, usage: 12, limit: 100, percent: 12, start: 15, unit: 'MB' },
  order: [4, 1, 'vwan5'],
})

/** cmd.carrier.scan, the reference's example (activeSim with `cellularNetwork`). */
export const carrierScanReference = () => ({
  scanStatus: 'scanning',
  list: [
    { name: '.csl', mobileType: 'LTE', mcc: '454', mnc: '0', pcs: 0 },
    { name: 'SMT HK', mobileType: 'LTE', mcc: '454', mnc: '6', pcs: 0 },
  ],
  reference: { activeSim: { simId: 1, cellularNetwork: null } },
})

/** cmd.sms.get, the reference's example as it was meant (text under `message`, length a string). */
export const smsReference = () => ({
  connId: 6,
  simId: 1,
  sms: [
    { sender: '988', message: [{ id: 1, date: 'Feb 17 13:55', timestamp: 1581774925, length: '50', message: 'The is the 1st line SMS,\nand this is the 2nd line.' }] },
    {
      sender: '+81325359875',
      message: [
        { id: 2, date: 'Feb 05 01:55', timestamp: 1580867113, length: '24', message: 'Multipart message part 1' },
        { id: 6, date: 'Feb 05 01:55', timestamp: 1580867113, length: '24', message: 'Multipart message part 2' },
      ],
    },
  ],
})

/** status.pepvpn, the reference's example (8.1.0 layout with old rx/tx/loss arrays). */
export const pepvpnReference = () => ({
  profile: { '1': { name: 'Next (1)', master: true }, '2': { name: 'Next (2 - 2)', master: true }, siteId: '999', order: [2, 1] },
  tunnel: {
    '1-1': {
      wan: {
        '1': { time: { second: 1292258, nanoSecond: 485618662 }, rtt: 1, rx: [1423988], tx: [1334004], loss: [0], priority: 1, state: 'ACTIVE', name: 'WAN 1' },
        '2': { priority: 0, state: 'WAN_DOWN', name: 'WAN 2' },
        '3': { priority: 0, state: 'WAN_DISABLED', name: 'WAN 3' },
        order: [1, 2, 3],
      },
      overall: {
        time: { second: 1292258, nanoSecond: 485618662 },
        receive: { packet: { forward: 32, loss: 1, outOfOrder: 0 } },
        transmit: { packet: { forward: 12, loss: 0, outOfOrder: 0 } },
      },
    },
    order: ['1-1'],
  },
  peer: [
    { serialNumber: '1825-4131-B4E7', status: 'CONNECTED', name: 'Ke-B580-x64-30', profileId: 1, secure: true, type: 'l3', username: 'dev30', route: ['192.168.30.0/24'], peerId: '1-1' },
  ],
})

/** config.ssid.profile, the reference's GET example. */
export const ssidReference = () => ({
  '1': { name: 'Main SSID', enable: true, captivePortal: true, incontrolManaged: false, broadcast: true, security: { policy: 'WPA2 Personal', wpa2Personal: { fastTransition: true, key: SECRETS.ssidKey1 } } },
  '2': { name: 'Guest SSID', enable: true, captivePortal: true, incontrolManaged: false, broadcast: true, vlanId: 1, security: { policy: 'WPA2 Personal', wpa2Personal: { fastTransition: false, key: SECRETS.ssidKey2 } } },
  order: [1, 2],
})

/** config.wan.connection, the reference's example (DDNS password masked, as routers send it). */
export const wanConfigReference = () => ({
  '1': {
    name: 'WAN 1', asLan: false, enable: true, active: true, multipleIp: [],
    connection: {
      method: 'dhcp', mode: 'NAT', icmpPing: true, priority: 1, dns: { auto: true },
      ddns: { username: 'username', password: SECRETS.ddnsPassword, host: ['kjkjkjkj.com'], provider: 'noip', enable: true },
      bandwidth: { upload: { bandwidth: 100000, unit: 'kbps' }, download: { bandwidth: 100000, unit: 'kbps' } },
      schedule: 4, dhcp: { hostname: '' },
    },
    healthcheck: { method: 'nslookup', timeout: 5, interval: 5, retry: 3, recovery: 3, enable: true, nslookup: { includePublic: false, host: ['208.67.222.222', '208.67.220.220'] } },
  },
  '2': {
    name: 'WAN2', asLan: false, enable: true, active: true, multipleIp: [],
    connection: { method: 'dropIn', mode: 'IP Forwarding', icmpPing: true, priority: 0, dns: { auto: false, host: ['3.3.3.3'] }, ddns: { enable: false }, pepVpnNat: true, dropIn: { ip: '169.254.0.1', mask: 24, gateway: '22.2.2.2' } },
    healthcheck: { method: 'nslookup', enable: true, nslookup: { includePublic: true } },
  },
  order: [1, 2],
})

/** config.gpio with its `reference` map. */
export const gpioAnswer = () => ({
  '1': { enable: true, type: 'digital_output', mode: 'toggle_high' },
  '2': { enable: true, type: 'digital_input', mode: 'input_sensing', delay: 3 },
  order: [1, 2],
  reference: {
    '1': { name: 'GPIO 1', type: ['digital_input', 'digital_output'], mode: { digital_input: ['input_sensing', 'ignition_sensing'], digital_output: ['wan_status'] } },
    '2': { name: 'GPIO 2', type: ['digital_input'], mode: { digital_input: ['input_sensing'] } },
    '3': { name: 'GPIO 3', type: ['analog_input'], mode: { analog_input: ['voltage_measurement'] } },
    order: [1, 2, 3],
  },
})

export const firmwareReference = () => ({
  '1': { version: '7.0.3 build 2765', bootable: true, inUse: false },
  '2': { version: '7.1.0 build 2860', bootable: true, inUse: true },
  order: [1, 2],
})

export const authClientsReference = () => [
  { name: 'Client 1', clientId: '9270c250111cabab02058007bb72217e', clientSecret: SECRETS.clientSecret, confidential: false, createTimestamp: 32172904, scope: 'api.read-only' },
]

export const accessTokensReference = () => [
  { accessToken: SECRETS.accessToken, clientId: '0396c250111dcaef02058007bb72217e', clientName: 'Client 1', authorizationType: 3, scope: 'api.read-only', createTimestamp: 32177831 },
]
