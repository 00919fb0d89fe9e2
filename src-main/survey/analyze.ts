/**
 * What a survey says: for each named antenna position and each band, the median, spread and
 * worst of RSRP / RSRQ / SINR / RSSI and the time spent there; then the positions ranked on the
 * carrier the WAN used most, best first, with the margin said in words.
 */
import { gradeRsrp, gradeSinr } from '../peplink/signal-grade'
import type { SignalGrade } from '../peplink/model'
import type { SurveyBand, SurveyPosition, SurveySample } from './format'

export type SurveyMetric = 'rsrp' | 'rsrq' | 'sinr' | 'rssi'
export const SURVEY_METRICS: readonly SurveyMetric[] = ['rsrp', 'rsrq', 'sinr', 'rssi']

export interface MetricFigures {
  median: number
  /** p90 − p10: how much it moved while the antenna stayed put. */
  spread: number
  worst: number
  count: number
}

export interface PositionStats {
  name: string
  from: number
  to: number
  seconds: number
  samples: number
  /** Per band name, per metric. */
  bands: Record<string, Partial<Record<SurveyMetric, MetricFigures>>>
}

export interface Ranked {
  name: string
  band: string
  rsrp?: number
  sinr?: number
  grade?: SignalGrade
}

export interface SurveyAnalysis {
  carrier?: string
  positions: PositionStats[]
  ranking: Ranked[]
  /** "Roof north is best: median RSRP -84 dBm (excellent) on LTE Band 3, 6 dB better than mast 3 m." */
  verdict: string
}

/** The p-th percentile (0–100) of sorted values, interpolated. */
function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 1) return sorted[0]!
  const i = (p / 100) * (sorted.length - 1)
  const lo = Math.floor(i)
  const hi = Math.ceil(i)
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo)
}

const r1 = (v: number) => Math.round(v * 10) / 10

/** Median, spread (p90 − p10) and worst (lowest) of a metric's values; undefined for none. */
export function figures(values: number[]): MetricFigures | undefined {
  // A typed array sorts numbers natively: hours of samples sort in a few ms, not a hundred.
  const v = Float64Array.from(values.filter((x) => Number.isFinite(x))).sort()
  if (!v.length) return undefined
  return { median: r1(percentile(v, 50)), spread: r1(percentile(v, 90) - percentile(v, 10)), worst: v[0]!, count: v.length }
}

/** Each position's time range: from its marker to the next one (the last runs to the last sample). */
export function positionRanges(positions: SurveyPosition[], samples: SurveySample[]): { name: string; from: number; to: number }[] {
  // Markers run to the next marker; a position added on a time range keeps its own end.
  const markers = positions.filter((p) => p.until === undefined).sort((a, b) => a.at - b.at)
  const ranged = positions.filter((p) => p.until !== undefined).map((p) => ({ name: p.name, from: p.at, to: p.until! }))
  const last = samples.length ? samples[samples.length - 1]!.at : markers[markers.length - 1]?.at ?? 0
  if (!markers.length && !ranged.length) return samples.length ? [{ name: 'Whole recording', from: samples[0]!.at, to: last }] : []
  return [...markers.map((p, i) => ({ name: p.name, from: p.at, to: i + 1 < markers.length ? markers[i + 1]!.at : last })), ...ranged].sort((a, b) => a.from - b.from)
}

function statsFor(name: string, from: number, to: number, samples: SurveySample[], carrier: string | undefined): PositionStats {
  const inRange = samples.filter((s) => s.at >= from && (s.at < to || (s.at === to && to === samples[samples.length - 1]?.at)) && (!carrier || s.carrier === carrier))
  const perBand = new Map<string, Record<SurveyMetric, number[]>>()
  for (const s of inRange) {
    for (const b of s.bands) {
      const key = b.name || 'Serving band (unnamed)'
      const acc = perBand.get(key) ?? { rsrp: [], rsrq: [], sinr: [], rssi: [] }
      for (const m of SURVEY_METRICS) if (typeof b[m] === 'number') acc[m].push(b[m] as number)
      perBand.set(key, acc)
    }
  }
  const bands: PositionStats['bands'] = {}
  for (const [band, acc] of perBand) {
    const out: Partial<Record<SurveyMetric, MetricFigures>> = {}
    for (const m of SURVEY_METRICS) {
      const f = figures(acc[m])
      if (f) out[m] = f
    }
    bands[band] = out
  }
  return { name, from, to, seconds: Math.max(0, Math.round((to - from) / 1000)), samples: inRange.length, bands }
}

/** The carrier most samples were on (the ranking compares positions on one network). */
export function mainCarrier(samples: SurveySample[]): string | undefined {
  const n = new Map<string, number>()
  for (const s of samples) if (s.carrier) n.set(s.carrier, (n.get(s.carrier) ?? 0) + 1)
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/** The band serving most samples (the first band a sample lists is the serving one). */
function mainBand(samples: SurveySample[]): string | undefined {
  const n = new Map<string, number>()
  for (const s of samples) {
    const b: SurveyBand | undefined = s.bands[0]
    if (b) n.set(b.name || 'Serving band (unnamed)', (n.get(b.name || 'Serving band (unnamed)') ?? 0) + 1)
  }
  return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/** Statistics per position and the ranking, for the carrier the WAN used most. */
export function analyzeSurvey(samples: SurveySample[], positions: SurveyPosition[]): SurveyAnalysis {
  const carrier = mainCarrier(samples)
  const stats = positionRanges(positions, samples).map((r) => statsFor(r.name, r.from, r.to, samples, carrier))
  const band = mainBand(samples.filter((s) => !carrier || s.carrier === carrier))
  const ranking: Ranked[] = stats
    .filter((p) => band && p.bands[band]?.rsrp)
    .map((p) => {
      const b = p.bands[band!]!
      return { name: p.name, band: band!, rsrp: b.rsrp?.median, sinr: b.sinr?.median, grade: gradeRsrp(b.rsrp?.median) }
    })
    .sort((a, b) => (b.rsrp ?? -Infinity) - (a.rsrp ?? -Infinity) || (b.sinr ?? -Infinity) - (a.sinr ?? -Infinity))
  return { carrier, positions: stats, ranking, verdict: verdict(ranking, carrier) }
}

function verdict(ranking: Ranked[], carrier: string | undefined): string {
  const [best, next] = ranking
  if (!best || best.rsrp === undefined) return 'No position has RSRP readings to compare.'
  const on = `${best.band}${carrier ? ` (${carrier})` : ''}`
  const sinr = best.sinr !== undefined ? `, SINR ${best.sinr} dB (${gradeSinr(best.sinr)})` : ''
  if (!next || next.rsrp === undefined) return `Only ${best.name} has readings: median RSRP ${best.rsrp} dBm (${best.grade}) on ${on}${sinr}.`
  const margin = r1(best.rsrp - next.rsrp)
  return margin < 1
    ? `${best.name} and ${next.name} are alike (median RSRP ${best.rsrp} and ${next.rsrp} dBm on ${on}): choose on SINR or convenience.`
    : `${best.name} is best: median RSRP ${best.rsrp} dBm (${best.grade}) on ${on}${sinr}, ${margin} dB better than ${next.name}.`
}

export interface WeakStretch {
  from: number
  to: number
  seconds: number
  /** The lowest best-band RSRP in it (undefined where the WAN was down with no reading). */
  worstRsrp?: number
  /** Where the worst reading was taken, when the router has GPS. */
  at?: { lat: number; lon: number }
  down: boolean
}

/**
 * The stretches of a drive where coverage dropped: consecutive samples with the best band's
 * RSRP under `poorBelow` (default -100 dBm) or the WAN not connected; worst first.
 */
export function weakStretches(samples: SurveySample[], poorBelow = -100): WeakStretch[] {
  type Open = WeakStretch & { worstSample?: SurveySample }
  const out: Open[] = []
  let cur: Open | undefined
  for (const s of samples) {
    const best = Math.max(...s.bands.map((b) => b.rsrp ?? -Infinity))
    const down = s.state !== 'connected'
    const weak = down || best < poorBelow
    if (!weak) {
      if (cur) out.push(cur)
      cur = undefined
      continue
    }
    const rsrp = Number.isFinite(best) ? best : undefined
    if (!cur) cur = { from: s.at, to: s.at, seconds: 0, down, worstRsrp: rsrp, worstSample: s }
    cur.to = s.at
    cur.seconds = Math.round((cur.to - cur.from) / 1000)
    cur.down ||= down
    if (rsrp !== undefined && (cur.worstRsrp === undefined || rsrp < cur.worstRsrp)) {
      cur.worstRsrp = rsrp
      cur.worstSample = s
    }
  }
  if (cur) out.push(cur)
  return out
    .map(({ worstSample, ...w }): WeakStretch => (worstSample?.pos ? { ...w, at: { lat: worstSample.pos.lat, lon: worstSample.pos.lon } } : w))
    .sort((a, b) => Number(b.down) - Number(a.down) || (a.worstRsrp ?? -Infinity) - (b.worstRsrp ?? -Infinity) || b.seconds - a.seconds)
}
