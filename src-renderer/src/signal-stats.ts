/** Running min / max / average of signal metrics: pure helpers for the signal store. */
import type { CellularBand, ReadingTime, SignalReport } from '../../src-main/peplink/model'

export type StatMetric = 'rsrp' | 'rsrq' | 'sinr' | 'rssi' | 'wifi'
export interface Acc {
  min: number
  max: number
  sum: number
  n: number
}
export type MetricStats = Partial<Record<StatMetric, Acc>>

/** One second of signal, flattened for the chart and read-outs. */
export interface SignalPoint {
  at: number
  rsrp?: number
  rsrq?: number
  sinr?: number
  rssi?: number
  /** Wi-Fi WAN signal in dBm. */
  wifi?: number
  bands: CellularBand[]
  carrier?: string
  network?: string
  /** How old the router says this reading is. */
  reading?: ReadingTime
}

/** One line of the live chart. */
export interface ChartSeries {
  key: StatMetric
  label: string
  color: string
  unit: 'dBm' | 'dB'
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Flattens a report: the first band is the serving (primary) one. */
export function toPoint(at: number, report: SignalReport | undefined): SignalPoint {
  const bands = report?.bands ?? []
  const primary = bands[0]
  return {
    at,
    rsrp: primary?.rsrp,
    rsrq: primary?.rsrq,
    sinr: primary?.sinr ?? primary?.snr,
    rssi: primary?.rssi,
    wifi: report?.wifi?.signalStrength,
    bands,
    carrier: report?.activeSim?.carrierName,
    network: report?.activeSim?.network,
    reading: report?.reading,
  }
}

/** Adds one value to a metric's running figures (ignores missing values). */
export function accumulate(stats: MetricStats, metric: StatMetric, v: number | undefined): void {
  if (!finite(v)) return
  const a = stats[metric]
  if (!a) stats[metric] = { min: v, max: v, sum: v, n: 1 }
  else {
    a.min = Math.min(a.min, v)
    a.max = Math.max(a.max, v)
    a.sum += v
    a.n++
  }
}

/** Adds the metrics of a band (or of the primary band + Wi-Fi of a point). */
export function accumulateAll(stats: MetricStats, v: Partial<Record<StatMetric, number>>): void {
  for (const m of ['rsrp', 'rsrq', 'sinr', 'rssi', 'wifi'] as const) accumulate(stats, m, v[m])
}

/** The average, or undefined before the first value. */
export function average(a: Acc | undefined): number | undefined {
  return a && a.n > 0 ? a.sum / a.n : undefined
}
