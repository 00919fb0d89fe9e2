/**
 * Building blocks shared by both emulated models: WAN configs, API clients, PepVPN.
 */
import type { JsonObject } from '../json'
import type { Allowance, ApiClient, AuthState, EthernetWan, PepvpnState, WanConfig } from '../state-types'

/** Running config of a WAN, in the config.wan.connection input shape. */
export function wanConfig(name: string, priority: number, kind: 'ethernet' | 'cellular' | 'wifi'): WanConfig {
  const connection: JsonObject = {
    routingMode: 'NAT',
    dns: { auto: true },
    icmpPing: true,
    bandwidth: { upload: { value: 100, unit: 'Mbps' }, download: { value: 100, unit: 'Mbps' } },
  }
  if (kind !== 'cellular') connection.method = { type: 'dhcp', detail: { hostname: '' } }
  const physical: JsonObject = { mtu: null, mss: null, ttl: null }
  if (kind === 'ethernet') Object.assign(physical, { speed: 'Auto', advertise: true, mac: null, vlan: null })
  return {
    name,
    enable: true,
    priority,
    settings: {
      schedule: null,
      connection,
      physical,
      healthcheck: {
        enable: true,
        method: { type: 'ping', detail: { host: ['8.8.8.8', '1.1.1.1'] } },
        timeout: 5000,
        interval: 5,
        retry: 3,
        recovery: 3,
      },
      multipleIp: [],
      ddns: { enable: false },
    },
  }
}

/** An allowance monitor with the given limit and usage in MB. */
export function allowance(limitMb: number, usageMb: number, enable = true): Allowance {
  return { enable, usageMb, limitMb, start: 1, action: ['email'] }
}

/** An Ethernet WAN with a cable plugged in and a DHCP address. */
export function ethernetWan(id: number, name: string, priority: number, now: number, subnet: number): EthernetWan {
  return {
    kind: 'ethernet',
    id,
    portId: id,
    cable: true,
    mac: `00:1A:DD:C4:1${id}:0${id}`,
    config: wanConfig(name, priority, 'ethernet'),
    ip: `192.168.${subnet}.${100 + id}`,
    mask: 24,
    gateway: `192.168.${subnet}.1`,
    dns: [`192.168.${subnet}.1`, '8.8.8.8'],
    upSince: now - 86_400_000 * 3,
    allowance: allowance(512000, 48213, false),
    traffic: { rxMb: 48213, txMb: 9120 },
  }
}

/** Known API clients so tests can grant tokens without an admin login first. */
function seededClients(now: number): { readWrite: ApiClient; readOnly: ApiClient } {
  const createTimestamp = Math.floor(now / 1000) - 86400
  return {
    readWrite: {
      name: 'Uplink read-write',
      clientId: '7c1e4e0f8c1a4e2b9d3f5a6b7c8d9e01',
      clientSecret: 'b1f0c4a9e2d34f5a8b7c6d5e4f3a2b01',
      confidential: false,
      createTimestamp,
      scope: 'api',
    },
    readOnly: {
      name: 'Uplink read-only',
      clientId: '7c1e4e0f8c1a4e2b9d3f5a6b7c8d9e02',
      clientSecret: 'b1f0c4a9e2d34f5a8b7c6d5e4f3a2b02',
      confidential: false,
      createTimestamp,
      scope: 'api.read-only',
    },
  }
}

/** Fresh auth state holding only the two seeded clients. */
export function seedAuth(now: number): AuthState {
  const seeded = seededClients(now)
  return { clients: [{ ...seeded.readWrite }, { ...seeded.readOnly }], tokens: [], sessions: new Map(), seeded }
}

/** Two PepVPN profiles and two connected peers (head office hub and a branch). */
export function seedPepvpn(wanNames: { id: number; name: string }[]): PepvpnState {
  return {
    siteId: '999',
    profiles: [
      { id: 1, name: 'HQ Hub', master: true, type: 'l3', userShared: false },
      { id: 2, name: 'Branch Mesh', master: true, vlanId: 30, type: 'l3', userShared: false },
    ],
    peers: [
      {
        peerId: '1-1',
        serialNumber: '1825-4131-B4E7',
        name: 'HQ-Balance-710',
        profileId: 1,
        secure: true,
        type: 'l3',
        username: 'hq',
        route: ['10.10.0.0/16'],
        remoteWans: wanNames.slice(0, 2),
      },
      {
        peerId: '2-1',
        serialNumber: '2935-1188-C0A1',
        name: 'Branch-17',
        profileId: 2,
        secure: true,
        type: 'l3',
        username: 'branch17',
        route: ['192.168.77.0/24'],
        remoteWans: [{ id: 1, name: 'WAN' }],
      },
    ],
    down: false,
  }
}
