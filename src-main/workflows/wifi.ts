/**
 * Wi-Fi as WAN: scan, connect and explain the outcome, disconnect and forget. A connect is
 * verified by polling `cmd.wifi.result` until a final state newer than the request.
 */
import type { RouterClient } from '../peplink/client'
import type { WifiConnectResult, WifiNetwork } from '../peplink/model'
import { pollUntil } from './poll'
import { requireWifi, readWan } from './wan'
import { seconds, type WorkflowOptions } from './types'

export type SecurityPolicy = 'open' | 'wep' | 'wpa-psk' | 'wpa-eap' | '8021x'

export interface WifiConnectParams {
  connId: number
  ssid: string
  securityPolicy: SecurityPolicy
  key?: string
  loginId?: string
  password?: string
  eapMethod?: 'TTLS' | 'PEAP'
  eapPhase2?: 'CHAP' | 'MSCHAP' | 'MSCHAPV2' | 'PAP'
  eapAuthenticationId?: string
  preferredBssid?: string
}

const FINAL = new Set(['CONNECTED', 'TIMEOUT', 'PSK_AUTH_FAIL', 'EAP_AUTH_FAIL', 'AP_NOT_FOUND', 'UNKNOWN_FAIL'])

/** A sentence for each result code, saying what it means and what to try. */
export function explainWifiResult(r: Pick<WifiConnectResult, 'result' | 'ssid' | 'bssid' | 'message'>, signalDbm?: number): string {
  switch (r.result) {
    case 'CONNECTED':
      return `Connected to ${r.ssid ?? 'the network'}${r.bssid ? ` (${r.bssid})` : ''}${signalDbm !== undefined ? `, signal ${signalDbm} dBm` : ''}.`
    case 'PSK_AUTH_FAIL':
      return 'The Wi-Fi password is wrong. Check it with the network owner and try again.'
    case 'EAP_AUTH_FAIL':
      return 'The login or password for this enterprise network was refused. Check the user name, password, EAP method and phase 2.'
    case 'AP_NOT_FOUND':
      return 'The network is out of range or hidden. Move closer, check the SSID spelling, or scan again.'
    case 'TIMEOUT':
      return 'The access point did not complete the connection in time. The signal may be too weak; try again or move the router.'
    case 'UNKNOWN_FAIL':
      return `The connection failed for a reason the router could not classify${r.message ? `: "${r.message}"` : ''}.`
    default:
      return `The router reports "${r.result}"${r.message ? `: ${r.message}` : ''}.`
  }
}

/** Scans for access points (with status and saved-profile information). */
export async function scanWifi(client: RouterClient, params: { connId: number }, opts: WorkflowOptions = {}): Promise<WifiNetwork[]> {
  await requireWifi(client, params.connId, 'A Wi-Fi scan', opts.signal)
  const [withStatus, withConfig] = await Promise.all([
    client.api.wifiScan({ connId: params.connId, infoType: 'status' }, { signal: opts.signal }),
    client.api.wifiScan({ connId: params.connId, infoType: 'config' }, { signal: opts.signal }).catch(() => [] as WifiNetwork[]),
  ])
  const config = new Map(withConfig.map((n) => [`${n.ssid}\u0000${n.bssid}`, n]))
  return withStatus.map((n) => {
    const c = config.get(`${n.ssid}\u0000${n.bssid}`)
    return { ...n, profileId: n.profileId ?? c?.profileId, automatic: n.automatic ?? c?.automatic }
  })
}

export interface WifiConnectOutcome {
  result: string
  final: boolean
  connected: boolean
  ssid: string
  bssid?: string
  signalStrength?: number
  message?: string
  explanation: string
  elapsedMs: number
  /**
   * After a failed attempt: the network the Wi-Fi WAN was on before, which the router still has
   * a profile for, so the technician can go back to it in one step.
   */
  previous?: { ssid: string; securityPolicy: SecurityPolicy }
  /** The router saved a profile for the failed network; Uplink removed it (a wrong key is not kept). */
  profileRemoved?: boolean
}

const POLICIES = new Set<string>(['open', 'wep', 'wpa-psk', 'wpa-eap', '8021x'])

/** Connects the Wi-Fi WAN and waits for a final result newer than the request. */
export async function connectWifi(client: RouterClient, params: WifiConnectParams, opts: WorkflowOptions = {}): Promise<WifiConnectOutcome> {
  const wanBefore = await requireWifi(client, params.connId, 'Connecting Wi-Fi', opts.signal)
  const o = { signal: opts.signal }
  const [previous, saved] = await Promise.all([
    client.api.wifiResult({ connId: params.connId }, o).catch(() => undefined),
    // Saved profiles before the attempt: the router saves one for any network it tries.
    client.api.wifiScan({ connId: params.connId, infoType: 'config' }, o).catch(() => undefined),
  ])
  const profiled = (ssid: string) => saved?.some((n) => n.ssid === ssid && n.profileId !== undefined)
  const wasOn = wanBefore.connected ? wanBefore.wifi?.ssid : undefined
  const wasOnPolicy = wasOn ? saved?.find((n) => n.ssid === wasOn && n.profileId !== undefined)?.securityPolicy : undefined
  opts.onProgress?.({ step: 'connect', message: `Connecting to ${params.ssid}…` })
  await client.api.wifiConnect(params, { signal: opts.signal })
  // Until the attempt ends the router keeps reporting its previous result (timestamps are in
  // whole seconds, so two attempts can share one): a fresh result is a final one that differs.
  const fingerprint = (r?: WifiConnectResult) => (r ? [r.result, r.timestamp, r.ssid, r.bssid, r.message].join('\u0000') : '')
  const isNew = (r: WifiConnectResult) => FINAL.has(r.result) && (previous === undefined || fingerprint(r) !== fingerprint(previous))
  const outcome = await pollUntil(
    () => client.api.wifiResult({ connId: params.connId }, { signal: opts.signal }),
    isNew,
    { intervalMs: opts.pollMs ?? 1000, timeoutMs: opts.timeoutMs ?? 60_000, signal: opts.signal },
    (r, elapsedMs) => opts.onProgress?.({ step: 'waiting', elapsedMs, message: `Waiting for the router's result… (${r && isNew(r) ? r.result : 'no new result yet'})` }),
  )
  const r = outcome.done ? outcome.value : undefined
  const wan = r?.result === 'CONNECTED' ? await readWan(client, params.connId, opts.signal).catch(() => undefined) : undefined
  const signalStrength = wan?.wifi?.signalStrength
  const failed = r !== undefined && r.result !== 'CONNECTED'
  // A profile is kept only for a network that worked: remove the one this failed attempt left,
  // unless the technician had saved that network before.
  let profileRemoved: boolean | undefined
  if (failed && saved !== undefined && !profiled(params.ssid)) {
    profileRemoved = await client.api.wifiForget({ connId: params.connId, ssid: params.ssid, securityPolicy: params.securityPolicy }, o).then(() => true, () => false)
  }
  const back = failed && wasOn && wasOn !== params.ssid && wasOnPolicy && POLICIES.has(wasOnPolicy) ? { ssid: wasOn, securityPolicy: wasOnPolicy as SecurityPolicy } : undefined
  return {
    result: r?.result ?? 'PENDING',
    final: outcome.done,
    connected: r?.result === 'CONNECTED',
    ssid: r?.ssid ?? params.ssid,
    bssid: r?.bssid ?? wan?.wifi?.bssid,
    signalStrength,
    message: r?.message,
    explanation: r
      ? `${explainWifiResult(r, signalStrength)}${profileRemoved ? ` The profile the router saved for ${params.ssid} was removed, so the wrong settings are not kept.` : ''}${back ? ` The Wi-Fi WAN is down now; it was on ${back.ssid} before.` : ''}`
      : `The router gave no final result within ${seconds(outcome.elapsedMs)}. Check the Wi-Fi WAN in a moment, or try again.`,
    elapsedMs: outcome.elapsedMs,
    ...(back ? { previous: back } : {}),
    ...(profileRemoved !== undefined ? { profileRemoved } : {}),
  }
}

/** Disconnects the Wi-Fi WAN (optionally only from one SSID). */
export async function disconnectWifi(client: RouterClient, params: { connId: number; ssid?: string }, opts: WorkflowOptions = {}): Promise<{ summary: string }> {
  await requireWifi(client, params.connId, 'Disconnecting Wi-Fi', opts.signal)
  await client.api.wifiDisconnect(params, { signal: opts.signal })
  return { summary: `Disconnected${params.ssid ? ` from ${params.ssid}` : ''}.` }
}

/** Forgets a saved network (and disconnects if it is in use). */
export async function forgetWifi(client: RouterClient, params: { connId: number; ssid: string; securityPolicy: SecurityPolicy }, opts: WorkflowOptions = {}): Promise<{ summary: string }> {
  await requireWifi(client, params.connId, 'Forgetting a Wi-Fi network', opts.signal)
  await client.api.wifiForget(params, { signal: opts.signal })
  return { summary: `Forgot ${params.ssid}.` }
}
