/**
 * The normalised model: one shape per router answer, whatever firmware sent it.
 * Type-only on purpose: the renderer imports it with `import type`, so nothing here may
 * exist at run time. Secrets (APN passwords, SSID keys, client secrets, access tokens) have
 * no field here; the model says `hasApnPassword`, `hasKey` and `tokenHint` instead.
 * One file rather than several so there is a single import point for the renderer.
 */

// ---------------------------------------------------------------- WAN status
export type WanType = 'ethernet' | 'cellular' | 'wifi' | 'modem' | 'vlan' | 'ipsec' | 'adsl' | 'pppoe' | 'other'
/**
 * What the WAN is doing, from `enable`, `message`, `statusLed` and the address together:
 * - connected: up and carrying traffic;
 * - standby: up or ready but held back while a higher-priority WAN carries traffic ("Standby",
 *   yellow LED on real routers): not a fault;
 * - connecting: coming up (modem attaching, DHCP, a SIM being switched);
 * - down: enabled and failed (no cable, no signal, no SIM, "Disconnected" …);
 * - no-device: a USB modem WAN with nothing plugged in;
 * - off-schedule: enabled but turned off by its schedule for now;
 * - disabled: switched off in the settings.
 */
export type WanState = 'connected' | 'standby' | 'connecting' | 'down' | 'no-device' | 'off-schedule' | 'disabled'
/** LED colour of the web admin; unknown colours pass through lower-cased. */
export type StatusLed = 'empty' | 'gray' | 'red' | 'yellow' | 'green' | 'flash' | (string & {})
export type SignalGrade = 'excellent' | 'good' | 'fair' | 'poor'

/** One WAN connection from `status.wan.connection`. */
export interface Wan {
  id: number
  name: string
  /** gobi -> cellular, wireless -> wifi; anything unknown -> other. */
  type: WanType
  /** `type` exactly as the router sent it ("gobi", "cellular", …); '' when absent. */
  rawType: string
  virtualType?: WanType
  enable: boolean
  statusLed: StatusLed
  message: string
  /** See WanState; `connected` is `state === 'connected'`. */
  state: WanState
  /**
   * Up and carrying traffic: enabled, has an IP address, and either the LED is green or the
   * message starts with "Connected". (An IP alone is not enough: a WAN in hot standby or
   * failing its health check keeps its DHCP lease.)
   */
  connected: boolean
  uptime?: number
  /** Absent when the WAN is disabled. */
  priority?: number
  groupSet?: number
  ip?: string
  /** Prefix length (24), converted from dotted notation if the router sent that. */
  mask?: number
  gateway?: string
  dns?: string[]
  additionalIp?: string[]
  method?: string
  /** From `routingMode` (8.0.1+) or the older `mode`. */
  routingMode?: string
  mtu?: number
  mss?: number
  mac?: string
  asLan?: boolean
  scheduledOff?: boolean
  locked?: boolean
  /** From the `cellular`, `gobi` (before 8.0.1) or `modem` detail object. */
  cellular?: CellularStatus
  wifi?: WifiWanStatus
  allowanceMonitor?: AllowanceMonitor
  managementOnly?: boolean
  /** A virtual WAN (FusionHub, a VLAN WAN on some firmware). */
  virtual?: boolean
  /** Ethernet port of a wired WAN (8.5.x `portId`). */
  portId?: number
  /** The VLAN of a VLAN WAN (`wovlan`), where the router says it. */
  vlanId?: number
  /** When the router made this answer and when the modem last reported it (Unix seconds). */
  reading?: ReadingTime
  /** Fields Uplink does not model (gatewayUrl, …), secrets removed. */
  extra: Record<string, unknown>
}

/**
 * The answer's `timestamp` (the router's clock when it answered) and `reportTimestamp` (when
 * the data was last refreshed). Both are router time, so their difference is the reading's age
 * whatever the laptop's clock says.
 */
export interface ReadingTime {
  timestamp?: number
  reportTimestamp?: number
  /** timestamp − reportTimestamp, seconds; absent unless both were sent. */
  ageSeconds?: number
}

export interface CellularStatus {
  carrier?: { name?: string; country?: string }
  /** Strings with their leading zeros ("02"); absent while the modem is not attached. */
  mcc?: string
  mnc?: string
  /** From `mobileType`, or the deprecated `network` (modem WANs: `network`). */
  mobileType?: string
  dataTechnology?: string
  roaming?: RoamingStatus
  signalLevel?: number
  carrierAggregation?: boolean
  imei?: string
  esn?: string
  meid?: { hex?: string; dec?: string }
  mode?: string
  sims: SimSlot[]
  /** The first physical SIM reported active. */
  activeSimId?: number
  /**
   * Which SIM carries this WAN: a physical slot, the SpeedFusion Connect 5G/LTE eSIM, or a
   * remote SIM (SIM Injector). Absent when the router says none is in use.
   */
  simInUse?: SimInUse
  /** SpeedFusion Connect 5G/LTE, the built-in eSIM service (`speedfusionConnect5gLte`). */
  speedfusionConnect?: { active: boolean; imsi?: string; iccid?: string }
  /** The cellular module itself, as a support escalation asks for it. */
  module?: CellularModule
  bands: CellularBand[]
  cellTower?: CellTower
  remoteSim?: RemoteSimStatus
  /** USB modem WANs only: the adaptor and the SIM details it reports directly. */
  modem?: ModemInfo
  extra: Record<string, unknown>
}

export type SimKind = 'physical' | 'esim' | 'remote'

export interface SimInUse {
  kind: SimKind
  /** The slot, for a physical SIM. */
  simId?: number
}

/** Vendor, model and firmware of the modem; IMEI/MEID/ESN where the router sends them. */
export interface CellularModule {
  manufacturer?: string
  model?: string
  firmware?: string
  imei?: string
  powerOn?: boolean
}

/** code 0 roaming, 1 home, 2 roaming partner; `roaming` is false only at home. */
export interface RoamingStatus {
  code: number
  message: string
  roaming: boolean
}

/** One SIM slot, whether the router reported status strings or booleans. */
export interface SimSlot {
  id: number
  detected: boolean
  active: boolean
  /** "In Use" | "SIM Card Detected" | "No SIM Card Detected", or an unrecognised router text. */
  status?: string
  iccid?: string
  imsi?: string
  apn?: string
  apnUsername?: string
  autoApn?: boolean
  mtn?: string
  /** The APN password itself is never copied. */
  hasApnPassword: boolean
  /** This SIM's own allowance monitor (`sim.N.bandwidthAllowanceMonitor`, 8.x). */
  allowanceMonitor?: AllowanceMonitor
  /**
   * The channel/PCI lock the router reports for this SIM (`sim.N.channelPciLock`): null when it
   * says there is none, undefined when this firmware does not say.
   */
  channelPciLock?: ChannelPciLockState | null
}

export interface ChannelPciLockState {
  channel: number
  pci?: number
}

/** One band the modem reports, flat: signal values lifted out of `signal`. */
export interface CellularBand {
  name: string
  /** Name of the enclosing `rat[]` entry (8.1.2+) when it is not empty. */
  rat?: string
  channel?: number
  /** As the router writes it: "20 MHz". */
  channelWidth?: string
  rssi?: number
  sinr?: number
  snr?: number
  rsrp?: number
  rsrq?: number
  ecio?: number
  rscp?: number
}

export interface CellTower {
  cellId?: number
  cellPlmn?: number
  cellUtranId?: number
  tac?: number
  lac?: number
  extra: Record<string, unknown>
}

export interface RemoteSimStatus {
  /** Only when the router says so (`active`); see CellularStatus.simInUse. */
  active?: boolean
  imsi?: string
  serialNumber?: string
  slot?: number
  autoApn?: boolean
  apn?: string
  apnUsername?: string
  hasApnPassword: boolean
}

export interface ModemInfo {
  name?: string
  vendorId?: number
  productId?: number
  manufacturer?: string
  imsi?: string
  iccid?: string
  mtn?: string
  apn?: string
  apnUsername?: string
  dialNumber?: string
  hasApnPassword: boolean
}

export interface WifiWanStatus {
  ssid?: string
  bssid?: string
  /** dBm. */
  signalStrength?: number
  /** 0–5; derived from dBm (see `wifiLevelFromDbm`) when the router gives only dBm. */
  signalLevel?: number
}

export interface AllowanceMonitor {
  enable?: boolean
  /** E-mail notification set up: real routers send `hasSmtp`, the 8.1.1 reference `hasSntp`. */
  hasSmtp?: boolean
  action?: string[]
  start?: number
  monthlyAllowance?: { value: number; unit: string }
}

// ---------------------------------------------------------------- signal and allowance
/** One WAN of `status.wan.connection.signal` (or derived from `status.wan.connection`). */
export interface SignalReport {
  id: number
  virtualType?: WanType
  signalLevel?: number
  bands: CellularBand[]
  wifi?: { ssid?: string; securityPolicy?: string; signalStrength?: number; signalLevel?: number }
  activeSim?: { carrierName?: string; network?: string }
  /** How old the reading is, when the router says (see ReadingTime). */
  reading?: ReadingTime
}

/** Allowance of one WAN; cellular WANs have one entry per SIM, others a single entry. */
export interface Allowance {
  /** The map key as sent: "1", or a name such as "vwan5". */
  wanKey: string
  /** The key as a number when it is one. */
  wanId?: number
  entries: AllowanceEntry[]
}

export interface AllowanceEntry {
  simId?: number
  enable: boolean
  /** MB, like `limit`. */
  usage?: number
  limit?: number
  percent?: number
  /** Day of month the cycle starts; 0 = last day. */
  start?: number
  unit?: string
}

// ---------------------------------------------------------------- cellular operations
export interface CarrierScan {
  status: 'scanning' | 'done'
  timestamp?: number
  carriers: ScannedCarrier[]
  /** undefined: not reported; null: no active SIM. */
  activeSimId?: number | null
  /** undefined: not reported; null: automatic selection. */
  selectedCarrier?: CarrierChoice | null
}

export interface ScannedCarrier {
  name: string
  mobileType?: string
  mcc: string
  mnc: string
  pcs?: number
  /**
   * Not in the 8.1.1 reference; read where a router sends them: whether the network lets this
   * SIM register ("forbidden" networks refuse it) and how strong it is heard.
   */
  availability?: 'available' | 'current' | 'forbidden'
  signalLevel?: number
  rsrp?: number
}

export interface CarrierChoice {
  name?: string
  mcc: string
  mnc: string
  pcs?: number
}

export interface ChannelPciScan {
  status: 'scanning' | 'done'
  timestamp?: number
  cells: ScannedCell[]
}

/** One cell of a channel/PCI scan; the radio values only where the router reports them. */
export interface ScannedCellBase {
  pci: number
  earfcn: number
  cellUtranId?: number
  plmn: { mcc: string; mnc: string }[]
  band?: string
  rsrp?: number
  rsrq?: number
  sinr?: number
  rssi?: number
}
type ScannedCell = ScannedCellBase

/** `cmd.wan.cellular`: the SIMs in use and which is preferred. */
export interface SimSelection {
  enabledSims: number[]
  preferredSim: number | null
  /** 8.3.0+ `simPriority`, in order; may contain "remoteSim". */
  priority?: string[]
}

export interface SmsInbox {
  connId: number
  simId?: number
  /** Flattened from the per-sender groups, in the router's order. */
  messages: SmsMessage[]
}

export interface SmsMessage {
  id: number
  sender: string
  date?: string
  timestamp?: number
  length?: number
  text: string
}

export interface UssdReply {
  message: string
}

// ---------------------------------------------------------------- Wi-Fi and clients
export interface WifiNetwork {
  ssid: string
  bssid: string
  channel?: number
  securityPolicy: string
  signalStrength?: number
  signalLevel?: number
  inUse?: boolean
  connected?: boolean
  profileId?: number
  automatic?: boolean
}

export type WifiResultCode = 'CONNECTED' | 'TIMEOUT' | 'PSK_AUTH_FAIL' | 'EAP_AUTH_FAIL' | 'AP_NOT_FOUND' | 'UNKNOWN_FAIL'

export interface WifiConnectResult {
  result: WifiResultCode | (string & {})
  timestamp?: number
  ssid?: string
  bssid?: string
  securityPolicy?: string
  message?: string
}

/** One LAN client of `status.client`. */
export interface Client {
  ip?: string
  mac: string
  name?: string
  /** Dropped for inactive clients: firmware up to 8.1.0 says "ethernet" for them by mistake. */
  connectionType?: string
  active: boolean
  vlanId?: number
  ssid?: string
  bssid?: string
  signalStrength?: number
  signalLevel?: number
  speed?: { download: number; upload: number; unit: string }
  lease?: { expiresIn?: number; type?: string }
}

export interface SsidProfile {
  id: number
  name: string
  enable: boolean
  vlanId?: number
  broadcast?: boolean
  captivePortal?: boolean
  incontrolManaged?: boolean
  securityPolicy?: string
  /** The WPA key is not in the model; see `SsidProfileSecret`. */
  hasKey: boolean
  fastTransition?: boolean
}

/** The one place an SSID key is revealed, on the technician's explicit request; main only. */
export interface SsidProfileSecret {
  id: number
  key?: string
}

export interface AccessPointState {
  support: boolean
  enable?: boolean
  wanDependent?: boolean
}

// ---------------------------------------------------------------- LAN, VPN, device
export interface LanProfile {
  id: number
  name?: string
  vlanId?: number
  ip: string
  mask: number
}

export interface PepVpnStatus {
  siteId?: string
  profiles: PepVpnProfile[]
  peers: PepVpnPeer[]
  tunnels: PepVpnTunnel[]
}

export interface PepVpnProfile {
  id: number
  name: string
  master?: boolean
  status?: string
  type?: string
  vlanId?: number
  peerCount?: number
  conflictCount?: number
  userCount?: number
  userShared?: boolean
}

export interface PepVpnPeer {
  peerId: string
  serialNumber?: string
  name?: string
  status: string
  profileId?: number
  type?: string
  secure?: boolean
  username?: string
  routes?: string[]
  conflictRoutes?: string[]
  inactiveRoutes?: string[]
  server?: string
  client?: string
  bridge?: string
  vlanId?: number
  /**
   * SpeedFusion settings real routers send beyond the reference: bandwidth limit, WAN
   * smoothing, the latency-difference cut-off, data over TCP. Kept as sent (a number, a flag or
   * a word such as "off"/"normal"), since the firmware's units are not documented.
   */
  bandwidthLimit?: number | string | boolean
  wanSmoothing?: number | string | boolean
  latencyDiffCutoff?: number | string | boolean
  dataUseTcp?: number | string | boolean
  /** Anything else the router sent about the peer, secrets removed. */
  extra: Record<string, unknown>
}

export interface PepVpnTunnel {
  peerId: string
  wans: PepVpnTunnelWan[]
  overall?: PepVpnTunnelOverall
}

/**
 * One WAN of a tunnel. rx/tx/loss: old firmware sends `rx`/`tx`/`loss`, 8.1.0+ sends
 * `receive.byte`/`transmit.byte`/`receive.packet.loss`; on the local side these are arrays
 * and are summed, on the remote side plain numbers.
 */
export interface PepVpnTunnelWan {
  id: number
  name: string
  state: string
  priority?: number
  rtt?: number
  /** `time.second` of the tunnel on this WAN. */
  seconds?: number
  rxBytes?: number
  txBytes?: number
  loss?: number
  remote?: PepVpnTunnelWan[]
}

export interface PepVpnTunnelOverall {
  seconds?: number
  receive?: { forward?: number; loss?: number; outOfOrder?: number }
  transmit?: { forward?: number; loss?: number; outOfOrder?: number }
}

export interface Location {
  gps: boolean
  latitude?: number
  longitude?: number
  altitude?: number
  speed?: number
  heading?: number
  pdop?: number
  hdop?: number
  vdop?: number
  timestamp?: number
}

/** "8.1.1 build 5121" parsed; `text` keeps the original. */
export interface FirmwareVersion {
  major: number
  minor: number
  patch: number
  build?: number
  text: string
}

export interface FirmwareInfo {
  /** Running version as the router writes it ("8.1.1 build 5121"). */
  running: string
  runningVersion?: FirmwareVersion
  runningSlot?: number
  /** Empty before login: `info.firmware` then reports the running version only. */
  slots: { id: number; version: string; bootable?: boolean; inUse: boolean }[]
}

export interface GpioConfig {
  pins: GpioPin[]
}

export interface GpioPin {
  id: number
  name?: string
  enable?: boolean
  type?: string
  mode?: string
  delay?: number
  supportedTypes?: string[]
  /** type -> modes it supports, from `reference`. */
  supportedModes?: Record<string, string[]>
}

export interface WanPriorityEntry {
  id: number
  name?: string
  priority?: number
  enable?: boolean
}

export interface ConfigApplyResult {
  warning?: string
}

/** One WAN of the `config.wan.connection` answer. */
export interface WanConfig {
  id: number
  name?: string
  enable?: boolean
  asLan?: boolean
  active?: boolean
  method?: string
  routingMode?: string
  priority?: number
  /** The whole entry as sent, every secret replaced by a flag (`password` -> `hasPassword`). */
  settings: Record<string, unknown>
}

// ---------------------------------------------------------------- authentication
export interface LoginResult {
  permission: { read: boolean; write: boolean }
  /** False when the router sent no permission object (then read-only is assumed). */
  permissionReported: boolean
}

/** Stays in main: the token is a secret. */
export interface TokenGrant {
  accessToken: string
  scope: string
  expiresIn: number
  authorizationType: number
}

export interface AuthClient {
  name: string
  clientId: string
  confidential?: boolean
  createTimestamp?: number
  scope: string
}

/** The answer to creating a client: the only time its secret is shown. */
export interface CreatedAuthClient extends AuthClient {
  clientSecret: string
}

/** An opaque handle the admin screen passes back to revoke a token it cannot see. */
export interface AccessTokenRef {
  ref: string
}

export interface AccessTokenInfo extends AccessTokenRef {
  clientId: string
  clientName?: string
  scope: string
  createTimestamp?: number
  authorizationType?: number
  /** "…1794": the last four characters only. */
  tokenHint: string
}
