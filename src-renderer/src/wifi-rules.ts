/**
 * Wi-Fi WAN helpers: key rules per security policy, the BSSID format, and the scan list's
 * sort and filter. Pure functions, no Vue.
 */
import type { WifiNetwork } from '../../src-main/peplink/model'
import type { WifiSecurity } from '../../src-preload/contract'

/** Labels as the router's web admin writes them. */
export const SECURITY_LABELS: Record<WifiSecurity, string> = {
  open: 'Open',
  wep: 'WEP',
  'wpa-psk': 'WPA/WPA2 Personal',
  'wpa-eap': 'WPA/WPA2 Enterprise',
  '8021x': '802.1X',
}

/** The scan's security string as a policy Uplink can connect with, if it is one. */
export function asSecurity(policy: string | undefined): WifiSecurity | undefined {
  const p = (policy ?? '').toLowerCase()
  return p in SECURITY_LABELS ? (p as WifiSecurity) : undefined
}

/** The label of a scanned security string (unknown ones as the router wrote them). */
export function securityLabel(policy: string | undefined): string {
  const s = asSecurity(policy)
  return s ? SECURITY_LABELS[s] : policy || '—'
}

/** True for policies that need a key: WEP and WPA-PSK. */
export const needsKey = (p: WifiSecurity) => p === 'wep' || p === 'wpa-psk'
/** True for policies that need a login and password: WPA-EAP and 802.1X. */
export const needsLogin = (p: WifiSecurity) => p === 'wpa-eap' || p === '8021x'

/** Why a key is not accepted (undefined when it is): WPA 8-63 characters or 64 hex; WEP 5/13 characters or 10/26 hex. */
export function keyProblem(policy: WifiSecurity, key: string): string | undefined {
  if (!needsKey(policy)) return undefined
  if (key === '') return 'Type the Wi-Fi password (key).'
  if (policy === 'wpa-psk') {
    if (/^[0-9a-fA-F]{64}$/.test(key)) return undefined
    if (!/^[\x20-\x7e]*$/.test(key)) return 'Use plain ASCII characters only.'
    if (key.length < 8) return `Too short: a WPA key has 8 to 63 characters (this has ${key.length}).`
    if (key.length > 63) return 'Too long: a WPA key has 8 to 63 characters, or exactly 64 hexadecimal digits.'
    return undefined
  }
  if (key.length === 5 || key.length === 13) return undefined
  if ((key.length === 10 || key.length === 26) && /^[0-9a-fA-F]+$/.test(key)) return undefined
  return `A WEP key has 5 or 13 characters, or 10 or 26 hexadecimal digits (this has ${key.length}).`
}

/** Why a preferred BSSID is not accepted (empty is fine: it is optional). */
export function bssidProblem(bssid: string): string | undefined {
  if (bssid === '' || /^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(bssid)) return undefined
  return 'Write the BSSID as six pairs of hex digits, for example A2:E5:B8:55:89:DF.'
}

/** Why an SSID cannot be used (undefined when it can): 1-32 characters. */
export function ssidProblem(ssid: string): string | undefined {
  if (ssid.trim() === '') return 'Type the network name (SSID).'
  if (new TextEncoder().encode(ssid).length > 32) return 'An SSID is at most 32 bytes.'
  return undefined
}

export type WifiSort = 'signal' | 'name' | 'channel' | 'security'

/** The scan list filtered by name (case-insensitive) and sorted; strongest signal first by default. */
export function arrangeNetworks(list: readonly WifiNetwork[], sort: WifiSort, filter: string): WifiNetwork[] {
  const f = filter.trim().toLowerCase()
  const kept = f ? list.filter((n) => n.ssid.toLowerCase().includes(f) || n.bssid.toLowerCase().includes(f)) : [...list]
  const byName = (a: WifiNetwork, b: WifiNetwork) => a.ssid.localeCompare(b.ssid, 'en', { sensitivity: 'base' })
  const bySignal = (a: WifiNetwork, b: WifiNetwork) => (b.signalStrength ?? -999) - (a.signalStrength ?? -999)
  const cmp: Record<WifiSort, (a: WifiNetwork, b: WifiNetwork) => number> = {
    signal: (a, b) => bySignal(a, b) || byName(a, b),
    name: (a, b) => byName(a, b) || bySignal(a, b),
    channel: (a, b) => (a.channel ?? 999) - (b.channel ?? 999) || bySignal(a, b),
    security: (a, b) => securityLabel(a.securityPolicy).localeCompare(securityLabel(b.securityPolicy)) || bySignal(a, b),
  }
  return kept.sort(cmp[sort])
}

/** Why an SSID profile's VLAN is not accepted: empty (none) or 1-4094. */
export function vlanProblem(vlan: string): string | undefined {
  if (vlan.trim() === '') return undefined
  const n = Number(vlan)
  return Number.isInteger(n) && n >= 1 && n <= 4094 ? undefined : 'A VLAN id is a whole number from 1 to 4094.'
}
