import { describe, expect, it } from 'vitest'
import type { WifiNetwork } from '../../../src-main/peplink/model'
import { arrangeNetworks, bssidProblem, keyProblem, vlanProblem } from '../../../src-renderer/src/wifi-rules'
import { firmwareAtLeast, lockProblems, pciRules, plmn } from '../../../src-renderer/src/cellular-rules'

describe('Wi-Fi keys by security policy', () => {
  it('WPA-PSK: 8-63 printable characters or 64 hex digits', () => {
    expect(keyProblem('wpa-psk', 'fieldwork2024')).toBeUndefined()
    expect(keyProblem('wpa-psk', 'a'.repeat(63))).toBeUndefined()
    expect(keyProblem('wpa-psk', 'ab'.repeat(32))).toBeUndefined()
    expect(keyProblem('wpa-psk', 'short')).toMatch(/Too short.*this has 5/)
    expect(keyProblem('wpa-psk', 'g'.repeat(64))).toMatch(/Too long/)
    expect(keyProblem('wpa-psk', '')).toMatch(/Type the Wi-Fi password/)
  })

  it('WEP: 5 or 13 characters, or 10 or 26 hex digits', () => {
    expect(['abcde', 'abcdefghijklm', '1234567890', 'ab'.repeat(13)].map((k) => keyProblem('wep', k))).toEqual([undefined, undefined, undefined, undefined])
    expect(keyProblem('wep', 'abcdefghij')).toMatch(/5 or 13 characters/)
    expect(keyProblem('wep', '123456')).toMatch(/this has 6/)
  })

  it('no key for open and enterprise networks', () => {
    expect(keyProblem('open', '')).toBeUndefined()
    expect(keyProblem('wpa-eap', '')).toBeUndefined()
  })

  it('checks the optional BSSID and the VLAN', () => {
    expect(bssidProblem('')).toBeUndefined()
    expect(bssidProblem('a2:e5:b8:55:89:df')).toBeUndefined()
    expect(bssidProblem('A2-E5-B8-55-89-DF')).toMatch(/six pairs/)
    expect([vlanProblem(''), vlanProblem('20'), vlanProblem('4094')]).toEqual([undefined, undefined, undefined])
    expect(vlanProblem('0')).toMatch(/1 to 4094/)
    expect(vlanProblem('4095')).toMatch(/1 to 4094/)
  })
})

describe('the scan list', () => {
  const n = (ssid: string, signalStrength: number, channel: number, securityPolicy: string): WifiNetwork => ({ ssid, bssid: `00:00:00:00:00:0${channel % 10}`, signalStrength, channel, securityPolicy })
  const list = [n('Guest-Open', -70, 11, 'open'), n('Site-Office', -52, 6, 'wpa-psk'), n('Legacy-Cam', -75, 1, 'wep')]

  it('sorts by signal (strongest first), name, channel or security, and filters by name', () => {
    expect(arrangeNetworks(list, 'signal', '').map((x) => x.ssid)).toEqual(['Site-Office', 'Guest-Open', 'Legacy-Cam'])
    expect(arrangeNetworks(list, 'name', '').map((x) => x.ssid)).toEqual(['Guest-Open', 'Legacy-Cam', 'Site-Office'])
    expect(arrangeNetworks(list, 'channel', '').map((x) => x.ssid)).toEqual(['Legacy-Cam', 'Site-Office', 'Guest-Open'])
    expect(arrangeNetworks(list, 'security', '').map((x) => x.ssid)).toEqual(['Guest-Open', 'Legacy-Cam', 'Site-Office'])
    expect(arrangeNetworks(list, 'signal', 'OFF').map((x) => x.ssid)).toEqual(['Site-Office'])
  })
})

describe('channel / PCI lock ranges by firmware', () => {
  it('PCI 0-65535 and optional before 8.5.0; 0-503 and required from 8.5.0', () => {
    expect(pciRules('8.1.1 build 5067')).toEqual({ pciMax: 65535, pciRequired: false })
    expect(pciRules('8.5.0')).toEqual({ pciMax: 503, pciRequired: true })
    expect(pciRules('9.0.1 build 1')).toEqual({ pciMax: 503, pciRequired: true })
    expect(pciRules(undefined)).toEqual({ pciMax: 503, pciRequired: true })
  })

  it('checks the form with those ranges', () => {
    const old = pciRules('8.1.1')
    const strict = pciRules('8.5.2')
    expect(lockProblems('1450', '', old)).toEqual({})
    expect(lockProblems('1450', '600', old)).toEqual({})
    expect(lockProblems('1450', '', strict).pci).toMatch(/needs a PCI/)
    expect(lockProblems('1450', '600', strict).pci).toMatch(/0 to 503/)
    expect(lockProblems('x', '', old).channel).toMatch(/0 to 65535/)
    expect(lockProblems('70000', '1', old).channel).toMatch(/0 to 65535/)
  })

  it('compares firmware and writes networks with a two-digit MNC', () => {
    expect(firmwareAtLeast('8.4.9', '8.5.0')).toBe(false)
    expect(firmwareAtLeast('8.10.0', '8.5.0')).toBe(true)
    expect(plmn({ mcc: '454', mnc: '6' })).toBe('454-06')
    expect(plmn({ mcc: '310', mnc: '410' })).toBe('310-410')
  })
})
