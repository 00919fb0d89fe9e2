/**
 * Signal grades for the UI, from the industry thresholds table in
 * shared/reference/firmware-differences.md ("Signal quality"). The renderer may not import
 * main's code at run time, so the table lives here too. A value on a boundary two grades share
 * gets the better one (RSRP -90 is good, SINR 10 is good); strict bounds stay strict (SINR 12.5
 * is good, RSSI -65 is good). RSRQ has no "fair" band.
 */
import type { SignalGrade } from '../../src-main/peplink/model'

export type { SignalGrade }
export type Metric = 'rsrp' | 'rsrq' | 'sinr' | 'rssi' | 'wifi'

function usable(v: number | undefined | null): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/** RSRP dBm: ≥ -80 excellent, ≥ -90 good, ≥ -100 fair, below poor. */
export function gradeRsrp(v: number | undefined | null): SignalGrade | undefined {
  return !usable(v) ? undefined : v >= -80 ? 'excellent' : v >= -90 ? 'good' : v >= -100 ? 'fair' : 'poor'
}

/** RSRQ dB: ≥ -10 excellent, ≥ -15 good, below poor. */
export function gradeRsrq(v: number | undefined | null): SignalGrade | undefined {
  return !usable(v) ? undefined : v >= -10 ? 'excellent' : v >= -15 ? 'good' : 'poor'
}

/** SINR dB: > 12.5 excellent, ≥ 10 good, ≥ 7 fair, below poor. */
export function gradeSinr(v: number | undefined | null): SignalGrade | undefined {
  return !usable(v) ? undefined : v > 12.5 ? 'excellent' : v >= 10 ? 'good' : v >= 7 ? 'fair' : 'poor'
}

/** RSSI dBm (also used for a Wi-Fi WAN's dBm): > -65 excellent, ≥ -75 good, ≥ -85 fair, below poor. */
export function gradeRssi(v: number | undefined | null): SignalGrade | undefined {
  return !usable(v) ? undefined : v > -65 ? 'excellent' : v >= -75 ? 'good' : v >= -85 ? 'fair' : 'poor'
}

/** The grade of one metric's value. */
export function grade(metric: Metric, v: number | undefined | null): SignalGrade | undefined {
  switch (metric) {
    case 'rsrp':
      return gradeRsrp(v)
    case 'rsrq':
      return gradeRsrq(v)
    case 'sinr':
      return gradeSinr(v)
    default:
      return gradeRssi(v)
  }
}

/** Units shown after each metric's value. */
export const UNITS: Record<Metric, string> = { rsrp: 'dBm', rsrq: 'dB', sinr: 'dB', rssi: 'dBm', wifi: 'dBm' }

/** Labels as technicians say them. */
export const LABELS: Record<Metric, string> = { rsrp: 'RSRP', rsrq: 'RSRQ', sinr: 'SINR', rssi: 'RSSI', wifi: 'Signal' }

/**
 * Wi-Fi bars 0–5 from dBm, 10 dB apart and in line with the RSSI grades: ≥ -55 → 5,
 * ≥ -65 → 4, ≥ -75 → 3, ≥ -85 → 2, ≥ -95 → 1, else 0.
 */
export function wifiBars(dbm: number | undefined | null): number | undefined {
  if (!usable(dbm)) return undefined
  return dbm >= -55 ? 5 : dbm >= -65 ? 4 : dbm >= -75 ? 3 : dbm >= -85 ? 2 : dbm >= -95 ? 1 : 0
}

/** Ranges mapped to 0..1 for the alignment tone: worst usable value -> 0, excellent -> 1. */
const QUALITY_RANGE: Record<Metric, [number, number]> = {
  rsrp: [-120, -70],
  rsrq: [-20, -5],
  sinr: [-5, 25],
  rssi: [-100, -50],
  wifi: [-95, -40],
}

/** Quality 0..1 of a value (clamped), or undefined when there is no value. */
export function quality(metric: Metric, v: number | undefined | null): number | undefined {
  if (!usable(v)) return undefined
  const [lo, hi] = QUALITY_RANGE[metric]
  return Math.min(1, Math.max(0, (v - lo) / (hi - lo)))
}

/**
 * What the alignment tone follows: for a cellular reading the mean of RSRP's and SINR's
 * quality, for a Wi-Fi WAN its signal; undefined (silence) when nothing usable was read.
 */
export function toneQuality(r: { rsrp?: number | null; sinr?: number | null; wifi?: number | null } | undefined, kind: 'cellular' | 'wifi'): number | undefined {
  if (!r) return undefined
  if (kind === 'wifi') return quality('wifi', r.wifi)
  const parts = [quality('rsrp', r.rsrp), quality('sinr', r.sinr)].filter((q): q is number => q !== undefined)
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : undefined
}
