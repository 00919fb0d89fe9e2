/**
 * Signal grades from the industry thresholds in firmware-differences.md (Peplink does not
 * publish its own). A value on a boundary the table shares between two grades gets the
 * better one (RSRP -90 is good, SINR 10 is good); the table's strict bounds are kept
 * (SINR 12.5 is good, not excellent; RSSI -65 is good). RSRQ has no "fair" band.
 */
import type { CellularBand, SignalGrade } from './model'

type Grader = (value: number | undefined) => SignalGrade | undefined

function usable(v: number | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v)
}

/** RSRP dBm: ≥ -80 excellent, ≥ -90 good, ≥ -100 fair, below poor. */
export const gradeRsrp: Grader = (v) =>
  !usable(v) ? undefined : v >= -80 ? 'excellent' : v >= -90 ? 'good' : v >= -100 ? 'fair' : 'poor'

/** RSRQ dB: ≥ -10 excellent, ≥ -15 good, below poor. */
export const gradeRsrq: Grader = (v) =>
  !usable(v) ? undefined : v >= -10 ? 'excellent' : v >= -15 ? 'good' : 'poor'

/** SINR dB: > 12.5 excellent, ≥ 10 good, ≥ 7 fair, below poor. */
export const gradeSinr: Grader = (v) =>
  !usable(v) ? undefined : v > 12.5 ? 'excellent' : v >= 10 ? 'good' : v >= 7 ? 'fair' : 'poor'

/** RSSI dBm: > -65 excellent, ≥ -75 good, ≥ -85 fair, below poor. */
export const gradeRssi: Grader = (v) =>
  !usable(v) ? undefined : v > -65 ? 'excellent' : v >= -75 ? 'good' : v >= -85 ? 'fair' : 'poor'

const RANK: Record<SignalGrade, number> = { poor: 0, fair: 1, good: 2, excellent: 3 }

/** The worst of the given grades (undefined ones ignored); undefined when none. */
export function worstGrade(...grades: (SignalGrade | undefined)[]): SignalGrade | undefined {
  let worst: SignalGrade | undefined
  for (const g of grades) if (g && (worst === undefined || RANK[g] < RANK[worst])) worst = g
  return worst
}

/**
 * One grade for a band: the worst of RSRP, RSRQ and SINR when any is known (the LTE/5G
 * metrics that decide throughput), otherwise RSSI (3G and older report little else).
 */
export function gradeBand(band: CellularBand): SignalGrade | undefined {
  const lte = worstGrade(gradeRsrp(band.rsrp), gradeRsrq(band.rsrq), gradeSinr(band.sinr))
  return lte ?? gradeRssi(band.rssi)
}

/**
 * Wi-Fi bars 0–5 from dBm, for answers that give only dBm (cmd.wifi.scan before 8.1.0,
 * status.client before 8.1.0). Peplink's own mapping is unpublished; these steps are 10 dB
 * apart and line up with the RSSI grades: ≥ -55 → 5, ≥ -65 → 4, ≥ -75 → 3, ≥ -85 → 2,
 * ≥ -95 → 1, else 0.
 */
export function wifiLevelFromDbm(dbm: number | undefined): number | undefined {
  if (!usable(dbm)) return undefined
  return dbm >= -55 ? 5 : dbm >= -65 ? 4 : dbm >= -75 ? 3 : dbm >= -85 ? 2 : dbm >= -95 ? 1 : 0
}
