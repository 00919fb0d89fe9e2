/**
 * Radio-side state types: the cellular modem (SIMs, networks, cells, scans) and the
 * Wi-Fi WAN (access points, profiles, connect attempts). Re-exported by state-types.ts.
 */

export type SimId = 1 | 2
export type AllowanceAction = 'email' | 'disconnect' | 'restrict'

/** A mobile network (PLMN) the modem can see. */
export interface Network {
  name: string
  mcc: string
  mnc: string
  mobileType: 'LTE' | '3G' | '2G'
  country: string
}

/** Base radio values of a cell; `drift` adds a slow wobble so live views move. */
export interface SignalBase {
  rsrp: number
  rsrq: number
  sinr: number
  rssi: number
  /** WCDMA only */
  rscp?: number
  ecio?: number
  drift: boolean
}

/** A cell the modem can hear (channel/PCI scan entries are built from these). */
export interface Cell {
  pci: number
  earfcn: number
  cellUtranId: number
  tac: number
  mcc: string
  mnc: string
  rat: 'LTE' | '3G'
  bandName: string
  signal: SignalBase
}

export interface Allowance {
  enable: boolean
  usageMb: number
  limitMb: number
  start: number
  action: AllowanceAction[]
}

export interface CarrierChoice {
  name?: string
  mcc: string
  mnc: string
  pcs: number
}

export interface ChannelPciLock {
  channel: number
  pci?: number
}

export interface SmsEntry {
  id: number
  sender: string
  timestamp: number // seconds
  text: string
}

export interface SimSlot {
  id: SimId
  detected: boolean
  iccid: string
  imsi: string
  mtn: string
  apn: string
  username: string
  password: string
  autoApn: boolean
  home: Network
  selectedCarrier: CarrierChoice | null
  lock: ChannelPciLock | null
  allowance: Allowance
  inbox: SmsEntry[]
}

/** The WAN is down while a phase is running; the last phase's end is when it is back. */
export interface Transition {
  phases: { until: number; message: string }[]
}

export interface ScanJob<T> {
  startedAt: number
  endsAt: number
  list: T[]
}

/** SpeedFusion Connect 5G/LTE: the built-in eSIM data service. */
export interface SpeedfusionConnect {
  imsi: string
  /** The eSIM carries the WAN: every physical SIM then reports `active: false`. */
  active: boolean
  network: Network
}

export interface CellularState {
  imei: string
  moduleManufacturer: string
  moduleModel: string
  moduleFirmware: string
  /** Models with SpeedFusion Connect 5G/LTE built in; null where there is none. */
  sfc: SpeedfusionConnect | null
  sims: Record<SimId, SimSlot>
  enabledSim: SimId[]
  preferredSim: SimId | null
  /** 8.3.0+ form as last posted, e.g. ["1","2"] */
  simPriority: string[]
  activeSim: SimId | null
  transition: Transition | null
  /** A forced "down" message (scenario cellular-down); null when healthy. */
  fault: string | null
  carrierScan: ScanJob<Network> | null
  pciScan: ScanJob<Cell> | null
  networks: Network[]
  cells: Cell[]
  /** Replaces the serving cell's signal (scenario poor-signal). */
  signalOverride: SignalBase | null
  /** How many secondary cells carrier aggregation adds to the serving one (1 unless a scenario says). */
  aggregatedCells: number
  /** dB the antenna's current place adds to (or takes from) every reading: a site survey moves it. */
  antennaOffsetDb: number
  /** A vehicle on the move (scenario drive-test): GPS follows it and its coverage holes cut the signal. */
  drive: import('./drive').DriveTrack | null
}

export type WifiPolicy = 'open' | 'wep' | 'wpa-eap' | 'wpa-psk' | '8021x'
export type WifiResultCode =
  | 'CONNECTED'
  | 'TIMEOUT'
  | 'PSK_AUTH_FAIL'
  | 'EAP_AUTH_FAIL'
  | 'AP_NOT_FOUND'
  | 'UNKNOWN_FAIL'

export interface WifiAp {
  ssid: string
  bssid: string
  channel: number
  signal: number // dBm
  securityPolicy: WifiPolicy
  key?: string
  eap?: { loginId: string; password: string }
  /** Too weak to associate: attempts end in TIMEOUT. */
  weak?: boolean
}

export interface WifiProfile {
  id: number
  ssid: string
  securityPolicy: WifiPolicy
  key?: string
  loginId?: string
  password?: string
  eapMethod?: string
  eapPhase2?: string
  eapAuthenticationId?: string
  preferredBssid?: string
  automatic: boolean
}

export interface WifiResult {
  result: WifiResultCode
  timestamp: number // seconds
  ssid: string
  bssid?: string
  securityPolicy: WifiPolicy
  message: string
}

export interface WifiAttempt {
  at: number // ms, when the outcome becomes final
  profileId: number
  ssid: string
  bssid?: string
  securityPolicy: WifiPolicy
  outcome: WifiResultCode
}

export interface WifiWanState {
  aps: WifiAp[]
  profiles: WifiProfile[]
  connected: { ssid: string; bssid: string; securityPolicy: WifiPolicy; profileId: number } | null
  lastResult: WifiResult | null
  attempt: WifiAttempt | null
  nextProfileId: number
}
