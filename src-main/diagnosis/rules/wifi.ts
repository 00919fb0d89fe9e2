/**
 * Wi-Fi WAN rules: the last connection attempt did not end CONNECTED (explained per result
 * code, with the fix that code calls for), and a weak signal on a connected Wi-Fi WAN.
 */
import { gradeRssi } from '../../peplink/signal-grade'
import { explainWifiResult } from '../../workflows/wifi'
import type { Finding, FixAction, Rule } from '../types'
import { finding, orNull, wanLabel } from './helpers'

function fixesFor(code: string, connId: number, ssid: string | undefined): FixAction[] {
  const scan: FixAction = { label: 'Scan for Wi-Fi networks', workflow: 'wifi.scan', params: { connId }, disruptive: false }
  const connect = (label: string): FixAction => ({ label, workflow: 'wifi.connect', params: { connId, ...(ssid ? { ssid } : {}) }, disruptive: true })
  switch (code) {
    case 'PSK_AUTH_FAIL': return [connect('Re-enter the Wi-Fi password and connect')]
    case 'EAP_AUTH_FAIL': return [connect('Re-enter the login and connect')]
    case 'AP_NOT_FOUND': return [scan, connect('Connect to a network from the scan')]
    case 'TIMEOUT': return [scan, connect('Try connecting again')]
    default: return [connect('Try connecting again'), scan]
  }
}

/** The Wi-Fi WAN's last result is anything but CONNECTED. */
export const wifiResult: Rule = (s) =>
  s.wifiResults.flatMap(({ wanId, result }): Finding[] => {
    if (result.result === 'CONNECTED') return []
    const w = s.wans.find((x) => x.id === wanId)
    if (w && !w.enable) return []
    const connected = w?.connected ?? false
    return [finding({
      rule: 'wifi-result', severity: connected ? 'info' : 'problem', wanId, key: result.result,
      title: `${w ? wanLabel(w) : `Wi-Fi WAN ${wanId}`} could not connect${result.ssid ? ` to ${result.ssid}` : ''}: ${result.result}`,
      evidence: { result: result.result, ssid: orNull(result.ssid), bssid: orNull(result.bssid), securityPolicy: orNull(result.securityPolicy), routerMessage: orNull(result.message), connected },
      explanation: explainWifiResult(result) + (connected ? ' The WAN is connected now (to this or another network), so this was an earlier attempt.' : ''),
      actions: fixesFor(result.result, wanId, result.ssid),
    })]
  })

/** A connected Wi-Fi WAN with a fair or poor signal (RSSI thresholds). */
export const wifiWeakSignal: Rule = (s) =>
  s.wans.flatMap((w): Finding[] => {
    const dbm = w.wifi?.signalStrength
    const grade = gradeRssi(dbm)
    if (w.type !== 'wifi' || !w.connected || dbm === undefined || (grade !== 'poor' && grade !== 'fair')) return []
    return [finding({
      rule: 'wifi-weak-signal', severity: grade === 'poor' ? 'warning' : 'info', wanId: w.id,
      title: `${grade === 'poor' ? 'Weak' : 'Fair'} Wi-Fi signal on ${wanLabel(w)} (${dbm} dBm)`,
      evidence: { ssid: orNull(w.wifi?.ssid), bssid: orNull(w.wifi?.bssid), signalStrength: dbm, grade },
      explanation: `The Wi-Fi WAN hears ${w.wifi?.ssid ?? 'its network'} at ${dbm} dBm, which is ${grade}${grade === 'poor' ? ' (below -85 dBm): expect drop-outs and slow speeds' : ''}. Move the router or its antennas closer to the access point, or pick a nearer access point after a scan.`,
      actions: [{ label: 'Scan for Wi-Fi networks', workflow: 'wifi.scan', params: { connId: w.id }, disruptive: false }],
    })]
  })
