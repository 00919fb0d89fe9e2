/**
 * Signal rules by the thresholds in firmware-differences.md (signal-grade.ts): poor RSRP,
 * RSRQ or SINR is a warning, fair RSRP or SINR is information. Each metric is judged on the
 * best value across the WAN's bands: with carrier aggregation a weaker secondary carrier is
 * normal, and if even the best band is poor the link is poor.
 */
import type { CellularBand, SignalGrade } from '../../peplink/model'
import { gradeRsrp, gradeRsrq, gradeSinr } from '../../peplink/signal-grade'
import type { Finding, Rule } from '../types'
import { act, bandText, bandsOf, cellularWans, finding, orNull, wanLabel } from './helpers'

interface Metric {
  key: 'rsrp' | 'rsrq' | 'sinr'
  name: string
  unit: string
  grade: (v: number | undefined) => SignalGrade | undefined
  poorBelow: number
  means: string
  fix: string
}

const METRICS: Metric[] = [
  {
    key: 'rsrp', name: 'RSRP', unit: 'dBm', grade: gradeRsrp, poorBelow: -100,
    means: 'RSRP is how strong the cell is at the antenna',
    fix: 'Check the antennas are connected and tight, move them higher or towards the mast, or lock to a stronger cell after a channel/PCI scan.',
  },
  {
    key: 'rsrq', name: 'RSRQ', unit: 'dB', grade: gradeRsrq, poorBelow: -15,
    means: 'RSRQ is signal quality: low values mean interference or a busy cell',
    fix: 'Try another cell or band after a channel/PCI scan, or another carrier; moving the antennas can also help.',
  },
  {
    key: 'sinr', name: 'SINR', unit: 'dB', grade: gradeSinr, poorBelow: 7,
    means: 'SINR is how far the signal stands above noise and interference; it decides the speed the modem can use',
    fix: 'Move the antennas away from other radios and metal, use directional antennas pointed at the mast, or lock to a cleaner cell after a channel/PCI scan.',
  },
]

function best(bands: CellularBand[], key: Metric['key']): { value: number; band: CellularBand } | undefined {
  let top: { value: number; band: CellularBand } | undefined
  for (const band of bands) {
    const v = band[key]
    if (typeof v === 'number' && Number.isFinite(v) && (top === undefined || v > top.value)) top = { value: v, band }
  }
  return top
}

const round = (v: number) => Math.round(v * 10) / 10

function metricRule(m: Metric): Rule {
  return (s) =>
    cellularWans(s).flatMap((w): Finding[] => {
      if (!w.enable) return []
      const top = best(bandsOf(s, w.id), m.key)
      const grade = m.grade(top?.value)
      if (!top || (grade !== 'poor' && grade !== 'fair')) return []
      const value = round(top.value)
      return [finding({
        rule: `signal-${m.key}`, severity: grade === 'poor' ? 'warning' : 'info', wanId: w.id,
        title: `${grade === 'poor' ? 'Poor' : 'Fair'} ${m.name} on ${wanLabel(w)} (${value} ${m.unit})`,
        evidence: { band: orNull(top.band.name || undefined), channel: orNull(top.band.channel), [m.key]: value, grade, poorBelow: m.poorBelow },
        explanation: `${m.means}. ${value} ${m.unit} on ${bandText(top.band)} is ${grade}${grade === 'poor' ? ` (below ${m.poorBelow} ${m.unit}): expect slow speeds and drop-outs` : ''}. ${m.fix}`,
        actions: [act.pciScan(w.id), act.carrierScan(w.id), act.manual('Check, reposition or upgrade the antennas')],
      })]
    })
}

/** Weak RSRP. */
export const signalRsrp: Rule = metricRule(METRICS[0]!)
/** Weak RSRQ. */
export const signalRsrq: Rule = metricRule(METRICS[1]!)
/** Weak SINR. */
export const signalSinr: Rule = metricRule(METRICS[2]!)

const LEGACY = /^\s*(2g|3g|gsm|gprs|edge|umts|wcdma|hspa|hsdpa|hsupa|cdma|evdo|1x)/i

/** Connected on 2G/3G where LTE or 5G would be expected. */
export const legacyTechnology: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    const tech = w.cellular.dataTechnology ?? w.cellular.mobileType
    if (!w.connected || !tech || !LEGACY.test(tech)) return []
    return [finding({
      rule: 'legacy-technology', severity: 'info', wanId: w.id,
      title: `${wanLabel(w)} is on ${tech}`,
      evidence: { mobileType: orNull(w.cellular.mobileType), dataTechnology: orNull(w.cellular.dataTechnology), carrier: orNull(w.cellular.carrier?.name) },
      explanation: `The link is on ${tech}, which is much slower than LTE or 5G. There may be no LTE coverage here, or the modem fell back because the LTE signal is weak; check the antennas and scan for carriers.`,
      actions: [act.carrierScan(w.id), act.manual('Check the antennas')],
    })]
  })
