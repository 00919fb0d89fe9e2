/**
 * What the technician types -> the {host, port} pairs a sweep probes. Each input holds one or
 * more entries separated by commas or spaces; an entry is
 *   192.168.50.1                  one address
 *   192.168.50.1-20               a range within the last octet
 *   192.168.50.1-192.168.51.9     a range between two addresses
 *   192.168.50.0/24               a block of at most /16 (65,534 addresses)
 * optionally followed by `:port`, which replaces the default ports for that entry only.
 *
 * In a block of /30 or larger the network and broadcast addresses are skipped: no host answers
 * there, and the broadcast can stir up devices that were not asked. /31 (point-to-point, RFC
 * 3021) and /32 keep every address. A range is taken literally, ends included: the technician
 * named those addresses.
 *
 * Caps: at most 65,536 distinct addresses (a /16, as flat site networks can be) and 131,072
 * address × port pairs per sweep (a /16 on two ports). More than 1,024 addresses (a /22) is a
 * large sweep: the app asks first and the CLI wants --yes, since it takes minutes, not seconds.
 */
import ipaddr from 'ipaddr.js'
import { ValidationError } from '../peplink/errors'
import type { Target } from './types'

export const DEFAULT_PORTS: readonly number[] = [443]
export const MAX_ADDRESSES = 65_536
export const MAX_TARGETS = 131_072
/** A sweep of more addresses than this is confirmed first (app) or needs --yes (CLI). */
export const LARGE_SWEEP_ADDRESSES = 1024
const MIN_PREFIX = 16

const FORMS =
  'use an IPv4 address (192.168.50.1), a range (192.168.50.1-20 or 192.168.50.1-192.168.50.40), ' +
  'a block up to /16 (192.168.50.0/24), or address:port (192.168.50.1:8443)'

/** Expands typed addresses, ranges and blocks into de-duplicated targets, or throws ValidationError('target', …). */
export function parseTargets(inputs: string[], defaultPorts: readonly number[] = DEFAULT_PORTS): Target[] {
  if (defaultPorts.length === 0) throw new ValidationError('ports', 'give at least one port, e.g. 443')
  for (const p of defaultPorts) checkPort(p, 'ports', String(p))
  const entries = inputs.flatMap((s) => s.split(/[\s,]+/)).filter((s) => s.length > 0)
  if (entries.length === 0) throw new ValidationError('target', `enter at least one address: ${FORMS}`)

  const seen = new Set<string>()
  const addresses = new Set<number>()
  const targets: Target[] = []
  for (const entry of entries) {
    const { spec, port } = splitPort(entry)
    const ports = port === undefined ? defaultPorts : [port]
    for (const n of expand(spec, entry)) {
      addresses.add(n)
      if (addresses.size > MAX_ADDRESSES) throw new ValidationError('target', `a sweep covers at most ${MAX_ADDRESSES.toLocaleString('en')} addresses (one /16, e.g. 10.20.0.0/16); split it into smaller sweeps`)
      const host = toDotted(n)
      for (const p of ports) {
        const key = `${host}:${p}`
        if (seen.has(key)) continue
        seen.add(key)
        targets.push({ host, port: p })
        if (targets.length > MAX_TARGETS) throw new ValidationError('target', `a sweep covers at most ${MAX_TARGETS.toLocaleString('en')} address and port pairs (a /16 on 2 ports); use fewer ports or a smaller range`)
      }
    }
  }
  return targets
}

function splitPort(entry: string): { spec: string; port?: number } {
  const i = entry.lastIndexOf(':')
  if (i < 0) return { spec: entry }
  const text = entry.slice(i + 1)
  if (!/^\d{1,5}$/.test(text)) throw new ValidationError('target', `"${entry}" has a port that is not a number from 1 to 65535, e.g. 192.168.50.1:8443`)
  return { spec: entry.slice(0, i), port: checkPort(Number(text), 'target', entry) }
}

function checkPort(p: number, field: string, entry: string): number {
  if (!Number.isInteger(p) || p < 1 || p > 65535) throw new ValidationError(field, `"${entry}" has a port that is not a number from 1 to 65535, e.g. 443 or 8443`)
  return p
}

/** The entry's addresses as 32-bit numbers, sized before anything is expanded. */
function expand(spec: string, entry: string): number[] {
  if (spec.includes('/')) return expandBlock(spec, entry)
  const dash = spec.indexOf('-')
  if (dash >= 0) return expandRange(spec.slice(0, dash), spec.slice(dash + 1), entry)
  return [checkUsable(parseAddress(spec, entry), entry)]
}

function expandBlock(spec: string, entry: string): number[] {
  const [addr, prefixText] = spec.split('/', 2)
  const base = parseAddress(addr, entry)
  if (!/^\d{1,2}$/.test(prefixText) || Number(prefixText) > 32)
    throw new ValidationError('target', `"${entry}" has a block size that is not /0 to /32, e.g. 192.168.50.0/24`)
  const prefix = Number(prefixText)
  if (prefix < MIN_PREFIX)
    throw new ValidationError('target', `"${entry}" is larger than /${MIN_PREFIX} (${MAX_ADDRESSES.toLocaleString('en')} addresses); sweep a /${MIN_PREFIX} or smaller within it, e.g. ${toDotted(network(base, MIN_PREFIX))}/${MIN_PREFIX}`)
  const first = network(base, prefix)
  const size = 2 ** (32 - prefix)
  // /31 and /32 have no network or broadcast address to skip.
  const skipEnds = prefix <= 30
  const out: number[] = []
  for (let i = skipEnds ? 1 : 0; i < (skipEnds ? size - 1 : size); i++) out.push(checkUsable(first + i, entry))
  return out
}

function expandRange(fromText: string, toText: string, entry: string): number[] {
  const from = parseAddress(fromText, entry)
  let to: number
  if (/^\d{1,3}$/.test(toText)) {
    if (Number(toText) > 255) throw new ValidationError('target', `"${entry}" ends past 255; a short range gives the last number only, e.g. 192.168.50.1-20`)
    to = from - (from % 256) + Number(toText)
  } else {
    to = parseAddress(toText, entry)
  }
  if (to < from) throw new ValidationError('target', `"${entry}" runs backwards; put the lower address first, e.g. 192.168.50.1-20`)
  if (to - from + 1 > MAX_ADDRESSES)
    throw new ValidationError('target', `"${entry}" spans more than ${MAX_ADDRESSES.toLocaleString('en')} addresses; a sweep covers at most one /16, e.g. 10.20.0.1-10.20.255.254`)
  const out: number[] = []
  for (let n = from; n <= to; n++) out.push(checkUsable(n, entry))
  return out
}

function parseAddress(text: string, entry: string): number {
  // Strict dotted quad: ipaddr's lenient forms ("127.1", "0x7f.0.0.1") are typos in the field.
  if (!ipaddr.IPv4.isValidFourPartDecimal(text)) throw new ValidationError('target', `"${entry}" is not an address or range: ${FORMS}`)
  return toNumber(text)
}

/** 0.x, multicast and reserved/broadcast space cannot hold a router's web admin. */
function checkUsable(n: number, entry: string): number {
  const first = Math.floor(n / 2 ** 24)
  if (first === 0 || first >= 224)
    throw new ValidationError('target', `"${entry}" includes ${toDotted(n)}, which cannot be a router's address (0.x, multicast or reserved); use its LAN address, e.g. 192.168.50.1`)
  return n
}

function network(n: number, prefix: number): number {
  const size = 2 ** (32 - prefix)
  return Math.floor(n / size) * size
}

/** The dotted-quad text of a 32-bit address number. */
export function toDotted(n: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')
}

/** The 32-bit number of a dotted-quad address (which must be valid). */
export function toNumber(address: string): number {
  return ipaddr.IPv4.parse(address).octets.reduce((n, o) => n * 256 + o, 0)
}

/** How many distinct addresses the targets cover (the size a large sweep is judged by). */
export function addressCount(targets: readonly Target[]): number {
  return new Set(targets.map((t) => t.host)).size
}
