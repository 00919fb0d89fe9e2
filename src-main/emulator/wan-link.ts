/**
 * One question for every WAN type: is it up right now, and what do the LED and the
 * status message say? Also settles finished Wi-Fi attempts (lazily, per request).
 */
import { cellularLink, settleCellular } from './cellular-link'
import type { EmulatorState, Led, Wan, WifiWan } from './state-types'

export interface WanLink {
  up: boolean
  message: string
  led: Led
  /** A backup held in standby behind a better-priority WAN that is up. */
  standby?: boolean
}

function allowanceCutsOff(wan: Wan): boolean {
  const a = wan.allowance
  return wan.kind !== 'cellular' && a.enable && a.usageMb >= a.limitMb && a.action.includes('disconnect')
}

/** Finish a Wi-Fi connect attempt whose time has come. */
function settleWifi(wan: WifiWan, now: number): void {
  const w = wan.wifi
  const attempt = w.attempt
  if (!attempt || now < attempt.at) return
  w.attempt = null
  const messages: Record<string, string> = {
    CONNECTED: `connected to ${attempt.ssid} (${attempt.bssid ?? ''})`,
    TIMEOUT: `connection to ${attempt.ssid} timed out`,
    PSK_AUTH_FAIL: `failed to connect to ${attempt.ssid}: pre-shared key mismatch`,
    EAP_AUTH_FAIL: `failed to connect to ${attempt.ssid}: EAP authentication failed`,
    AP_NOT_FOUND: `${attempt.ssid} not found`,
    UNKNOWN_FAIL: `failed to connect to ${attempt.ssid}`,
  }
  w.lastResult = {
    result: attempt.outcome,
    timestamp: Math.floor(attempt.at / 1000),
    ssid: attempt.ssid,
    bssid: attempt.outcome === 'CONNECTED' ? attempt.bssid : undefined,
    securityPolicy: attempt.securityPolicy,
    message: messages[attempt.outcome],
  }
  if (attempt.outcome === 'CONNECTED' && attempt.bssid) {
    w.connected = { ssid: attempt.ssid, bssid: attempt.bssid, securityPolicy: attempt.securityPolicy, profileId: attempt.profileId }
    wan.upSince = attempt.at
  }
}

/** Apply every deadline that has passed (called at the start of each request). */
export function settleAll(state: EmulatorState, now: number): void {
  for (const wan of state.wans) {
    if (wan.kind === 'cellular') settleCellular(wan, now)
    if (wan.kind === 'wifi') settleWifi(wan, now)
  }
}

/**
 * Link state of any WAN at `now`. Given every WAN of the router, a WAN configured for standby
 * reports "Standby" (yellow, address kept) while a WAN of a better priority is up.
 */
export function wanLink(wan: Wan, now: number, all?: readonly Wan[]): WanLink {
  const own = ownLink(wan, now)
  if (!own.up || !wan.config.standby || !all) return own
  const p = wan.config.priority
  const ahead = all.some((o) => o !== wan && o.config.enable && o.config.priority < p && ownLink(o, now).up)
  return ahead ? { up: false, standby: true, message: 'Standby', led: 'yellow' } : own
}

function ownLink(wan: Wan, now: number): WanLink {
  if (wan.kind === 'cellular') {
    const l = cellularLink(wan, now)
    return { up: l.up, message: l.message, led: l.led }
  }
  if (!wan.config.enable) return { up: false, message: 'Disabled', led: 'gray' }
  if (wan.kind === 'ethernet' && !wan.cable) return { up: false, message: 'No Cable Detected', led: 'red' }
  if (wan.kind === 'modem' && !wan.device) return { up: false, message: 'No Device Detected', led: 'empty' }
  if (wan.kind === 'wifi') {
    const w = wan.wifi
    if (w.attempt && now < w.attempt.at) return { up: false, message: 'Connecting...', led: 'yellow' }
    if (!w.connected) return { up: false, message: 'Disconnected', led: 'red' }
  }
  if (allowanceCutsOff(wan)) return { up: false, message: 'Bandwidth allowance exceeded', led: 'red' }
  return { up: true, message: 'Connected', led: 'green' }
}

/** Find a WAN by id. */
export function findWan(state: EmulatorState, id: number): Wan | undefined {
  return state.wans.find((w) => w.id === id)
}
