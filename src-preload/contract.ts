/**
 * THE IPC contract: every request channel (`domain:action` -> request, response) and every
 * event (name -> payload), declared once. Main registers handlers only from it, the Electron
 * preload exposes exactly it, the browser host serves exactly it, and the renderer's stores
 * are typed by it. Types only, plus the two name lists the bindings use as allow-lists.
 *
 * Types flow one way: what a channel or event carries is declared in src-main beside the code
 * that produces it and imported here (and re-exported for the renderer); nothing of src-main
 * outside src-main/ipc imports this file (tests/unit/architecture/import-direction.test.ts).
 */
import type {
  AccessPointState, AccessTokenInfo, AuthClient, Client, ConfigApplyResult, CreatedAuthClient, GpioConfig, LanProfile, PepVpnStatus,
  WanConfig, WanPriorityEntry,
  AllowanceEntry, CarrierChoice, FirmwareInfo, Location, SsidProfile, WifiNetwork,
} from '../src-main/peplink/model'
import type { ErrorKind, IpcError } from '../src-main/app-error'
import type { CertificateView, ConnectOutcome, PermissionView, SessionStateEvent, SessionView } from '../src-main/devices/sessions'
import type { DiscoveryDoneEvent, DiscoveryFoundEvent, DiscoveryProgressEvent, FoundRouterView, SweepPlan } from '../src-main/discovery/sweeps'
import type { Overview } from '../src-main/workflows/overview'
import type { SignalSample } from '../src-main/workflows/signal-watch'
import type { ActionLogEntry, WorkflowProgressEvent } from '../src-main/workflows/ops'
import type { AllowanceSettings, WanSettings } from '../src-main/workflows/wan-settings'
import type { PoePort } from '../src-main/workflows/poe'
import type { CarrierScanResult, CarrierSelectResult } from '../src-main/workflows/carrier'
import type { ChannelPciLockResult, ChannelPciScanResult } from '../src-main/workflows/pci'
import type { ModuleActionResult, SimOverview, SimSwitchResult } from '../src-main/workflows/sim'
import type { Conversation, UssdResult } from '../src-main/workflows/messaging'
import type { WifiConnectOutcome } from '../src-main/workflows/wifi'
import type { Finding, Snapshot } from '../src-main/diagnosis/types'
import type { GuideOutline, GuideProgress, StepResult } from '../src-main/diagnosis/guides'
import type { MarkerFigures, MarkerMetric, Visit, VisitMarker } from '../src-main/diagnosis/visit'
import type { VisitSummary } from '../src-main/diagnosis/visit-store'
import type { ModelId } from '../src-main/emulator/state-types'
import type { PositionEdit, SurveyDetail, SurveyFormat, SurveySummary } from '../src-main/survey/surveys'
import type { SurveySample } from '../src-main/survey/format'

export type { PositionEdit, SurveyDetail, SurveyFormat, SurveySummary, SurveySample }
export type { ErrorKind, IpcError, CertificateView, ConnectOutcome, PermissionView, SessionView, FoundRouterView, Overview, SignalSample, ActionLogEntry }
export type { AllowanceSettings, WanSettings, PoePort, SweepPlan }
export type { DiscoveryProgressEvent, DiscoveryFoundEvent, DiscoveryDoneEvent, SessionStateEvent, WorkflowProgressEvent }

/** A router family the built-in demo can imitate. */
export type DemoModel = ModelId

export type { Finding, Snapshot, GuideOutline, GuideProgress, StepResult, Visit, VisitSummary, VisitMarker, MarkerFigures, MarkerMetric }
export type GuideId = GuideOutline['id']
export interface GuideView {
  progress: GuideProgress
  step?: { id: string; title: string }
  result?: StepResult
  finished: boolean
}

// ---------------------------------------------------------------- shared shapes
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

export interface DeviceView {
  id: string
  name: string
  host: string
  port: number
  scheme: 'https' | 'http'
  authMethod: 'admin' | 'client'
  username?: string
  clientId?: string
  pin?: string
  certSubject?: string
  notes: string
  lastFirmware?: string
  lastModel?: string
  lastConnectedAt?: string
  createdAt: string
  demo?: boolean
  /** A password or client secret is stored (keychain or this session); never the secret itself. */
  hasSecret: boolean
}

export interface AppInfo {
  version: string
  host: 'electron' | 'browser'
  keychain: { available: boolean; reason?: string }
  /** Set when the saved device list was unreadable at start and moved aside. */
  notice?: string
}

export interface DiscoverySuggestion {
  label: string
  target: string
  kind: 'gateway' | 'subnet'
}

/** Every workflow request carries an opId chosen by the caller, to match progress and cancel. */
interface Op {
  deviceId: string
  opId: string
}

export type WifiSecurity = 'open' | 'wep' | 'wpa-psk' | 'wpa-eap' | '8021x'

// ---------------------------------------------------------------- request channels
export interface Channels {
  'app:info': { req: Record<string, never>; res: AppInfo }
  'devices:list': { req: Record<string, never>; res: DeviceView[] }
  'devices:add': {
    req: { name: string; host: string; port?: number; scheme?: 'https' | 'http'; authMethod: 'admin' | 'client'; username?: string; clientId?: string; notes?: string }
    res: DeviceView
  }
  'devices:update': {
    req: { id: string; patch: { name?: string; notes?: string; host?: string; port?: number; scheme?: 'https' | 'http'; authMethod?: 'admin' | 'client'; username?: string; clientId?: string } }
    res: DeviceView
  }
  'devices:remove': { req: { id: string }; res: { removed: boolean } }
  'devices:probe': { req: { id: string }; res: CertificateView }
  'devices:trust': { req: { id: string; fingerprint256: string }; res: DeviceView }
  'devices:forgetSecret': { req: { id: string }; res: DeviceView }
  'session:connect': { req: { deviceId: string; secret?: string; remember?: boolean }; res: ConnectOutcome }
  'session:disconnect': { req: { deviceId: string }; res: { closed: boolean } }
  'session:list': { req: Record<string, never>; res: SessionView[] }
  'discovery:suggest': { req: Record<string, never>; res: DiscoverySuggestion[] }
  /** Sizes a sweep without sending anything: a large one is confirmed before it starts. */
  'discovery:plan': { req: { targets: string[]; ports?: number[] }; res: SweepPlan }
  /** `confirmed` is required for a large sweep (more than a /22), after `discovery:plan`. */
  'discovery:start': { req: { targets: string[]; ports?: number[]; confirmed?: boolean }; res: { sweepId: string; total: number } }
  'discovery:cancel': { req: { sweepId: string }; res: { cancelled: boolean } }
  'demo:start': { req: { model?: DemoModel; firmware?: string }; res: DeviceView }
  'status:overview': { req: { deviceId: string }; res: Overview }
  'signal:watch': { req: { deviceId: string; wanId: number; intervalMs?: number }; res: { watchId: string } }
  'signal:unwatch': { req: { watchId: string }; res: { stopped: boolean } }
  /** Site survey / drive test: one recording per router at a time. */
  'survey:start': { req: { deviceId: string; wanId: number; intervalMs?: number; position?: string }; res: SurveySummary }
  'survey:position': { req: { deviceId: string; name: string }; res: SurveySummary }
  'survey:stop': { req: { deviceId: string }; res: SurveySummary | null }
  'survey:current': { req: { deviceId: string }; res: SurveySummary | null }
  'survey:list': { req: { deviceId: string }; res: SurveySummary[] }
  /** A recording compared; `from`/`until` zoom the chart to a range (both or neither). */
  'survey:show': { req: { deviceId: string; id: string; from?: number; until?: number }; res: SurveyDetail }
  /** Goes on with a stopped or crashed recording: same WAN, same interval, same file. */
  'survey:continue': { req: { deviceId: string; id: string; position?: string }; res: SurveySummary }
  /** `text` only for an export of a few MB at most (a download link); the file is always written. */
  'survey:export': { req: { deviceId: string; id: string; format: SurveyFormat }; res: { path: string; text?: string } }
  'survey:delete': { req: { deviceId: string; id: string }; res: { deleted: boolean } }
  'survey:editPosition': { req: { deviceId: string; id: string; edit: PositionEdit }; res: SurveyDetail }
  'workflow:cancel': { req: { opId: string }; res: { cancelled: boolean } }
  'actions:list': { req: { deviceId: string }; res: ActionLogEntry[] }
  'cellular:scanCarriers': { req: Op & { connId: number; resume?: boolean; timeoutMs?: number }; res: CarrierScanResult }
  'cellular:selectCarrier': { req: Op & { connId: number; simId?: 1 | 2; carrier: CarrierChoice | null }; res: CarrierSelectResult }
  'cellular:scanPci': { req: Op & { connId: number; resume?: boolean; timeoutMs?: number }; res: ChannelPciScanResult }
  'cellular:lockPci': { req: Op & { connId: number; simId: 1 | 2; lock: { channel: number; pci?: number } | null }; res: ChannelPciLockResult }
  'sim:slots': { req: { deviceId: string; connId: number }; res: SimOverview }
  'sim:set': { req: Op & { connId: number; enabledSim: (1 | 2)[]; preferredSim: 1 | 2 | null }; res: SimSwitchResult }
  'module:action': { req: Op & { connId: number; action: 'reset' | 'rescan' }; res: ModuleActionResult }
  'billing:newCycle': { req: { deviceId: string; connId: number; simId?: 1 | 2 }; res: { allowance?: AllowanceEntry; summary: string } }
  'ussd:send': { req: Op & { connId: number; simId?: 1 | 2; code: string }; res: UssdResult }
  'ussd:history': { req: { deviceId: string }; res: UssdResult[] }
  'sms:conversations': { req: { deviceId: string; connId: number }; res: { simId?: number; conversations: Conversation[] } }
  'sms:send': { req: { deviceId: string; connId: number; address: string; text: string }; res: { conversations: Conversation[] } }
  'sms:exportText': { req: { deviceId: string; connId: number; peer: string }; res: { text: string } }
  'wifi:scan': { req: { deviceId: string; connId: number }; res: WifiNetwork[] }
  'wifi:connect': {
    req: Op & {
      connId: number; ssid: string; securityPolicy: WifiSecurity; key?: string; loginId?: string; password?: string
      eapMethod?: 'TTLS' | 'PEAP'; eapPhase2?: 'CHAP' | 'MSCHAP' | 'MSCHAPV2' | 'PAP'; eapAuthenticationId?: string; preferredBssid?: string
    }
    res: WifiConnectOutcome
  }
  'wifi:disconnect': { req: { deviceId: string; connId: number; ssid?: string }; res: { summary: string } }
  'wifi:forget': { req: { deviceId: string; connId: number; ssid: string; securityPolicy: WifiSecurity }; res: { summary: string } }
  'ssid:list': { req: { deviceId: string }; res: SsidProfile[] }
  'ssid:update': { req: { deviceId: string; id: number; name?: string; enable?: boolean; broadcast?: boolean; vlanId?: number | null; key?: string }; res: SsidProfile[] }
  'ssid:revealKey': { req: { deviceId: string; id: number }; res: { key: string | null } }
  'diagnosis:run': { req: { deviceId: string; connId?: number }; res: { snapshot: Snapshot; findings: Finding[] } }
  'guides:list': { req: Record<string, never>; res: GuideOutline[] }
  'guides:open': { req: { deviceId: string; guideId: GuideId; wanId?: number }; res: GuideView }
  'guides:check': { req: { deviceId: string; guideId: GuideId }; res: GuideView }
  'guides:move': { req: { deviceId: string; guideId: GuideId; direction: 'next' | 'back' }; res: GuideView }
  'visit:get': { req: { deviceId: string }; res: Visit | null }
  'visit:setNotes': { req: { deviceId: string; notes: string }; res: { saved: boolean } }
  'visit:finish': { req: { deviceId: string }; res: Visit }
  /** Adds an antenna marker to the open visit, or replaces the one with its id (as its averages grow). */
  'visit:saveMarker': { req: { deviceId: string; marker: VisitMarker }; res: { saved: boolean } }
  'visit:removeMarker': { req: { deviceId: string; markerId: string }; res: { removed: boolean } }
  'reports:list': { req: { deviceId: string }; res: VisitSummary[] }
  'reports:export': { req: { deviceId: string; visitId?: string }; res: { htmlPath: string; pdfPath?: string; pdfError?: string; html: string } }
  'config:pending': { req: { deviceId: string }; res: PendingConfig }
  'config:apply': { req: { deviceId: string }; res: ConfigApplyResult }
  'config:discard': { req: { deviceId: string }; res: { discarded: boolean } }
  'wan:priority': { req: { deviceId: string; list: { connId: number; priority?: number; enable?: boolean }[]; instantActive: boolean }; res: { entries: WanPriorityEntry[]; pending: PendingConfig } }
  'wan:update': { req: { deviceId: string; settings: WanSettings }; res: { config: WanConfig[]; pending: PendingConfig; notice?: string } }
  'device:clients': { req: { deviceId: string; connectionType?: string[]; vlanId?: number; activeOnly?: boolean }; res: Client[] }
  'device:lan': { req: { deviceId: string }; res: LanProfile[] }
  'device:pepvpn': { req: { deviceId: string }; res: PepVpnStatus }
  'device:location': { req: { deviceId: string }; res: Location | null }
  'device:firmware': { req: { deviceId: string }; res: FirmwareInfo }
  'device:poe': { req: { deviceId: string; enable: boolean; ports: PoePort[] }; res: { summary: string } }
  'device:gpio': { req: { deviceId: string }; res: GpioConfig }
  'device:setGpio': { req: { deviceId: string; list: GpioChange[] }; res: { config: GpioConfig; pending: PendingConfig } }
  'device:ap': { req: { deviceId: string }; res: AccessPointState }
  'device:setAp': { req: { deviceId: string; enable: boolean }; res: AccessPointState }
  'api:clients': { req: { deviceId: string }; res: AuthClient[] }
  'api:createClient': { req: { deviceId: string; name: string; scope: 'api' | 'api.read-only'; saveForDevice?: boolean }; res: CreatedAuthClient & { saved: 'keychain' | 'session' | null } }
  'api:removeClient': { req: { deviceId: string; clientId: string }; res: { removed: boolean } }
  'api:tokens': { req: { deviceId: string; clientId?: string }; res: AccessTokenInfo[] }
  'api:revokeToken': { req: { deviceId: string; ref: string }; res: { revoked: boolean } }
}

/** Config this app staged on the router and not yet applied (the API has no way to read others'). */
export interface PendingConfig {
  pending: boolean
  changes: string[]
}

export interface GpioChange {
  id: number
  enable?: boolean
  type?: 'digital_input' | 'digital_output' | 'analog_input'
  mode?: string
  delay?: number
}

// ---------------------------------------------------------------- events (main -> renderer)
export interface Events {
  'discovery:progress': DiscoveryProgressEvent
  'discovery:found': DiscoveryFoundEvent
  'discovery:done': DiscoveryDoneEvent
  'signal:sample': SignalSample
  /** Assembled by the survey handler from the recorder's sample. */
  'survey:sample': { deviceId: string; surveyId: string; sample: SurveySample }
  'session:state': SessionStateEvent
  'workflow:progress': WorkflowProgressEvent
}

export type Channel = keyof Channels
export type EventName = keyof Events
export type Req<C extends Channel> = Channels[C]['req']
export type Res<C extends Channel> = Channels[C]['res']

/** Runtime allow-list of channels; `satisfies` keeps it in step with `Channels`. */
export const CHANNELS = [
  'app:info', 'devices:list', 'devices:add', 'devices:update', 'devices:remove', 'devices:probe', 'devices:trust',
  'devices:forgetSecret', 'session:connect', 'session:disconnect', 'session:list', 'discovery:suggest',
  'discovery:plan', 'discovery:start', 'discovery:cancel', 'demo:start', 'status:overview', 'signal:watch', 'signal:unwatch',
  'survey:start', 'survey:position', 'survey:stop', 'survey:current', 'survey:list', 'survey:show', 'survey:export', 'survey:delete', 'survey:editPosition', 'survey:continue',
  'workflow:cancel', 'actions:list', 'cellular:scanCarriers', 'cellular:selectCarrier', 'cellular:scanPci', 'cellular:lockPci',
  'sim:slots', 'sim:set', 'module:action', 'billing:newCycle', 'ussd:send', 'ussd:history', 'sms:conversations', 'sms:send',
  'sms:exportText', 'wifi:scan', 'wifi:connect', 'wifi:disconnect', 'wifi:forget', 'ssid:list', 'ssid:update', 'ssid:revealKey',
  'diagnosis:run', 'guides:list', 'guides:open', 'guides:check', 'guides:move', 'visit:get', 'visit:setNotes', 'visit:finish',
  'visit:saveMarker', 'visit:removeMarker', 'reports:list', 'reports:export', 'config:pending', 'config:apply', 'config:discard', 'wan:priority', 'wan:update',
  'device:clients', 'device:lan', 'device:pepvpn', 'device:location', 'device:firmware', 'device:poe', 'device:gpio',
  'device:setGpio', 'device:ap', 'device:setAp', 'api:clients', 'api:createClient', 'api:removeClient', 'api:tokens',
  'api:revokeToken',
] as const satisfies readonly Channel[]

export const EVENTS = ['discovery:progress', 'discovery:found', 'discovery:done', 'signal:sample', 'survey:sample', 'session:state', 'workflow:progress'] as const satisfies readonly EventName[]

// Compile-time check that the lists name every channel and event exactly once.
type Missing<All, Listed> = Exclude<All, Listed>
const _allChannels: Missing<Channel, (typeof CHANNELS)[number]> extends never ? true : never = true
const _allEvents: Missing<EventName, (typeof EVENTS)[number]> extends never ? true : never = true
void _allChannels
void _allEvents

/** What the renderer sees as `window.uplink`, in Electron and in the browser host alike. */
export interface UplinkBridge {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<IpcResult<Res<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
