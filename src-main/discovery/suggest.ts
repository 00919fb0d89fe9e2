/**
 * Sweep suggestions from this laptop's own network settings: the default gateway (on site it is
 * usually the Peplink itself) and the subnets the laptop sits on. Computed from local data only;
 * nothing is sent anywhere.
 */
import { readFileSync } from 'node:fs'
import { endianness, networkInterfaces, platform } from 'node:os'
import ipaddr from 'ipaddr.js'
import { toDotted, toNumber } from './targets'
import type { Suggestion } from './types'

export type Interfaces = ReturnType<typeof networkInterfaces>

export interface DefaultRoute {
  iface: string
  gateway: string
  metric: number
}

/**
 * Suggested sweeps stay small (a /22 at most, no confirmation needed); a laptop on a bigger subnet
 * is offered the /24 around itself, and the whole subnet beside it up to a /16.
 */
const MAX_SWEEP_PREFIX = 22
const RTF_UP = 0x1
const RTF_GATEWAY = 0x2

/** Suggestions from interface data and the Linux route table (both injectable; defaults read this machine). */
export function suggestTargets(interfaces: Interfaces = networkInterfaces(), routeText: string | null = readRouteTable()): Suggestion[] {
  const subnets = localSubnets(interfaces)
  const routes = routeText === null ? [] : parseRouteTable(routeText)
  const out: Suggestion[] = routes.map((r) => ({ label: `Default gateway ${r.gateway} (${r.iface})`, target: r.gateway, kind: 'gateway' }))
  if (routes.length === 0) {
    // No route table (macOS, Windows) or no default route: a router's LAN address is most often
    // the first host of its subnet, so offer that, saying it is a guess.
    for (const s of subnets) {
      if (s.prefix > 30) continue
      const guess = toDotted(s.network + 1)
      if (guess !== s.address) out.push({ label: `Likely gateway ${guess} (${s.iface})`, target: guess, kind: 'gateway' })
    }
  }
  // Subnets behind a default route first: that is the LAN the technician plugged into.
  const routed = new Set(routes.map((r) => r.iface))
  const ordered = [...subnets.filter((s) => routed.has(s.iface)), ...subnets.filter((s) => !routed.has(s.iface))]
  for (const s of ordered) {
    if (s.prefix >= MAX_SWEEP_PREFIX) {
      const block = `${toDotted(s.network)}/${s.prefix}`
      out.push({ label: `Subnet ${block} (${s.iface})`, target: block, kind: 'subnet' })
    } else {
      const block = `${toDotted(Math.floor(toNumber(s.address) / 256) * 256)}/24`
      const whole = `${toDotted(s.network)}/${s.prefix}`
      out.push({ label: `Subnet ${block} around this laptop (${s.iface}; part of ${whole})`, target: block, kind: 'subnet' })
      if (s.prefix >= 16) out.push({ label: `The whole subnet ${whole} (${s.iface}): ${(2 ** (32 - s.prefix) - 2).toLocaleString('en')} addresses, takes minutes`, target: whole, kind: 'subnet' })
    }
  }
  const seen = new Set<string>()
  return out.filter((s) => !seen.has(s.target) && seen.add(s.target))
}

interface LocalSubnet {
  iface: string
  address: string
  network: number
  prefix: number
}

function localSubnets(interfaces: Interfaces): LocalSubnet[] {
  const out: LocalSubnet[] = []
  for (const [iface, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      // Node 18.0–18.3 reported family as the number 4.
      const family: unknown = info.family
      if ((family !== 'IPv4' && family !== 4) || info.internal) continue
      if (!ipaddr.IPv4.isValidFourPartDecimal(info.address)) continue
      const prefix = prefixOf(info)
      // /32: nothing there but the laptop. 169.254/16: no DHCP answered, and no router lives there.
      if (prefix === null || prefix >= 32 || info.address.startsWith('169.254.')) continue
      const size = 2 ** (32 - prefix)
      out.push({ iface, address: info.address, network: Math.floor(toNumber(info.address) / size) * size, prefix })
    }
  }
  return out
}

function prefixOf(info: { netmask: string; cidr: string | null }): number | null {
  const fromCidr = info.cidr?.split('/')[1]
  if (fromCidr !== undefined && /^\d{1,2}$/.test(fromCidr)) return Number(fromCidr)
  if (!ipaddr.IPv4.isValidFourPartDecimal(info.netmask)) return null
  return ipaddr.IPv4.parse(info.netmask).prefixLengthFromSubnetMask()
}

/** Default gateways in /proc/net/route text, lowest metric first. */
export function parseRouteTable(text: string, littleEndian = endianness() === 'LE'): DefaultRoute[] {
  const routes: DefaultRoute[] = []
  for (const line of text.split('\n').slice(1)) {
    const f = line.trim().split(/\s+/)
    if (f.length < 8) continue
    const [iface, dest, gw, flagsHex, , , metric, mask] = f
    const flags = parseInt(flagsHex, 16)
    if (dest !== '00000000' || mask !== '00000000' || (flags & (RTF_UP | RTF_GATEWAY)) !== (RTF_UP | RTF_GATEWAY)) continue
    const gateway = hexToAddress(gw, littleEndian)
    if (gateway !== null) routes.push({ iface, gateway, metric: Number(metric) || 0 })
  }
  return routes.sort((a, b) => a.metric - b.metric)
}

/** The kernel writes addresses as one 32-bit word in host byte order. */
function hexToAddress(hex: string, littleEndian: boolean): string | null {
  if (!/^[0-9A-Fa-f]{8}$/.test(hex) || hex === '00000000') return null
  const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16))
  return (littleEndian ? bytes.reverse() : bytes).join('.')
}

/** The Linux route table, or null on other systems or when it cannot be read. */
export function readRouteTable(): string | null {
  if (platform() !== 'linux') return null
  try {
    return readFileSync('/proc/net/route', 'utf8')
  } catch {
    return null
  }
}
