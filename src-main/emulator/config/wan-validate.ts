/**
 * Validation of one config.wan.connection list entry against the reference's ranges:
 * connection, method, physical (mtu/mss/vlan…) and healthcheck. Other sections are in
 * wan-sections.ts.
 */
import { isObject, type Json, type JsonObject } from '../json'
import type { Wan } from '../state-types'
import {
  asObject, invalidParam, ipv4Item, MAC, notFor, optArray, optBool, optEnum, optInt, optIpv4, optObject, optString,
} from '../validate'
import { validateAllowanceMonitor, validateCellular, validateDdns, validateWifi } from './wan-sections'

const METHODS = ['staticIp', 'dhcp', 'pppoe', 'l2tp', 'gre', 'openvpn'] as const
const SPEEDS = ['Auto', '1000baseTx-FD', '100baseTx-FD', '100baseTx-HD', '10baseT-FD', '10baseT-HD']
const HC_TYPES = ['ping', 'nslookup', 'http', 'smartcheck', 'openvpn']
const BW_UNITS: Record<string, number> = { kbps: 1, Mbps: 1000, Gbps: 1_000_000 }

function section(settings: JsonObject, name: string): JsonObject {
  const s = settings[name]
  return isObject(s) ? s : {}
}

/** The connection method type currently configured (or about to be). */
function methodType(wan: Wan, entry: JsonObject): string {
  const next = isObject(entry.connection) && isObject(entry.connection.method) ? entry.connection.method.type : undefined
  if (typeof next === 'string') return next
  const cur = section(wan.config.settings, 'connection').method
  return isObject(cur) && typeof cur.type === 'string' ? cur.type : 'dhcp'
}

/** Largest MTU for a method: PPPoE 1492, GRE 1476, otherwise 1500. */
function maxMtu(type: string): number {
  return type === 'pppoe' ? 1492 : type === 'gre' ? 1476 : 1500
}

function networkItem(v: Json, path: string): void {
  const o = asObject(v, path)
  optIpv4(o, 'ip', path, { required: true })
  optInt(o, 'mask', path, 0, 32, { required: true })
}

function staticIp(o: JsonObject, path: string): void {
  optIpv4(o, 'ip', path, { required: true })
  optInt(o, 'mask', path, 0, 32, { required: true })
  optIpv4(o, 'gateway', path, { required: true })
}

function validateMethod(wan: Wan, m: JsonObject, path: string): void {
  const allowed = wan.kind === 'wifi' ? ['staticIp', 'dhcp'] : METHODS
  const type = optEnum(m, 'type', path, allowed)
  if (m.detail !== undefined && type === undefined) invalidParam(`${path}.type`, 'is required to update the connection method')
  const needsDetail = type !== undefined && type !== 'dhcp' && type !== 'openvpn'
  const d = optObject(m, 'detail', path, { required: needsDetail }) ?? {}
  const p = `${path}.detail`
  if (type === 'dhcp') {
    optString(d, 'hostname', p)
    optBool(d, 'ipPassthrough', p)
    optArray(d, 'staticRoute', p, networkItem)
  } else if (type === 'staticIp') {
    staticIp(d, p)
    optBool(d, 'ipPassthrough', p)
    optArray(d, 'staticRoute', p, networkItem)
  } else if (type === 'pppoe') {
    optString(d, 'username', p, { required: true })
    optString(d, 'password', p, { required: true })
    optString(d, 'service', p, { nullable: true })
    optIpv4(d, 'ip', p, { nullable: true })
    const mgmt = optObject(d, 'managementNetwork', p, { nullable: true })
    if (mgmt) networkItem(mgmt, `${p}.managementNetwork`)
    optInt(d, 'keepaliveInterval', p, 1, 3600, { nullable: true })
    optInt(d, 'keepaliveRetry', p, 1, 100, { nullable: true })
  } else if (type === 'l2tp') {
    optString(d, 'username', p, { required: true })
    optString(d, 'password', p, { required: true })
    optIpv4(d, 'host', p, { required: true })
    const s = optObject(d, 'staticIp', p, { nullable: true })
    if (s) staticIp(s, `${p}.staticIp`)
  } else if (type === 'gre') {
    const s = optObject(d, 'staticIp', p, { required: wan.kind === 'ethernet' })
    if (s) staticIp(s, `${p}.staticIp`)
    for (const k of ['host', 'local', 'remote']) optIpv4(d, k, p, { required: true })
    optIpv4(d, 'nat', p)
  } else if (type === 'openvpn') {
    optString(d, 'username', p)
    optString(d, 'password', p)
  }
}

function validateBandwidth(o: JsonObject, path: string): void {
  for (const dir of ['upload', 'download']) {
    const b = optObject(o, dir, path)
    if (!b) continue
    const p = `${path}.${dir}`
    const value = optInt(b, 'value', p, 1, 10_000_000_000, { required: true }) ?? 0
    const unit = optEnum(b, 'unit', p, Object.keys(BW_UNITS), { required: true }) ?? 'kbps'
    const kbps = value * BW_UNITS[unit]
    if (kbps < 1 || kbps > 10_000_000) invalidParam(p, 'must be between 1 kbps and 10 Gbps')
  }
}

function validateConnection(wan: Wan, c: JsonObject, path: string): void {
  const cm = optObject(c, 'cellularModule', path)
  if (cm && wan.kind !== 'cellular') invalidParam(`${path}.cellularModule`, 'is only for cellular WAN')
  if (cm) optString(cm, 'networkMode', `${path}.cellularModule`)
  optEnum(c, 'routingMode', path, ['IP Forwarding', 'NAT'])
  optBool(c, 'pepvpnNat', path)
  optBool(c, 'useLanIp', path)
  const m = optObject(c, 'method', path)
  if (m && wan.kind === 'cellular') invalidParam(`${path}.method`, 'is not supported for a cellular WAN')
  if (m) validateMethod(wan, m, `${path}.method`)
  const dns = optObject(c, 'dns', path)
  if (dns) {
    optBool(dns, 'auto', `${path}.dns`)
    optArray(dns, 'host', `${path}.dns`, ipv4Item, { max: 2 })
  }
  optInt(c, 'priority', path, 1, 4)
  optInt(c, 'groupSet', path, 1, 4)
  optBool(c, 'ignoreDefaultGateway', path)
  optBool(c, 'hotStandBy', path)
  const hs = optObject(c, 'hotStandby', path)
  if (hs) {
    optBool(hs, 'enable', `${path}.hotStandby`, { required: true })
    optInt(hs, 'schedule', `${path}.hotStandby`, 0, 1000, { nullable: true })
  }
  optInt(c, 'idleTimeout', path, 0, 86400, { nullable: true })
  optBool(c, 'icmpPing', path)
  const bw = optObject(c, 'bandwidth', path)
  if (bw) validateBandwidth(bw, `${path}.bandwidth`)
}

function validatePhysical(wan: Wan, ph: JsonObject, path: string, method: string): void {
  const ethernetOnly = 'is only available on an Ethernet WAN'
  if (wan.kind !== 'ethernet') {
    for (const k of ['speed', 'advertise', 'mac', 'vlan']) notFor(ph, k, path, ethernetOnly)
  }
  optEnum(ph, 'speed', path, SPEEDS)
  optBool(ph, 'advertise', path)
  const max = maxMtu(method)
  const mtu = optInt(ph, 'mtu', path, 576, max, { nullable: true })
  const current = section(wan.config.settings, 'physical').mtu
  const effective = ph.mtu === null ? max : mtu ?? (typeof current === 'number' ? current : max)
  const mss = optInt(ph, 'mss', path, 536, 1452, { nullable: true })
  if (mss !== undefined && mss > effective - 40) invalidParam(`${path}.mss`, `cannot be more than MTU - 40 (${effective - 40})`)
  optInt(ph, 'ttl', path, 1, 255, { nullable: true })
  optString(ph, 'mac', path, { nullable: true, pattern: MAC })
  optInt(ph, 'vlan', path, 1, 4094, { nullable: true })
  notFor(ph, 'vpi', path, 'is only available on an ADSL/VDSL WAN')
  notFor(ph, 'vci', path, 'is only available on an ADSL/VDSL WAN')
  if (method !== 'gre') notFor(ph, 'greUplink', path, 'is only available on a GRE WAN')
  if (method !== 'openvpn') notFor(ph, 'openvpn', path, 'is only available on an OpenVPN WAN')
}

function hcHostItem(type: string) {
  return (v: Json, path: string): void => {
    if (type !== 'http') return ipv4Item(v, path)
    const o = asObject(v, path)
    const list = Array.isArray(o.host) ? o.host : [o]
    list.forEach((u, i) => {
      const uo = asObject(u, `${path}.host[${i}]`)
      optString(uo, 'url', `${path}.host[${i}]`, { required: true })
      optString(uo, 'pattern', `${path}.host[${i}]`, { required: true })
    })
  }
}

function validateHealthcheck(wan: Wan, hc: JsonObject, path: string): void {
  optBool(hc, 'enable', path, { required: true })
  const m = optObject(hc, 'method', path)
  const cur = section(wan.config.settings, 'healthcheck').method
  let type = isObject(cur) && typeof cur.type === 'string' ? cur.type : 'ping'
  if (m) {
    type = optEnum(m, 'type', `${path}.method`, HC_TYPES, { required: true }) ?? type
    const d = optObject(m, 'detail', `${path}.method`, { required: type !== 'openvpn' })
    if (d) {
      if (type !== 'nslookup') notFor(d, 'includedPublic', `${path}.method.detail`, 'is only for nslookup')
      optBool(d, 'includedPublic', `${path}.method.detail`)
      optArray(d, 'host', `${path}.method.detail`, hcHostItem(type), { max: 2 })
    }
  }
  const timeout = optInt(hc, 'timeout', path, 200, 10000)
  if (timeout !== undefined && timeout <= 800 && type !== 'ping') invalidParam(`${path}.timeout`, 'of 200-800 is for ping only (use 801-10000)')
  optInt(hc, 'interval', path, 5, 3600)
  optInt(hc, 'retry', path, 1, 20)
  optInt(hc, 'recovery', path, 1, 20)
}

/** Validate one list entry of config.wan.connection for this WAN; throws code 400. */
export function validateWanEntry(wan: Wan, e: JsonObject, path: string): void {
  const name = optString(e, 'name', path)
  if (name !== undefined && (name.trim() === '' || name.length > 32)) invalidParam(`${path}.name`, 'must be 1-32 characters')
  optBool(e, 'enable', path)
  optInt(e, 'schedule', path, 0, 1000, { nullable: true })
  const method = methodType(wan, e)
  const conn = optObject(e, 'connection', path)
  if (conn) validateConnection(wan, conn, `${path}.connection`)
  const ph = optObject(e, 'physical', path)
  if (ph) validatePhysical(wan, ph, `${path}.physical`, method)
  const hc = optObject(e, 'healthcheck', path)
  if (hc) validateHealthcheck(wan, hc, `${path}.healthcheck`)
  const bam = optObject(e, 'bandwidthAllowanceMonitor', path)
  if (bam && wan.kind === 'cellular') invalidParam(`${path}.bandwidthAllowanceMonitor`, 'is set per SIM for a cellular WAN (cellular.sim[].bandwidthAllowanceMonitor)')
  if (bam) validateAllowanceMonitor(bam, `${path}.bandwidthAllowanceMonitor`)
  if (wan.kind !== 'ethernet') notFor(e, 'multipleIp', path, 'is only available on an Ethernet WAN')
  optArray(e, 'multipleIp', path, ipv4Item)
  const ddns = optObject(e, 'ddns', path)
  if (ddns) validateDdns(ddns, `${path}.ddns`)
  notFor(e, 'modem', path, 'is only available on a USB modem WAN')
  notFor(e, 'wifiProfile', path, 'is not supported; use cmd.wifi.connect / cmd.wifi.forget')
  const cell = optObject(e, 'cellular', path)
  if (cell && wan.kind !== 'cellular') invalidParam(`${path}.cellular`, 'is only available on a cellular WAN')
  if (cell) validateCellular(cell, `${path}.cellular`)
  const wifi = optObject(e, 'wifi', path)
  if (wifi && wan.kind !== 'wifi') invalidParam(`${path}.wifi`, 'is only available on a Wi-Fi WAN')
  if (wifi) validateWifi(wifi, `${path}.wifi`)
}

