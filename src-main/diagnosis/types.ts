/**
 * The diagnosis vocabulary: a snapshot of what the router says about itself, and the findings
 * rules draw from it. Types only and plain JSON, because snapshots and findings are stored in
 * visits and cross IPC to the renderer.
 */
import type {
  Allowance, CarrierChoice, FirmwareInfo, LanProfile, Location, PepVpnStatus, SignalReport, SimSelection, Wan,
  WifiConnectResult,
} from '../peplink/model'

/** A call the snapshot could not make: the router lacks it, or it failed for another reason. */
export interface SnapshotGap {
  /** Endpoint name as the router spells it ("info.location"). */
  call: string
  /** The WAN a per-WAN call was about. */
  wanId?: number
  status: 'unavailable' | 'failed'
  message: string
}

/** A channel/PCI lock Uplink itself applied during the visit and has not cleared (from the action log). */
export interface AppliedPciLock {
  wanId: number
  simId: number
  channel: number
  pci?: number
}

/** Everything the router will say about itself in a few calls, taken at one moment. */
export interface Snapshot {
  /** ISO time the snapshot was started. */
  takenAt: string
  /** Running firmware as the router writes it ("8.1.1 build 5121"); absent when unknown. */
  firmware?: string
  /** `status.wan.connection`; empty when that call failed (see `gaps`). */
  wans: Wan[]
  signal: SignalReport[]
  allowance: Allowance[]
  /** Per cellular WAN; `derived` on 8.3.0+ where the router no longer reports the selection. */
  simSelections: { wanId: number; selection: SimSelection & { derived: boolean } }[]
  /** Last `cmd.wifi.result` per Wi-Fi WAN. */
  wifiResults: { wanId: number; result: WifiConnectResult }[]
  /**
   * The manual carrier selection per cellular WAN, from GET `cmd.carrier.scan` with
   * `reference=yes` (8.0.1+): `selected` null means automatic. Absent when not read.
   */
  carrierSelections: { wanId: number; simId: number | null; selected: CarrierChoice | null }[]
  /** Channel/PCI locks the caller knows Uplink applied (no endpoint reads a lock back). */
  pciLocksApplied: AppliedPciLock[]
  pepvpn?: PepVpnStatus
  /** Absent when the router has no `info.location` (see `gaps`). */
  location?: Location
  firmwareInfo?: FirmwareInfo
  /** LAN clients: counts only, never names or addresses. */
  clients?: { total: number; active: number }
  lanProfiles?: LanProfile[]
  gaps: SnapshotGap[]
}

export type Severity = 'problem' | 'warning' | 'info'

/** The workflows a finding's fix action can point at (the handlers map each to a workflow function). */
export type FixWorkflow =
  | 'carrier.scan' | 'carrier.select' | 'pci.scan' | 'pci.clear' | 'sim.switch' | 'module.reset' | 'module.rescan'
  | 'billing.newCycle' | 'wifi.scan' | 'wifi.connect' | 'wan.enable' | 'wan.priority' | 'manual'
  /** Not a change: opens the live Signal view for the WAN (to work on the antenna). */
  | 'open.signal'

export interface FixAction {
  /** What the button says ("Return to automatic carrier selection"). */
  label: string
  workflow: FixWorkflow
  /** Parameters for the workflow (connId, simId, …); never a secret. */
  params?: Record<string, unknown>
  /** True when it may interrupt traffic on the WAN (scans, resets, SIM switches). */
  disruptive: boolean
}

export type Evidence = Record<string, string | number | boolean | null>

export interface Finding {
  /** Stable across snapshots: rule, then WAN, then SIM or other key ("sim-not-detected:2:1"). */
  id: string
  rule: string
  severity: Severity
  title: string
  wanId?: number
  simId?: number
  /** The values that triggered the rule, as the router reported them. */
  evidence: Evidence
  /** Plain sentences a technician can act on. */
  explanation: string
  actions: FixAction[]
}

/** A rule: a pure function of a snapshot. */
export type Rule = (s: Snapshot) => Finding[]
