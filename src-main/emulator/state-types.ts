/**
 * The emulated router's live state. Tests reach it through `RunningEmulator.state`
 * and may change any field to put the router into a particular condition.
 *
 * Time-based behaviour (scans, reconnects, Wi-Fi attempts) is stored as absolute
 * deadlines in milliseconds of the injected clock and evaluated when a request
 * arrives, so no timers run in the background.
 */
import type { JsonObject } from './json'
import type { Allowance, CellularState, SimId, WifiWanState } from './state-radio-types'

export type * from './state-radio-types'

export type ModelId = 'br1-pro-5g' | 'max-hd2' | 'balance-380' | 'balance-710' | 'fusionhub'
export type Led = 'empty' | 'gray' | 'red' | 'yellow' | 'green' | 'flash'

/** Running WAN configuration: typed essentials plus the rest in the API's input shape. */
export interface WanConfig {
  name: string
  enable: boolean
  priority: number
  /**
   * Set for a backup WAN: while a WAN of a better priority is up it reports "Standby" (yellow
   * LED, its address kept, uptime 0) instead of carrying traffic. Cold standby keeps the link
   * down until needed, hot standby keeps it up; both read "Standby" in the status.
   */
  standby?: 'cold' | 'hot'
  settings: JsonObject
}

interface WanCommon {
  id: number
  mac: string
  config: WanConfig
  ip: string
  mask: number
  gateway: string
  dns: string[]
  /** ms; uptime counts from here (may lie in the future while reconnecting) */
  upSince: number
  /** For non-cellular WANs; cellular WANs keep allowance per SIM. */
  allowance: Allowance
  traffic: { rxMb: number; txMb: number }
}

export interface EthernetWan extends WanCommon {
  kind: 'ethernet'
  portId: number
  cable: boolean
  /** A VLAN WAN on this port (type "wovlan"). */
  vlanId?: number
}

/** What a USB modem tells the router about itself and its SIM. */
export interface UsbModemDevice {
  name: string
  manufacturer: string
  vendorId: number
  productId: number
  imsi: string
  iccid: string
  carrier: string
  mobileType: string
  signalLevel: number
}

/** A USB modem port; "No Device Detected" while nothing is plugged in. */
export interface UsbModemWan extends WanCommon {
  kind: 'modem'
  device: UsbModemDevice | null
}

export interface CellularWan extends WanCommon {
  kind: 'cellular'
  cellular: CellularState
}

export interface WifiWan extends WanCommon {
  kind: 'wifi'
  wifi: WifiWanState
}

export type Wan = EthernetWan | CellularWan | WifiWan | UsbModemWan

export interface SsidProfile {
  id: number
  name: string
  enable: boolean
  vlanId?: number
  captivePortal: boolean
  incontrolManaged: boolean
  broadcast: boolean
  security: { policy: 'WPA2 Personal' | 'WPA/WPA2 Personal'; key: string; fastTransition: boolean }
}

export type GpioType = 'digital_input' | 'digital_output' | 'analog_input'
export interface GpioPin {
  id: number
  name: string
  enable: boolean
  type: GpioType
  mode: string
  delay?: number
  supported: { type: GpioType[]; mode: Partial<Record<GpioType, string[]>> }
}

export interface PoePort {
  id: number
  name: string
  enabled: boolean
  poeCapable: boolean
  poe: boolean
}

export interface GpsState {
  fix: boolean
  location: { latitude: number; longitude: number; altitude: number; speed: number; heading: number; pdop: number; hdop: number; vdop: number }
}

export interface LanProfile {
  id: number
  name?: string
  vlanId?: number
  ip: string
  mask: number
}

export interface LanClient {
  ip: string
  mac: string
  name: string
  connectionType: 'ethernet' | 'wireless' | 'pptp' | 'stroute' | 'l2tp' | 'openvpn' | 'pepvpn' | 'other'
  vlanId?: number
  ssid?: string
  bssid?: string
  active: boolean
  signal?: number // dBm, wireless only
  speed: { download: number; upload: number }
  lease?: { type: 'normal' | 'dhcp' | 'wins'; expiresIn: number }
}

export interface PepvpnProfile {
  id: number
  name: string
  master: boolean
  vlanId?: number
  type: 'l3' | 'l2' | 'nats' | 'natc'
  userShared: boolean
}

export interface PepvpnPeer {
  peerId: string
  serialNumber: string
  name: string
  profileId: number
  secure: boolean
  type: 'l3' | 'l2' | 'nats' | 'natc'
  username: string
  route: string[]
  remoteWans: { id: number; name: string }[]
}

export interface PepvpnState {
  siteId: string
  profiles: PepvpnProfile[]
  peers: PepvpnPeer[]
  /** When true no tunnel is up: profiles report START and no peers are listed. */
  down: boolean
}

export interface ApiClient {
  name: string
  clientId: string
  clientSecret: string
  confidential: boolean
  createTimestamp: number
  scope: 'api' | 'api.read-only'
}

export interface AccessToken {
  accessToken: string
  clientId: string
  scope: 'api' | 'api.read-only'
  createdAt: number // ms
  expiresAt: number // ms
}

export interface Session {
  id: string
  username: string
  admin: boolean
  write: boolean
  lastSeen: number // ms
}

export interface AuthState {
  clients: ApiClient[]
  tokens: AccessToken[]
  sessions: Map<string, Session>
  /** Pre-seeded API clients with known secrets, for tests and training. */
  seeded: { readWrite: ApiClient; readOnly: ApiClient }
}

/** Staged config (config.* writes) until cmd.config.apply or cmd.config.discard. */
export interface PendingConfig {
  wanPatches: { id: number; patch: JsonObject }[]
  wan: Record<number, WanConfig>
  ssidProfiles: SsidProfile[]
  gpio: GpioPin[] | null
  changed: string[]
}

export interface LogEntry {
  at: number // ms
  category: string
  message: string
}

export interface EmulatorState {
  model: ModelId
  /** Change at runtime to switch answer shapes and endpoint availability. */
  firmware: string
  serialNumber: string
  deviceName: string
  bootedAt: number
  wans: Wan[]
  ap: { support: boolean; enable: boolean; wanDependent: boolean }
  ssidProfiles: SsidProfile[]
  gpio: GpioPin[] | null
  poe: PoePort[] | null
  gps: GpsState | null
  /** A virtual appliance (FusionHub): WANs report `virtual: true`, there is no radio at all. */
  virtual?: boolean
  /**
   * Seconds the modem's last report lags the answer (`timestamp − reportTimestamp`); 0 or
   * absent when readings are fresh (scenario stale-readings).
   */
  readingLagSec?: number
  lanProfiles: LanProfile[]
  clients: LanClient[]
  pepvpn: PepvpnState
  sms: { sent: { connId: number; simId: SimId; address: string; content: string; timestamp: number }[] }
  ussd: { sent: { connId: number; simId: SimId; ussd: string; reply: string; timestamp: number }[] }
  log: LogEntry[]
  pending: PendingConfig | null
  auth: AuthState
}
