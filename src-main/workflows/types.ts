/**
 * What every workflow takes besides its client and parameters: cancellation, progress, and
 * how long to wait. Workflows are plain async functions with no UI code.
 */
import type { CellularBand, CellularStatus, Wan } from '../peplink/model'

/** One progress report: a step name, a sentence for the technician, and optional data. */
export interface Progress {
  step: string
  message: string
  elapsedMs?: number
  /** Step-specific data, e.g. the partial carrier list while scanning. */
  data?: unknown
}

export interface WorkflowOptions {
  signal?: AbortSignal
  onProgress?: (p: Progress) => void
  /** How long to wait for the router before reporting "not verified". */
  timeoutMs?: number
  /** How often to poll while waiting. */
  pollMs?: number
}

/** The signal of one WAN at a moment, for before/after comparisons. */
export interface SignalSnapshot {
  at: string
  connected: boolean
  message: string
  carrier?: string
  mobileType?: string
  activeSimId?: number
  bands: CellularBand[]
}

/** Captures a WAN's signal picture from its status. */
export function snapshotOf(wan: Wan | undefined): SignalSnapshot {
  return {
    at: new Date().toISOString(),
    connected: wan?.connected ?? false,
    message: wan?.message ?? 'WAN not reported',
    carrier: wan?.cellular?.carrier?.name,
    mobileType: wan?.cellular?.mobileType,
    activeSimId: wan?.cellular?.activeSimId,
    bands: wan?.cellular?.bands ?? [],
  }
}

/** "SIM A" / "SIM B", as the web admin labels the slots. */
export function simName(id: number | undefined | null): string {
  return id === 1 ? 'SIM A' : id === 2 ? 'SIM B' : id === undefined || id === null ? 'no SIM' : `SIM ${id}`
}

/** Which SIM carries a cellular WAN, in words: "SIM A", "the SpeedFusion Connect eSIM", "a remote SIM"; undefined when none. */
export function simInUseName(c: Pick<CellularStatus, 'simInUse' | 'activeSimId'> | undefined): string | undefined {
  const u = c?.simInUse
  if (!u) return c?.activeSimId !== undefined ? simName(c.activeSimId) : undefined
  return u.kind === 'esim' ? 'the SpeedFusion Connect eSIM' : u.kind === 'remote' ? 'a remote SIM' : simName(u.simId)
}

/** "1 network", "3 networks": a count with its noun, for result sentences. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

/** Formats milliseconds as "41 s" or "2 min 5 s" for result sentences. */
export function seconds(ms: number): string {
  const s = Math.round(ms / 1000)
  return s < 120 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`
}
