/**
 * A site visit: the first snapshot, every action with its outcome, the findings, the
 * technician's notes and the last snapshot. Plain JSON (stored by visit-store.ts, rendered by
 * report-html.ts). Secrets are stripped before anything enters a visit.
 */
import { redact } from '../peplink/errors'
import { REDACTED } from './report-redact'
import type { GuideProgress } from './guides'
import { diagnose } from './rules'
import type { AppliedPciLock, Finding, Snapshot } from './types'

/**
 * One change Uplink made. The IPC contract's `ActionLogEntry` is this plus `deviceId`; a
 * visit belongs to one device, so the entry does not repeat it.
 */
export interface VisitAction {
  at: string
  /** Workflow or endpoint name ("cellular.selectCarrier", "cmd.carrier.select"). */
  action: string
  /** Parameters with every secret masked (`stripSecrets`). */
  params: Record<string, unknown>
  outcome: 'ok' | 'failed' | 'not-verified'
  summary: string
}

/** A signal metric a marker averages: cellular RSRP/RSRQ/SINR/RSSI, or the Wi-Fi WAN's dBm. */
export type MarkerMetric = 'rsrp' | 'rsrq' | 'sinr' | 'rssi' | 'wifi'

/** Running figures of one metric: the average is `sum / n`. */
export interface MarkerFigures {
  min: number
  max: number
  sum: number
  n: number
}

/**
 * An antenna marker the technician dropped in the Signal view ("roof, north"): it covers the
 * readings from its drop until the next marker on that WAN. Kept as running figures, so the
 * Signal view can go on adding to the newest marker after the app restarts.
 */
export interface VisitMarker {
  /** Chosen by the renderer; unique within the visit. */
  id: string
  wanId: number
  label: string
  /** ISO time it was dropped. */
  at: string
  stats: Partial<Record<MarkerMetric, MarkerFigures>>
}

/** The last export of a visit's report: what the files on disk show. */
export interface VisitExport {
  /** ISO time the files were written. */
  at: string
  /** The visit was still open then, so the files show it unfinished. */
  whileOpen: boolean
  /** A PDF was written too (false: an older PDF next to it predates this export). */
  pdf: boolean
}

/** The device a visit is about, as the saved device list knows it. */
export interface VisitDevice {
  id: string
  name: string
  host: string
  model?: string
}

/** A site survey's outcome as the report shows it: the positions ranked and the verdict. */
export interface VisitSurvey {
  id: string
  wanName: string
  startedAt: number
  minutes: number
  samples: number
  verdict: string
  ranking: { name: string; band: string; rsrp?: number; sinr?: number; grade?: string; seconds?: number }[]
  /** For the report's chart: the best band's RSRP, downsampled (absent in older files). */
  chart?: { at: number; rsrp?: number }[]
  /** Each position's stretch of the recording. */
  positions?: { name: string; from: number; to: number }[]
  /** For the report's track, where the router has GPS: downsampled positions with RSRP. */
  track?: { lat: number; lon: number; rsrp?: number }[]
}

export interface Visit {
  /** Format version of the stored file. */
  version: 1
  /** Sortable by start time: "20250101T103000Z-3fa2". */
  id: string
  deviceId: string
  deviceName: string
  host: string
  deviceModel?: string
  startedAt: string
  endedAt?: string
  firstSnapshot: Snapshot
  /** The latest snapshot taken during the visit (the final one once finished). */
  lastSnapshot?: Snapshot
  actions: VisitAction[]
  /** Findings of the latest snapshot: what is still open. */
  findings: Finding[]
  notes: string
  /** Guided-flow progress, one per guide, so a guide resumes where it was left. */
  guides: GuideProgress[]
  /** Antenna markers from the Signal view, in the order dropped (absent in older files). */
  markers?: VisitMarker[]
  /** Site surveys recorded during the visit: their comparison, for the report (absent in older files). */
  surveys?: VisitSurvey[]
  /** The last export of the report (absent until exported, and in older files). */
  lastExport?: VisitExport
}

// Names compared lower-cased with separators removed: "APN_Password" -> "apnpassword".
const SECRET_SUFFIX = /(password|passwd|passphrase|secret|token|psk|pin|puk|key|cookie|bauth|pauth|authorization|credential|credentials)$/
const SECRET_ANYWHERE = /password|passphrase|secret|accesstoken|privatekey/
// Model fields whose names look secret but are not: the allowance map key, the token's last four.
const NOT_SECRET = new Set(['wankey', 'tokenhint'])

/** True when a field of this name holds a secret (password, key, secret, token, psk, simPin, …, any case). */
export function isSecretKey(name: string): boolean {
  const k = name.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (NOT_SECRET.has(k)) return false
  return SECRET_SUFFIX.test(k) || SECRET_ANYWHERE.test(k)
}

/**
 * A deep copy with the value of every secret-named field replaced by "[redacted]".
 * Booleans and nulls stay: a flag such as `hasPassword: true` or `key: null` reveals nothing
 * and tells the report a key was (or was not) given.
 */
export function stripSecrets<T>(value: T): T {
  return strip(value, 0) as T
}

function strip(value: unknown, depth: number): unknown {
  if (depth > 32) return REDACTED
  if (Array.isArray(value)) return value.map((v) => strip(v, depth + 1))
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue
    out[k] = isSecretKey(k) && v !== null && typeof v !== 'boolean' ? REDACTED : strip(v, depth + 1)
  }
  return out
}

/** An action entry as stored: params stripped, the summary scrubbed of key=value secrets. */
export function cleanAction(entry: VisitAction & { deviceId?: string }): VisitAction {
  return { at: entry.at, action: entry.action, params: stripSecrets(entry.params ?? {}), outcome: entry.outcome, summary: redact(entry.summary) }
}

/** A new visit id: start time, then a random suffix. */
export function visitId(startedAt: string, random: string): string {
  return `${startedAt.replace(/[-:]/g, '').replace(/\.\d+/, '')}-${random}`
}

/**
 * Channel/PCI locks Uplink applied in these actions and has not cleared since (the router
 * cannot be asked). Accepts the workflow's `{connId, simId, lock}` and the endpoint's
 * `{connId, sim: [{id, value}]}` shapes; failed actions changed nothing and are skipped.
 */
export function appliedPciLocks(actions: readonly VisitAction[]): AppliedPciLock[] {
  const locks = new Map<string, AppliedPciLock>()
  const set = (wanId: number, simId: number, lock: unknown) => {
    const key = `${wanId}:${simId}`
    // The action log writes a cleared lock as "cleared" (readable in the report), or null.
    const l = lock === 'cleared' ? null : (lock as { channel?: unknown; pci?: unknown } | null)
    if (l && typeof l.channel === 'number') locks.set(key, { wanId, simId, channel: l.channel, ...(typeof l.pci === 'number' ? { pci: l.pci } : {}) })
    else if (l === null) locks.delete(key)
  }
  for (const a of actions) {
    if (a.outcome === 'failed' || !/pci/i.test(a.action)) continue
    const p = a.params
    const connId = Number(p.connId)
    if (!Number.isInteger(connId)) continue
    if (Array.isArray(p.sim)) for (const s of p.sim as { id?: unknown; value?: unknown }[]) set(connId, Number(s.id), s.value ?? null)
    else if ('lock' in p) set(connId, Number(p.simId ?? 1), p.lock)
  }
  return [...locks.values()]
}

/** A marker's average of one metric, rounded to 0.1; undefined when it has no reading of it. */
export function markerAverage(m: VisitMarker, metric: MarkerMetric): number | undefined {
  const f = m.stats[metric]
  return f && f.n > 0 && Number.isFinite(f.sum) ? Math.round((f.sum / f.n) * 10) / 10 : undefined
}

/** What the visit fixed (found at the start, gone now) and what is still open. */
export function visitOutcome(visit: Visit): { open: Finding[]; fixed: Finding[]; atStart: Finding[] } {
  const atStart = diagnose(visit.firstSnapshot)
  const open = visit.findings
  const openIds = new Set(open.map((f) => f.id))
  return { open, fixed: atStart.filter((f) => !openIds.has(f.id)), atStart }
}
