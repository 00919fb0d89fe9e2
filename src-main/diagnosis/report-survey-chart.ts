/**
 * The site report's survey charts, as inline SVG (no scripts, no external resources, readable
 * in black and white): RSRP over the recording with each antenna position's stretch marked and
 * named, and, for a drive, the track with its weak places (no map tiles: a plain plot with a
 * scale and north). The visit keeps at most `REPORT_POINTS` of each, downsampled by main.
 */
import { gradeRsrp } from '../peplink/signal-grade'
import { escapeHtml } from './html'
import type { VisitSurvey } from './visit'

/** Points the visit keeps per survey for the report's chart and track. */
export const REPORT_POINTS = 300

const W = 660
const H = 200
const PAD = 44
const LO = -130
const HI = -60
const POOR = -100
const clock = (at: number) => new Date(at).toISOString().slice(11, 16)

/** RSRP over time with the positions, or '' when the survey kept no chart points. */
export function surveyChartSvg(s: Pick<VisitSurvey, 'chart' | 'positions' | 'wanName'>): string {
  const pts = (s.chart ?? []).filter((p) => typeof p.rsrp === 'number')
  if (pts.length < 2) return ''
  const t0 = pts[0]!.at
  const t1 = Math.max(t0 + 1, pts[pts.length - 1]!.at)
  const x = (at: number) => PAD + ((Math.min(t1, Math.max(t0, at)) - t0) / (t1 - t0)) * (W - 2 * PAD)
  const y = (v: number) => H - PAD - ((Math.min(HI, Math.max(LO, v)) - LO) / (HI - LO)) * (H - 2 * PAD)
  const line = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.at).toFixed(1)} ${y(p.rsrp!).toFixed(1)}`).join('')
  const positions = (s.positions ?? []).filter((p) => p.from <= t1 && p.to >= t0)
  const bands = positions.map((p, i) => {
    const a = x(p.from)
    const b = x(p.to)
    return `<rect x="${a.toFixed(1)}" y="${PAD}" width="${Math.max(1, b - a).toFixed(1)}" height="${H - 2 * PAD}" fill="${i % 2 ? '#eef3fb' : '#f6f6f6'}"/>` +
      `<text x="${(a + 3).toFixed(1)}" y="${PAD - 4}" class="v">${escapeHtml(p.name.length > 18 ? `${p.name.slice(0, 17)}…` : p.name)}</text>`
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`RSRP over the survey of ${s.wanName}`)}">` +
    `<style>.v{font:10px sans-serif;fill:#333}</style>` +
    bands.join('') +
    `<line x1="${PAD}" y1="${H - PAD}" x2="${W - PAD}" y2="${H - PAD}" stroke="#555"/><line x1="${PAD}" y1="${PAD}" x2="${PAD}" y2="${H - PAD}" stroke="#555"/>` +
    `<line x1="${PAD}" y1="${y(POOR).toFixed(1)}" x2="${W - PAD}" y2="${y(POOR).toFixed(1)}" stroke="#c0392b" stroke-dasharray="3 3"/>` +
    `<text x="${W - PAD + 3}" y="${(y(POOR) + 3).toFixed(1)}" class="v">poor</text>` +
    `<text x="${PAD - 4}" y="${PAD + 4}" class="v" text-anchor="end">${HI}</text><text x="${PAD - 4}" y="${H - PAD}" class="v" text-anchor="end">${LO}</text>` +
    `<path d="${line}" fill="none" stroke="#2a6fdb" stroke-width="1.5"/>` +
    `<text x="${PAD}" y="${H - PAD + 16}" class="v">${clock(t0)} UTC</text><text x="${W - PAD}" y="${H - PAD + 16}" class="v" text-anchor="end">${clock(t1)} UTC</text>` +
    `<text x="${PAD}" y="${H - 6}" class="v">RSRP (dBm), best band; shaded: the antenna positions</text></svg>`
}

const GRADE_FILL: Record<string, string> = { excellent: '#0b6e3d', good: '#2f7fd1', fair: '#b36b00', poor: '#c0392b' }
const fillOf = (rsrp: number | undefined) => GRADE_FILL[gradeRsrp(rsrp) ?? ''] ?? '#999'

/** The drive's track coloured by RSRP, with scale and north, or '' without GPS positions. */
export function surveyTrackSvg(s: Pick<VisitSurvey, 'track' | 'wanName'>): string {
  const pts = s.track ?? []
  if (pts.length < 2) return ''
  const lats = pts.map((p) => p.lat)
  const lons = pts.map((p) => p.lon)
  const [la0, la1, lo0, lo1] = [Math.min(...lats), Math.max(...lats), Math.min(...lons), Math.max(...lons)]
  const k = Math.cos(((la0 + la1) / 2) * (Math.PI / 180))
  const span = Math.max((lo1 - lo0) * k, la1 - la0, 1e-6)
  const size = 320
  const pad = 30
  const sx = (lon: number) => pad + (((lon - lo0) * k) / span) * (size - 2 * pad)
  const sy = (lat: number) => size - pad - ((lat - la0) / span) * (size - 2 * pad)
  const metresAcross = span * 111_320
  // A router that stayed put (GPS wander of a few metres) has no track worth drawing.
  if (metresAcross < 30) return ''
  const scale = [100, 200, 500, 1000, 2000, 5000, 10000].find((m) => m >= metresAcross / 5) ?? 10000
  const px = (scale / metresAcross) * (size - 2 * pad)
  const dots = pts.map((p) => `<circle cx="${sx(p.lon).toFixed(1)}" cy="${sy(p.lat).toFixed(1)}" r="2.5" fill="${fillOf(p.rsrp)}"/>`).join('')
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" role="img" aria-label="${escapeHtml(`The track of ${s.wanName}, coloured by RSRP`)}">` +
    `<style>.v{font:10px sans-serif;fill:#333}</style><rect width="${size}" height="${size}" fill="none" stroke="#999"/>` + dots +
    `<path d="M ${size - 20} 14 L ${size - 26} 30 L ${size - 20} 26 L ${size - 14} 30 Z" fill="#333"/><text x="${size - 20}" y="42" class="v" text-anchor="middle">N</text>` +
    `<line x1="12" y1="${size - 12}" x2="${(12 + px).toFixed(1)}" y2="${size - 12}" stroke="#333" stroke-width="2"/><text x="12" y="${size - 17}" class="v">${scale >= 1000 ? `${scale / 1000} km` : `${scale} m`}</text>` +
    `</svg><p class="muted">Green excellent (≥ -80 dBm), blue good, amber fair, red poor (below -100 dBm), grey not read.</p>`
}
