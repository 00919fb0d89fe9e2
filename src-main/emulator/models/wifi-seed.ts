/**
 * Access points around the emulated BR1 and its Wi-Fi WAN profiles.
 * The keys here are the "right" answers for cmd.wifi.connect (see the report/README).
 */
import type { WifiAp, WifiWanState } from '../state-types'

/** Nearby APs: WPA-PSK, open, WEP, WPA-EAP and one too weak to join. */
function seedAps(): WifiAp[] {
  return [
    { ssid: 'Site-Office', bssid: 'A2:E5:B8:55:89:DF', channel: 6, signal: -52, securityPolicy: 'wpa-psk', key: 'fieldwork2024' },
    { ssid: 'Warehouse-5G', bssid: 'A2:E5:B8:55:8A:10', channel: 36, signal: -61, securityPolicy: 'wpa-psk', key: 'pallets&forklifts' },
    { ssid: 'Guest-Open', bssid: '3C:84:6A:10:22:01', channel: 11, signal: -70, securityPolicy: 'open' },
    { ssid: 'Legacy-Cam', bssid: '00:1A:2B:3C:4D:5E', channel: 1, signal: -75, securityPolicy: 'wep', key: '1234567890' },
    {
      ssid: 'Corp-Secure',
      bssid: 'F0:9F:C2:11:22:33',
      channel: 44,
      signal: -58,
      securityPolicy: 'wpa-eap',
      eap: { loginId: 'tech01', password: 'eapSecret!' },
    },
    { ssid: 'Far-Barn', bssid: '74:AC:B9:00:00:07', channel: 3, signal: -89, securityPolicy: 'wpa-psk', key: 'barnyard99', weak: true },
  ]
}

/** Connected to Site-Office through a saved profile, last result CONNECTED. */
export function seedWifiWan(now: number): WifiWanState {
  return {
    aps: seedAps(),
    profiles: [{ id: 1, ssid: 'Site-Office', securityPolicy: 'wpa-psk', key: 'fieldwork2024', automatic: true }],
    connected: { ssid: 'Site-Office', bssid: 'A2:E5:B8:55:89:DF', securityPolicy: 'wpa-psk', profileId: 1 },
    lastResult: {
      result: 'CONNECTED',
      timestamp: Math.floor(now / 1000) - 3600,
      ssid: 'Site-Office',
      bssid: 'A2:E5:B8:55:89:DF',
      securityPolicy: 'wpa-psk',
      message: 'connected to Site-Office (A2:E5:B8:55:89:DF)',
    },
    attempt: null,
    nextProfileId: 2,
  }
}
