import { describe, expect, it } from 'vitest'
import { ProtocolError } from '../../../src-main/peplink/errors'
import {
  normalizeAccessPoint, normalizeConfigApply, normalizeFirmware, normalizeGpio, normalizeLanProfiles, normalizeLocation,
  normalizePepVpn, normalizeSsidProfiles, normalizeSsidProfileSecrets, normalizeWanConfig, normalizeWanPriority,
  parseFirmwareVersion,
} from '../../../src-main/peplink/normalize'
import { firmwareReference, gpioAnswer, pepvpnReference, SECRETS, ssidReference, wanConfigReference } from './normalize-fixtures'

describe('normalizePepVpn (status.pepvpn)', () => {
  it('keeps the SpeedFusion settings real routers add to a peer, and anything else unknown, secrets removed', () => {
    const raw = pepvpnReference() as any
    Object.assign(raw.peer[0], { bandwidthLimit: '100', wanSmoothing: 'normal', latencyDiffCutoff: 500, dataUseTcp: false, fecLevel: 'low', presharedKey: 'psk-Zz81' })
    const peer = normalizePepVpn(raw).peers[0]!
    expect(peer).toMatchObject({ bandwidthLimit: 100, wanSmoothing: 'normal', latencyDiffCutoff: 500, dataUseTcp: false })
    expect(peer.extra).toEqual({ fecLevel: 'low', hasPresharedKey: true })
    expect(JSON.stringify(peer)).not.toContain('psk-Zz81')
  })

  it('reads the reference example', () => {
    const out = normalizePepVpn(pepvpnReference())
    expect(out.siteId).toBe('999')
    expect(out.profiles).toEqual([{ id: 2, name: 'Next (2 - 2)', master: true }, { id: 1, name: 'Next (1)', master: true }])
    expect(out.peers).toEqual([
      { peerId: '1-1', serialNumber: '1825-4131-B4E7', name: 'Ke-B580-x64-30', status: 'CONNECTED', profileId: 1, secure: true, type: 'l3', username: 'dev30', routes: ['192.168.30.0/24'], extra: {} },
    ])
    expect(out.tunnels).toEqual([
      {
        peerId: '1-1',
        wans: [
          { id: 1, name: 'WAN 1', state: 'ACTIVE', priority: 1, rtt: 1, seconds: 1292258, rxBytes: 1423988, txBytes: 1334004, loss: 0 },
          { id: 2, name: 'WAN 2', state: 'WAN_DOWN', priority: 0 },
          { id: 3, name: 'WAN 3', state: 'WAN_DISABLED', priority: 0 },
        ],
        overall: { seconds: 1292258, receive: { forward: 32, loss: 1, outOfOrder: 0 }, transmit: { forward: 12, loss: 0, outOfOrder: 0 } },
      },
    ])
  })

  it('reads 8.1.0 receive/transmit objects the same as the old rx/tx/loss arrays', () => {
    const neu = pepvpnReference() as any
    const w1 = neu.tunnel['1-1'].wan['1']
    w1.receive = { byte: [1423988], packet: { loss: [0], forward: [10] } }
    w1.transmit = { byte: [1334004], packet: { loss: [0] } }
    delete w1.rx; delete w1.tx; delete w1.loss
    expect(normalizePepVpn(neu)).toEqual(normalizePepVpn(pepvpnReference()))
  })

  it('sums local counter arrays, reads remote numbers, and reads the pre-8.1.0 layout without `wan`', () => {
    const old = {
      tunnel: {
        '1-1': {
          '1': { name: 'WAN 1', state: 'ACTIVE', rx: [100, 50], tx: [10, 5], loss: [1, 2], remote: { '7': { name: 'Remote', state: 'ACTIVE', rx: 40, tx: 4, loss: 0, rtt: 20 }, order: [7] } },
          order: [1],
        },
        order: ['1-1'],
      },
    }
    expect(normalizePepVpn(old)).toEqual({
      profiles: [],
      peers: [],
      tunnels: [{ peerId: '1-1', wans: [{ id: 1, name: 'WAN 1', state: 'ACTIVE', rxBytes: 150, txBytes: 15, loss: 3, remote: [{ id: 7, name: 'Remote', state: 'ACTIVE', rtt: 20, rxBytes: 40, txBytes: 4, loss: 0 }] }] }],
    })
  })

  it('throws ProtocolError for a non-object', () => {
    expect(() => normalizePepVpn('down')).toThrow(ProtocolError)
  })
})

describe('normalizeLocation (info.location)', () => {
  it('reads the reference example without rounding coordinates', () => {
    const location = { latitude: 22.340134, longitude: 114.152588, altitude: 55.1, speed: 0.026751, heading: 356.887, pdop: 1.3, hdop: 1, vdop: 0.8, timestamp: 1311972720 }
    expect(normalizeLocation({ gps: true, location })).toEqual({ gps: true, ...location })
    expect(normalizeLocation({ gps: false })).toEqual({ gps: false })
  })
})

describe('normalizeFirmware (info.firmware)', () => {
  it('reads the reference example', () => {
    expect(normalizeFirmware(firmwareReference())).toEqual({
      running: '7.1.0 build 2860',
      runningVersion: { major: 7, minor: 1, patch: 0, build: 2860, text: '7.1.0 build 2860' },
      runningSlot: 2,
      slots: [
        { id: 1, version: '7.0.3 build 2765', bootable: true, inUse: false },
        { id: 2, version: '7.1.0 build 2860', bootable: true, inUse: true },
      ],
    })
  })

  it('reads the before-login answer (the running version only)', () => {
    expect(normalizeFirmware({ '1': { version: '8.1.1 build 5121' }, order: [1] }).running).toBe('8.1.1 build 5121')
    expect(normalizeFirmware({ version: '8.5.2 build 1' })).toMatchObject({ running: '8.5.2 build 1', slots: [] })
  })

  it('throws ProtocolError when it cannot tell what runs', () => {
    expect(() => normalizeFirmware({ '1': { version: 'a', inUse: false }, '2': { version: 'b', inUse: false } })).toThrow(ProtocolError)
  })

  it('parses versions', () => {
    expect(parseFirmwareVersion('8')).toEqual({ major: 8, minor: 0, patch: 0, text: '8' })
    expect(parseFirmwareVersion('none')).toBeUndefined()
  })
})

describe('normalizeLanProfiles (status.lan.profile)', () => {
  it('reads the reference example, including the untagged LAN 0', () => {
    const raw = { '0': { ip: '10.6.1.231', mask: 16 }, '1': { name: 'Name 1', ip: '10.6.1.231', vlanId: 164, mask: 16 }, order: [0, 1] }
    expect(normalizeLanProfiles(raw)).toEqual([{ id: 0, ip: '10.6.1.231', mask: 16 }, { id: 1, name: 'Name 1', vlanId: 164, ip: '10.6.1.231', mask: 16 }])
  })
  it('accepts a dotted mask', () => {
    expect(normalizeLanProfiles({ '2': { ip: '10.0.0.1', mask: '255.255.252.0' } })[0]!.mask).toBe(22)
  })
})

describe('normalizeSsidProfiles (config.ssid.profile)', () => {
  it('reads the reference example without the keys', () => {
    const out = normalizeSsidProfiles(ssidReference())
    expect(out).toEqual([
      { id: 1, name: 'Main SSID', enable: true, captivePortal: true, incontrolManaged: false, broadcast: true, securityPolicy: 'WPA2 Personal', hasKey: true, fastTransition: true },
      { id: 2, name: 'Guest SSID', enable: true, captivePortal: true, incontrolManaged: false, broadcast: true, vlanId: 1, securityPolicy: 'WPA2 Personal', hasKey: true, fastTransition: false },
    ])
    expect(JSON.stringify(out)).not.toContain(SECRETS.ssidKey1)
    expect(JSON.stringify(out)).not.toContain(SECRETS.ssidKey2)
  })

  it('reads the POST answer (order outside the response) and the table\'s "capturePortal" spelling', () => {
    const out = normalizeSsidProfiles({ '1': { name: 'Main SSID', enable: true, capturePortal: true, security: { policy: 'WPA/WPA2 Personal', wpaWpa2Personal: { key: 'k3y-k3y-k3y' } } } })
    expect(out).toEqual([{ id: 1, name: 'Main SSID', enable: true, captivePortal: true, securityPolicy: 'WPA/WPA2 Personal', hasKey: true }])
  })

  it('gives the keys only through normalizeSsidProfileSecrets', () => {
    expect(normalizeSsidProfileSecrets(ssidReference())).toEqual([{ id: 1, key: SECRETS.ssidKey1 }, { id: 2, key: SECRETS.ssidKey2 }])
  })
})

describe('normalizeGpio (config.gpio)', () => {
  it('merges each pin with its reference', () => {
    expect(normalizeGpio(gpioAnswer()).pins).toEqual([
      { id: 1, name: 'GPIO 1', enable: true, type: 'digital_output', mode: 'toggle_high', supportedTypes: ['digital_input', 'digital_output'], supportedModes: { digital_input: ['input_sensing', 'ignition_sensing'], digital_output: ['wan_status'] } },
      { id: 2, name: 'GPIO 2', enable: true, type: 'digital_input', mode: 'input_sensing', delay: 3, supportedTypes: ['digital_input'], supportedModes: { digital_input: ['input_sensing'] } },
      { id: 3, name: 'GPIO 3', supportedTypes: ['analog_input'], supportedModes: { analog_input: ['voltage_measurement'] } },
    ])
  })
})

describe('small answers', () => {
  it('normalizeAccessPoint reads the reference example and a product without AP', () => {
    expect(normalizeAccessPoint({ support: true, enable: true, wanDependent: true })).toEqual({ support: true, enable: true, wanDependent: true })
    expect(normalizeAccessPoint({ support: false })).toEqual({ support: false })
    expect(() => normalizeAccessPoint({ enable: true })).toThrow(ProtocolError)
  })

  it('normalizeWanPriority reads the reference example', () => {
    const raw = { '1': { name: 'WAN 1', priority: 1, enable: true }, '2': { name: 'WAN 2', priority: 2, enable: true }, order: [1, 2] }
    expect(normalizeWanPriority(raw)).toEqual([{ id: 1, name: 'WAN 1', priority: 1, enable: true }, { id: 2, name: 'WAN 2', priority: 2, enable: true }])
  })

  it('normalizeConfigApply reads no body, and a warning', () => {
    expect(normalizeConfigApply(undefined)).toEqual({})
    expect(normalizeConfigApply({ warning: 'Reboot needed' })).toEqual({ warning: 'Reboot needed' })
    expect(() => normalizeConfigApply('ok')).toThrow(ProtocolError)
  })
})

describe('normalizeWanConfig (config.wan.connection)', () => {
  it('reads the reference example as a list with passwords replaced by flags', () => {
    const out = normalizeWanConfig(wanConfigReference())
    expect(out.map(({ settings: _s, ...w }) => w)).toEqual([
      { id: 1, name: 'WAN 1', enable: true, asLan: false, active: true, method: 'dhcp', routingMode: 'NAT', priority: 1 },
      { id: 2, name: 'WAN2', enable: true, asLan: false, active: true, method: 'dropIn', routingMode: 'IP Forwarding', priority: 0 },
    ])
    expect((out[0]!.settings.connection as any).ddns).toEqual({ username: 'username', hasPassword: true, host: ['kjkjkjkj.com'], provider: 'noip', enable: true })
    expect(JSON.stringify(out)).not.toContain(SECRETS.ddnsPassword)
    expect(JSON.stringify(out)).not.toContain('"password"')
  })

  it('counts the router\'s mask "@~HiDdEn~@" as a password that is set', () => {
    const out = normalizeWanConfig({ '1': { connection: { pppoe: { username: 'u', password: '@~HiDdEn~@' } } }, order: [1] })
    expect((out[0]!.settings.connection as any).pppoe).toEqual({ username: 'u', hasPassword: true })
  })
})
