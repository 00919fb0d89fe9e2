/**
 * One WAN of status.wan.connection, following the running firmware's shape.
 */
import { atLeast, before } from '../firmware'
import { isObject, type Json, type JsonObject } from '../json'
import { cellularLink } from '../cellular-link'
import type { Allowance, CellularWan, UsbModemWan, Wan } from '../state-types'
import { wanLink } from '../wan-link'
import { monitorOf, renderCellularDetail } from './cellular-detail'

/** The WAN's type as the firmware names it ("gobi" for cellular before 8.0.1). */
export function wanType(wan: Wan, fw: string): string {
  if (wan.kind === 'ethernet') return wan.vlanId !== undefined ? 'wovlan' : 'ethernet'
  // The reference says "wireless"; 8.3+ devices in public captures say "wifi".
  if (wan.kind === 'wifi') return atLeast(fw, '8.3.0') ? 'wifi' : 'wireless'
  if (wan.kind === 'modem') return 'modem'
  return before(fw, '8.0.1') ? 'gobi' : 'cellular'
}

/** The allowance monitor a WAN reports (the active SIM's for cellular). */
function allowanceOf(wan: Wan): Allowance {
  if (wan.kind !== 'cellular') return wan.allowance
  const cs = wan.cellular
  return cs.sims[cs.activeSim ?? 1].allowance
}

function setting(wan: Wan, section: string, key: string): Json | undefined {
  const s = wan.config.settings[section]
  return isObject(s) ? s[key] : undefined
}

/** Routing mode from the running config. */
function routingModeOf(wan: Wan): string {
  const v = setting(wan, 'connection', 'routingMode')
  return typeof v === 'string' ? v : 'NAT'
}

function methodOf(wan: Wan): string {
  const m = setting(wan, 'connection', 'method')
  return isObject(m) && m.type === 'staticIp' ? 'static' : 'dhcp'
}

function dnsOf(wan: Wan): string[] {
  const dns = setting(wan, 'connection', 'dns')
  if (isObject(dns) && dns.auto === false && Array.isArray(dns.host)) return dns.host.filter((h): h is string => typeof h === 'string')
  return [...wan.dns]
}

function wifiDetail(wan: Wan, fw: string, lite: boolean): JsonObject {
  if (wan.kind !== 'wifi' || !wan.wifi.connected) return {}
  const c = wan.wifi.connected
  const ap = wan.wifi.aps.find((a) => a.bssid === c.bssid)
  const strength = ap?.signal ?? -70
  const signal: JsonObject = atLeast(fw, '8.1.0') ? { strength, level: wifiLevel(strength) } : { strength }
  return lite ? { signal } : { signal, ssid: c.ssid, bssid: c.bssid }
}

/** Wi-Fi signal bars 0–5 from dBm. */
export function wifiLevel(dbm: number): number {
  return dbm >= -55 ? 5 : dbm >= -65 ? 4 : dbm >= -72 ? 3 : dbm >= -80 ? 2 : dbm >= -88 ? 1 : 0
}

function extras85(wan: Wan, virtual: boolean): JsonObject {
  const o: JsonObject = { locked: false, managementOnly: false, virtual }
  if (wan.kind === 'ethernet') {
    o.portId = wan.portId
    o.gatewayUrl = ''
    if (wan.vlanId !== undefined) o.vlanId = wan.vlanId
  }
  if (wan.kind === 'cellular') {
    const cs = wan.cellular
    o.locked = cs.activeSim !== null && cs.sims[cs.activeSim].lock !== null
  }
  return o
}

/** "Connected to SmarTone" while the modem is registered, as 8.3+ cellular WANs say. */
function connectedTo(wan: CellularWan, now: number): string | undefined {
  const net = cellularLink(wan, now).network
  return net ? `Connected to ${net.name}` : undefined
}

/** The `modem` detail of a USB modem WAN: empty while no modem is plugged in. */
function modemDetail(wan: UsbModemWan): JsonObject {
  const d = wan.device
  if (!d) return {}
  return {
    name: d.name, manufacturer: d.manufacturer, vendorId: d.vendorId, productId: d.productId,
    carrier: { name: d.carrier }, network: d.mobileType, signalLevel: d.signalLevel, imsi: d.imsi, iccid: d.iccid,
    apn: '', username: '', password: '',
  }
}

/** One WAN object of status.wan.connection; `all` (every WAN) lets a backup report standby. */
export function renderWanStatus(wan: Wan, fw: string, now: number, lite: boolean, all?: readonly Wan[], virtual = false): JsonObject {
  const link = wanLink(wan, now, all)
  const cfg = wan.config
  const type = wanType(wan, fw)
  // 8.3+ devices: no asLan or deprecated mode, uptime 0 on a WAN that is not up, and a
  // cellular WAN's message names its carrier ("Connected to SmarTone"), as public captures show.
  const real = atLeast(fw, '8.3.0')
  const message = real && link.up && wan.kind === 'cellular' ? connectedTo(wan, now) ?? link.message : link.message
  const o: JsonObject = real ? { name: cfg.name, enable: cfg.enable, message } : { name: cfg.name, enable: cfg.enable, asLan: false, message }
  if (link.up) o.uptime = Math.max(0, Math.floor((now - wan.upSince) / 1000))
  else if (link.standby || real) o.uptime = 0
  o.type = type
  o.virtualType = type
  if (cfg.enable) o.priority = cfg.priority
  o.statusLed = link.led
  if (link.up || link.standby) {
    o.ip = wan.ip
    if (!lite) {
      o.mask = wan.mask
      o.gateway = wan.gateway
    }
  }
  if (!lite) {
    o.method = methodOf(wan)
    if (!real) o.mode = routingModeOf(wan)
    if (atLeast(fw, '8.0.1')) o.routingMode = routingModeOf(wan)
    o.dns = link.up || link.standby ? dnsOf(wan) : []
    const extra = wan.config.settings.multipleIp
    o.additionalIp = Array.isArray(extra) ? extra : []
    const mtu = setting(wan, 'physical', 'mtu')
    const mss = setting(wan, 'physical', 'mss')
    if (typeof mtu === 'number') o.mtu = mtu
    if (typeof mss === 'number') o.mss = mss
    o.mac = wan.mac
    o.bandwidthAllowanceMonitor = monitorOf(allowanceOf(wan))
  }
  if (wan.kind === 'cellular') o[type] = renderCellularDetail(wan, fw, now, lite)
  if (wan.kind === 'wifi') o.wireless = wifiDetail(wan, fw, lite)
  if (wan.kind === 'modem') o.modem = modemDetail(wan)
  if (atLeast(fw, '8.5.0')) Object.assign(o, extras85(wan, virtual))
  return o
}
