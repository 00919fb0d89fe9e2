/**
 * Signal rules by the thresholds in firmware-differences.md (signal-grade.ts): poor RSRP,
 * RSRQ or SINR is a warning, fair RSRP or SINR is information, all in one finding per WAN.
 * Each metric is judged on the best value across the WAN's bands: with carrier aggregation a
 * weaker secondary carrier is normal, and if even the best band is poor the link is poor.
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

interface Judged {
  m: Metric
  value: number
  band: CellularBand
  grade: 'poor' | 'fair'
}

/**
 * One finding per cellular WAN for its signal: RSRP, RSRQ and SINR judged together (a weak
 * cell is usually weak on all three, and three near-identical warnings say less than one).
 * Offers the Signal view for the antenna and the cell scan; a lock in place is named first.
 */
export const signalQuality: Rule = (s) =>
  cellularWans(s).flatMap((w): Finding[] => {
    if (!w.enable) return []
    const bands = bandsOf(s, w.id)
    const judged = METRICS.flatMap((m): Judged[] => {
      const top = best(bands, m.key)
      const grade = m.grade(top?.value)
      return top && (grade === 'poor' || grade === 'fair') ? [{ m, value: round(top.value), band: top.band, grade }] : []
    })
    if (!judged.length) return []
    const poor = judged.filter((j) => j.grade === 'poor')
    const worst = poor.length ? 'Poor' : 'Fair'
    const lock = w.cellular.sims.find((x) => x.active)?.channelPciLock
    const fixes = lock
      ? [`A channel/PCI lock holds the modem on channel ${lock.channel}${lock.pci !== undefined ? ` / PCI ${lock.pci}` : ''}: remove it first (see the lock finding) and check again before moving antennas.`]
      : [...new Set(judged.map((j) => j.m.fix))]
    const evidence: Record<string, string | number | null> = { band: orNull(judged[0]!.band.name || undefined), channel: orNull(judged[0]!.band.channel) }
    for (const j of judged) {
      evidence[j.m.key] = j.value
      evidence[`${j.m.key}Grade`] = j.grade
    }
    return [finding({
      rule: 'signal', severity: poor.length ? 'warning' : 'info', wanId: w.id,
      title: `${worst} signal on ${wanLabel(w)}: ${judged.map((j) => `${j.m.name} ${j.value} ${j.m.unit}`).join(', ')}`,
      evidence,
      explanation: `${judged.map((j) => `${j.m.means}: ${j.value} ${j.m.unit} on ${bandText(j.band)} is ${j.grade}${j.grade === 'poor' ? ` (below ${j.m.poorBelow} ${j.m.unit})` : ''}.`).join(' ')}${poor.length ? ' Expect slow speeds and drop-outs.' : ''} ${fixes.join(' ')}`,
      actions: [act.openSignal(w.id), act.pciScan(w.id), act.carrierScan(w.id), act.manual('Check, reposition or upgrade the antennas')],
    })]
  })

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
