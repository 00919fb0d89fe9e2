import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import { normalizeClients, normalizeWifiResult, normalizeWifiScan } from '../../../src-main/peplink/normalize'

describe('normalizeWifiScan (cmd.wifi.scan)', () => {
  const before810 = () => [{ ssid: 'Main SSID', bssid: 'A2:E5:B8:55:89:DF', signal: -68, channel: 10, securityPolicy: 'wpa-psk', status: { inUse: true, connected: true } }]

  it('reads the reference example, deriving the level from dBm', () => {
    expect(normalizeWifiScan(before810())).toEqual([
      { ssid: 'Main SSID', bssid: 'A2:E5:B8:55:89:DF', channel: 10, securityPolicy: 'wpa-psk', signalStrength: -68, signalLevel: 3, inUse: true, connected: true },
    ])
  })

  it('reads 8.1.0 `signalStrength` + `signalLevel` the same as the old `signal`', () => {
    const after = [{ ssid: 'Main SSID', bssid: 'A2:E5:B8:55:89:DF', signalStrength: -68, signalLevel: 3, channel: 10, securityPolicy: 'wpa-psk', status: { inUse: true, connected: true } }]
    expect(normalizeWifiScan(after)).toEqual(normalizeWifiScan(before810()))
  })

  it('keeps the router\'s level over a derived one, and leaves strength out when only a level is given', () => {
    const [a, b] = normalizeWifiScan([
      { ssid: 'A', bssid: '00:00:00:00:00:01', signalStrength: -68, signalLevel: 5, securityPolicy: 'open' },
      { ssid: 'B', bssid: '00:00:00:00:00:02', signalLevel: 2, securityPolicy: 'open', config: { profileId: 3, automatic: true } },
    ])
    expect(a!.signalLevel).toBe(5)
    expect(b).toEqual({ ssid: 'B', bssid: '00:00:00:00:00:02', securityPolicy: 'open', signalLevel: 2, profileId: 3, automatic: true })
  })

  it('keeps hidden networks and throws ProtocolError for a non-list', () => {
    expect(normalizeWifiScan([{ ssid: '', bssid: 'AA:BB:CC:DD:EE:FF', signal: -90, securityPolicy: 'open' }])[0]).toMatchObject({ ssid: '', signalLevel: 1 })
    expect(() => normalizeWifiScan('none')).toThrow(ProtocolError)
  })
})

describe('normalizeWifiResult (cmd.wifi.result)', () => {
  it('reads the reference example', () => {
    const raw = { result: 'CONNECTED', timestamp: 1529899328, ssid: 'Main SSID', bssid: 'A2:E5:B8:55:89:DF', securityPolicy: 'wpa-psk', message: 'connected to Main SSID (A2:E5:B8:55:89:DF)' }
    expect(normalizeWifiResult(raw)).toEqual(raw)
  })

  it('upper-cases known codes and keeps unknown ones', () => {
    expect(normalizeWifiResult({ result: 'psk_auth_fail' }).result).toBe('PSK_AUTH_FAIL')
    expect(normalizeWifiResult({ result: 'DHCP_FAIL' }).result).toBe('DHCP_FAIL')
  })

  it('throws ProtocolError without a result', () => {
    expect(() => normalizeWifiResult({ ssid: 'x' })).toThrow(ProtocolError)
  })
})

describe('normalizeClients (status.client)', () => {
  it('reads the reference example; an inactive client has no connection type', () => {
    const out = normalizeClients({
      list: [
        { ip: '192.168.50.4', connectionType: 'wireless', name: 'Android client', mac: '9C:5C:F9:2B:85:99', bssid: '00:1A:DD:ED:8F:69', ssid: 'PEPWAVE_D3B1', active: true },
        { ip: '192.168.50.11', connectionType: 'ethernet', name: 'macOS client', mac: 'E4:25:E7:8A:D3:12', active: false },
        { ip: '192.168.50.17', connectionType: 'wireless', name: 'iOS client', mac: '34:12:98:9B:11:D7', active: false },
      ],
    })
    expect(out).toEqual([
      { ip: '192.168.50.4', connectionType: 'wireless', name: 'Android client', mac: '9C:5C:F9:2B:85:99', bssid: '00:1A:DD:ED:8F:69', ssid: 'PEPWAVE_D3B1', active: true },
      { ip: '192.168.50.11', name: 'macOS client', mac: 'E4:25:E7:8A:D3:12', active: false },
      { ip: '192.168.50.17', name: 'iOS client', mac: '34:12:98:9B:11:D7', active: false },
    ])
  })

  it('reads the old `signalStrength` {value, unit} the same as the new `signal` {strength, level}', () => {
    const common = { ip: '192.168.50.4', connectionType: 'wireless', mac: '9C:5C:F9:2B:85:99', active: true, speed: { download: 5000, upload: 800, unit: 'kbps' }, lease: { expiresIn: 3600, type: 'dhcp' }, vlanId: 10 }
    const old = normalizeClients({ list: [{ ...common, signalStrength: { value: -58, unit: 'dBm' } }] })
    const neu = normalizeClients({ list: [{ ...common, signal: { strength: -58, level: 4 } }] })
    expect(neu).toEqual(old)
    expect(neu[0]).toMatchObject({ signalStrength: -58, signalLevel: 4, speed: { download: 5000, upload: 800, unit: 'kbps' }, lease: { expiresIn: 3600, type: 'dhcp' }, vlanId: 10 })
  })

  it('counts a client as active when `active` is left out but it has a connection type (outputWeight=lite)', () => {
    expect(normalizeClients([{ mac: 'AA:AA:AA:AA:AA:AA', connectionType: 'ethernet' }, { mac: 'BB:BB:BB:BB:BB:BB' }]).map((c) => c.active)).toEqual([true, false])
  })

  it('leaves out entries without a MAC address and throws ProtocolError for a non-list', () => {
    expect(normalizeClients({ list: [{ ip: '1.2.3.4' }, 7] })).toEqual([])
    expect(() => normalizeClients({ list: 'none' })).toThrow(ProtocolError)
  })
})
