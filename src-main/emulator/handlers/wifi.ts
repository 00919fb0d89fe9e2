/**
 * Wi-Fi WAN: cmd.wifi.scan, cmd.wifi.connect, cmd.wifi.result, cmd.wifi.disconnect,
 * cmd.wifi.forget.
 *
 * Result choice: until an attempt is final (wifiConnectMs after connect) cmd.wifi.result
 * keeps reporting the previous last-known result with its older timestamp; compare the
 * timestamp/ssid to tell a fresh answer. With no result ever, the response is `{}`.
 */
import { invalid, listParam, type Ctx } from '../context'
import { logEvent } from '../event-log'
import { atLeast } from '../firmware'
import type { Json, JsonObject } from '../json'
import { wifiLevel } from '../render/wan-status'
import type { WifiAp, WifiPolicy, WifiProfile, WifiResultCode, WifiWanState } from '../state-types'
import { requireWifi } from './wan-param'

const POLICIES: WifiPolicy[] = ['open', 'wep', 'wpa-eap', 'wpa-psk', '8021x']

function optString(ctx: Ctx, name: string, allowed?: string[]): string | undefined {
  const v = ctx.body[name]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw invalid(`${name} must be a string`)
  if (allowed && !allowed.includes(v)) throw invalid(`${name} must be one of ${allowed.join(', ')}`)
  return v
}

function requiredPolicy(ctx: Ctx): WifiPolicy {
  const p = optString(ctx, 'securityPolicy', POLICIES)
  if (!p) throw invalid('securityPolicy is required')
  return p as WifiPolicy
}

function requiredSsid(ctx: Ctx): string {
  const ssid = optString(ctx, 'ssid')
  if (!ssid) throw invalid('ssid is required')
  return ssid
}

/** GET cmd.wifi.scan?connId=&infoType=status|config&sortBy=&sortOrder= */
export function handleWifiScan(ctx: Ctx): Json {
  const w = requireWifi(ctx).wifi
  const info = listParam(ctx.query, 'infoType') ?? []
  const sortBy = ctx.query.get('sortBy')
  const desc = ctx.query.get('sortOrder') === 'desc'
  const profileOf = (ap: WifiAp) => w.profiles.find((p) => p.ssid === ap.ssid && p.securityPolicy === ap.securityPolicy)
  const key = (ap: WifiAp): string | number =>
    sortBy === 'signal' ? ap.signal : sortBy === 'channel' ? ap.channel : sortBy === 'security' ? ap.securityPolicy : ap.ssid.toLowerCase()
  const aps = [...w.aps].sort((a, b) => {
    // Default order: by name with the defined (profiled) SSIDs at the head.
    if (!sortBy) {
      const d = Number(!profileOf(a)) - Number(!profileOf(b))
      if (d !== 0) return d
    }
    const ka = key(a)
    const kb = key(b)
    const c = ka < kb ? -1 : ka > kb ? 1 : 0
    return desc ? -c : c
  })
  const newShape = atLeast(ctx.state.firmware, '8.1.0')
  return aps.map((ap) => {
    const o: JsonObject = { ssid: ap.ssid, bssid: ap.bssid }
    if (newShape) {
      o.signalStrength = ap.signal
      o.signalLevel = wifiLevel(ap.signal)
    } else {
      o.signal = ap.signal
    }
    o.channel = ap.channel
    o.securityPolicy = ap.securityPolicy
    const profile = profileOf(ap)
    if (info.includes('status')) {
      const target = w.attempt?.ssid ?? w.connected?.ssid
      o.status = { inUse: target === ap.ssid, connected: w.connected?.bssid === ap.bssid }
    }
    if (info.includes('config') && profile) o.config = { profileId: profile.id, automatic: profile.automatic }
    return o
  })
}

function validateKey(policy: WifiPolicy, key: string): void {
  if (policy === 'wpa-psk' && !(/^[\x20-\x7e]{8,63}$/.test(key) || /^[0-9a-fA-F]{64}$/.test(key))) {
    throw invalid('key must be 8-63 characters or 64 hexadecimal digits')
  }
  if (policy === 'wep' && !(/^.{5}$|^.{13}$/.test(key) || /^[0-9a-fA-F]{10}$|^[0-9a-fA-F]{26}$/.test(key))) {
    throw invalid('key must be 5 or 13 characters, or 10 or 26 hexadecimal digits')
  }
}

function outcomeFor(w: WifiWanState, p: WifiProfile): { outcome: WifiResultCode; ap?: WifiAp } {
  const candidates = w.aps.filter((a) => a.ssid === p.ssid)
  const ap = candidates.find((a) => a.bssid === p.preferredBssid) ?? candidates[0]
  // A profile whose security does not match the AP finds no AP to join.
  if (!ap || ap.securityPolicy !== p.securityPolicy) return { outcome: 'AP_NOT_FOUND' }
  if (ap.weak) return { outcome: 'TIMEOUT', ap }
  if ((p.securityPolicy === 'wpa-psk' || p.securityPolicy === 'wep') && p.key !== ap.key) return { outcome: 'PSK_AUTH_FAIL', ap }
  if ((p.securityPolicy === 'wpa-eap' || p.securityPolicy === '8021x') && (p.loginId !== ap.eap?.loginId || p.password !== ap.eap?.password)) {
    return { outcome: 'EAP_AUTH_FAIL', ap }
  }
  return { outcome: 'CONNECTED', ap }
}

/** POST cmd.wifi.connect: saves/updates the profile and starts an attempt that ends after wifiConnectMs. */
export function handleWifiConnect(ctx: Ctx): undefined {
  const wan = requireWifi(ctx)
  const w = wan.wifi
  const ssid = requiredSsid(ctx)
  // The reference example connects a profiled SSID by name alone, so the policy may
  // come from the saved profile.
  const saved = w.profiles.find((p) => p.ssid === ssid)
  const policy = ctx.body.securityPolicy === undefined && saved ? saved.securityPolicy : requiredPolicy(ctx)
  const existing = w.profiles.find((p) => p.ssid === ssid && p.securityPolicy === policy)
  const profile: WifiProfile = existing ?? { id: w.nextProfileId++, ssid, securityPolicy: policy, automatic: true }
  const key = optString(ctx, 'key')
  const bssid = optString(ctx, 'preferredBssid')
  if (bssid !== undefined && !/^([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}$/.test(bssid)) throw invalid('preferredBssid must be a MAC address')
  const next: WifiProfile = {
    ...profile,
    key: key ?? profile.key,
    loginId: optString(ctx, 'loginId') ?? profile.loginId,
    password: optString(ctx, 'password') ?? profile.password,
    eapMethod: optString(ctx, 'eapMethod', ['TTLS', 'PEAP']) ?? profile.eapMethod,
    eapPhase2: optString(ctx, 'eapPhase2', ['CHAP', 'MSCHAP', 'MSCHAPV2', 'PAP']) ?? profile.eapPhase2,
    eapAuthenticationId: optString(ctx, 'eapAuthenticationId') ?? profile.eapAuthenticationId,
    preferredBssid: bssid ?? profile.preferredBssid,
  }
  if (policy === 'wpa-psk' || policy === 'wep') {
    if (!next.key) throw invalid('key is required for this security policy')
    validateKey(policy, next.key)
  }
  if ((policy === 'wpa-eap' || policy === '8021x') && (!next.loginId || !next.password)) {
    throw invalid('loginId and password are required for this security policy')
  }
  w.profiles = [...w.profiles.filter((p) => p.id !== next.id), next].sort((a, b) => a.id - b.id)
  const { outcome, ap } = outcomeFor(w, next)
  w.connected = null
  w.attempt = { at: ctx.now + ctx.opts.wifiConnectMs, profileId: next.id, ssid, bssid: ap?.bssid, securityPolicy: policy, outcome }
  logEvent(ctx.state, ctx.now, 'WAN', `${wan.config.name}: connecting to ${ssid}`)
  return undefined
}

/** GET cmd.wifi.result: the last known (final) result. */
export function handleWifiResult(ctx: Ctx): Json {
  const r = requireWifi(ctx).wifi.lastResult
  if (!r) return {}
  const o: JsonObject = { result: r.result, timestamp: r.timestamp, ssid: r.ssid }
  if (r.bssid) o.bssid = r.bssid
  o.securityPolicy = r.securityPolicy
  o.message = r.message
  return o
}

/** POST cmd.wifi.disconnect {connId, ssid?}. */
export function handleWifiDisconnect(ctx: Ctx): undefined {
  const wan = requireWifi(ctx)
  const w = wan.wifi
  const ssid = optString(ctx, 'ssid')
  const current = w.attempt?.ssid ?? w.connected?.ssid
  if (ssid === undefined || ssid === current) {
    w.connected = null
    w.attempt = null
    logEvent(ctx.state, ctx.now, 'WAN', `${wan.config.name}: disconnected`)
  }
  return undefined
}

/** POST cmd.wifi.forget {connId, ssid, securityPolicy}: drops the profile and any connection using it. */
export function handleWifiForget(ctx: Ctx): undefined {
  const wan = requireWifi(ctx)
  const w = wan.wifi
  const ssid = requiredSsid(ctx)
  const policy = requiredPolicy(ctx)
  w.profiles = w.profiles.filter((p) => !(p.ssid === ssid && p.securityPolicy === policy))
  if (w.connected?.ssid === ssid && w.connected.securityPolicy === policy) w.connected = null
  if (w.attempt?.ssid === ssid && w.attempt.securityPolicy === policy) w.attempt = null
  logEvent(ctx.state, ctx.now, 'WAN', `${wan.config.name}: forgot ${ssid}`)
  return undefined
}
