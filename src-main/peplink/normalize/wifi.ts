/**
 * Wi-Fi WAN answers (`cmd.wifi.scan`, `cmd.wifi.result`) and the LAN client list
 * (`status.client`), whose signal fields changed spelling in 8.1.0.
 */
import type { Client, WifiConnectResult, WifiNetwork } from '../model'
import { readWifiSignal } from './bands'
import { addr, bool, compact, expectList, expectObj, fail, isObj, num, str, text, type Obj } from './read'

function readNetwork(o: Obj): WifiNetwork | undefined {
  const ssid = str(o.ssid)
  const bssid = addr(o.bssid)
  if (ssid === undefined && bssid === undefined) return undefined
  const status = isObj(o.status) ? o.status : {}
  const config = isObj(o.config) ? o.config : {}
  return compact({
    // A hidden network has an empty SSID; it stays in the list.
    ssid: ssid ?? '',
    bssid: bssid ?? '',
    channel: num(o.channel),
    securityPolicy: text(o.securityPolicy) ?? '',
    ...readWifiSignal(o),
    inUse: bool(status.inUse) ?? bool(o.inUse),
    connected: bool(status.connected) ?? bool(o.connected),
    profileId: num(config.profileId) ?? num(o.profileId),
    automatic: bool(config.automatic) ?? bool(o.automatic),
  })
}

/**
 * Normalises `cmd.wifi.scan`: `signal` dBm (before 8.1.0) or `signalStrength` +
 * `signalLevel` (8.1.0+); a level missing beside a dBm is derived (wifiLevelFromDbm).
 */
export function normalizeWifiScan(raw: unknown): WifiNetwork[] {
  return expectList(raw, 'cmd.wifi.scan', 'list').flatMap((n) => {
    const net = isObj(n) ? readNetwork(n) : undefined
    return net ? [net] : []
  })
}

const RESULTS = new Set(['CONNECTED', 'TIMEOUT', 'PSK_AUTH_FAIL', 'EAP_AUTH_FAIL', 'AP_NOT_FOUND', 'UNKNOWN_FAIL'])

/** Normalises `cmd.wifi.result`; known result codes are upper-cased, others kept as sent. */
export function normalizeWifiResult(raw: unknown): WifiConnectResult {
  const o = expectObj(raw, 'cmd.wifi.result')
  const said = text(o.result)?.trim()
  if (said === undefined) fail('cmd.wifi.result', 'no "result"', raw)
  return compact({
    result: RESULTS.has(said.toUpperCase()) ? said.toUpperCase() : said,
    timestamp: num(o.timestamp),
    ssid: str(o.ssid),
    bssid: addr(o.bssid),
    securityPolicy: text(o.securityPolicy),
    message: str(o.message),
  })
}

function readClient(o: Obj): Client | undefined {
  const mac = addr(o.mac)
  if (mac === undefined) return undefined
  const said = bool(o.active)
  // Without `active` (outputWeight=lite) a connection type means active: the reference
  // says inactive clients have none.
  const active = said ?? text(o.connectionType) !== undefined
  const speed = isObj(o.speed) ? o.speed : undefined
  const down = speed ? num(speed.download) : undefined
  const up = speed ? num(speed.upload) : undefined
  const lease = isObj(o.lease) ? compact({ expiresIn: num(o.lease.expiresIn), type: text(o.lease.type) }) : undefined
  return compact({
    ip: addr(o.ip),
    mac,
    name: text(o.name),
    // Firmware up to 8.1.0 reports "ethernet" for inactive clients by mistake.
    connectionType: said === false ? undefined : text(o.connectionType),
    active,
    vlanId: num(o.vlanId),
    ssid: text(o.ssid) ?? text(o.essid),
    bssid: addr(o.bssid),
    ...readWifiSignal(o),
    speed: down !== undefined && up !== undefined ? { download: down, upload: up, unit: text(speed?.unit) ?? 'kbps' } : undefined,
    lease: lease && Object.keys(lease).length > 0 ? lease : undefined,
  })
}

/**
 * Normalises `status.client`: `signalStrength` {value, unit} (before 8.1.0) or `signal`
 * {strength, level} (8.1.0+). Clients without a MAC address are left out.
 */
export function normalizeClients(raw: unknown): Client[] {
  return expectList(raw, 'status.client', 'list').flatMap((c) => {
    const client = isObj(c) ? readClient(c) : undefined
    return client ? [client] : []
  })
}
