/**
 * The report's signal chart: RSRP, RSRQ and SINR per band, first snapshot against last, as inline
 * SVG bars (no scripts, no external resources, prints in black and white too: "before" is
 * hatched grey, "after" solid). A dashed line marks where "poor" starts.
 */
import { bandText } from '../peplink/describe'
import { escapeHtml } from './html'
import { bandsOf, cellularWans } from './rules/helpers'
import type { Snapshot } from './types'

export interface BandSignal {
  /** "WAN 2 LTE Band 3". */
  label: string
  before?: BandValues
  after?: BandValues
}

/** One band's readings at one check. */
export interface BandValues {
  rsrp?: number
  rsrq?: number
  sinr?: number
}

interface Panel {
  key: keyof BandValues
  title: string
  unit: string
  min: number
  max: number
  poorBelow: number
}

const PANELS: Panel[] = [
  { key: 'rsrp', title: 'RSRP', unit: 'dBm', min: -140, max: -44, poorBelow: -100 },
  // The same line as the signal rule's: below -15 dB the cell is busy or interfered.
  { key: 'rsrq', title: 'RSRQ', unit: 'dB', min: -25, max: -3, poorBelow: -15 },
  { key: 'sinr', title: 'SINR', unit: 'dB', min: -20, max: 30, poorBelow: 7 },
]

const finite = (v: number | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v * 10) / 10 : undefined)

function bandsByLabel(s: Snapshot | undefined): Map<string, BandValues> {
  const out = new Map<string, BandValues>()
  if (!s) return out
  for (const w of cellularWans(s)) {
    for (const b of bandsOf(s, w.id)) out.set(`WAN ${w.id} ${bandText(b)}`, { rsrp: finite(b.rsrp), rsrq: finite(b.rsrq), sinr: finite(b.sinr) })
  }
  return out
}

/** Per band, the RSRP, RSRQ and SINR of the first and the last snapshot. */
export function signalBeforeAfter(first: Snapshot, last?: Snapshot): BandSignal[] {
  const before = bandsByLabel(first)
  const after = bandsByLabel(last)
  const labels = [...new Set([...before.keys(), ...after.keys()])]
  return labels.map((label) => ({ label, ...(before.has(label) ? { before: before.get(label) } : {}), ...(after.has(label) ? { after: after.get(label) } : {}) }))
}

const LABEL_W = 170
const BAR_W = 400
const ROW_H = 30
const WIDTH = LABEL_W + BAR_W + 90

function bar(x0: number, y: number, value: number | undefined, p: Panel, kind: 'before' | 'after'): string {
  if (value === undefined) return `<text x="${x0 + 4}" y="${y + 9}" class="v">no value</text>`
  const clamped = Math.min(p.max, Math.max(p.min, value))
  const w = Math.max(1, ((clamped - p.min) / (p.max - p.min)) * BAR_W)
  const fill = kind === 'before' ? 'url(#hatch)' : '#2a6fdb'
  return `<rect x="${x0}" y="${y}" width="${w.toFixed(1)}" height="11" fill="${fill}" stroke="#555" stroke-width="0.5"/>` +
    `<text x="${(x0 + w + 4).toFixed(1)}" y="${y + 9}" class="v">${escapeHtml(`${value} ${p.unit}`)}</text>`
}

function panel(points: BandSignal[], p: Panel, top: number): { svg: string; height: number } {
  const x0 = LABEL_W
  const height = 22 + points.length * ROW_H + 8
  const poorX = x0 + ((p.poorBelow - p.min) / (p.max - p.min)) * BAR_W
  const rows = points.map((pt, i) => {
    const y = top + 22 + i * ROW_H
    return `<text x="0" y="${y + 14}" class="l">${escapeHtml(pt.label)}</text>` +
      bar(x0, y, pt.before?.[p.key], p, 'before') + bar(x0, y + 13, pt.after?.[p.key], p, 'after')
  })
  const svg = `<text x="0" y="${top + 14}" class="t">${escapeHtml(`${p.title} (${p.unit})`)}</text>` +
    `<line x1="${poorX.toFixed(1)}" y1="${top + 18}" x2="${poorX.toFixed(1)}" y2="${top + height - 6}" stroke="#c0392b" stroke-dasharray="3 3"/>` +
    `<text x="${(poorX + 3).toFixed(1)}" y="${top + 14}" class="v">${escapeHtml(`poor below ${p.poorBelow}`)}</text>` +
    rows.join('')
  return { svg, height }
}

/** The chart as inline SVG, or '' when neither snapshot has cellular band data. */
export function signalChartSvg(points: BandSignal[]): string {
  if (!points.length) return ''
  let top = 22
  const parts: string[] = []
  for (const p of PANELS) {
    const r = panel(points, p, top)
    parts.push(r.svg)
    top += r.height
  }
  const legend = `<rect x="0" y="4" width="14" height="10" fill="url(#hatch)" stroke="#555" stroke-width="0.5"/><text x="18" y="13" class="v">before (first check)</text>` +
    `<rect x="150" y="4" width="14" height="10" fill="#2a6fdb"/><text x="168" y="13" class="v">after (last check)</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${top}" viewBox="0 0 ${WIDTH} ${top}" role="img" aria-label="Signal before and after">` +
    `<defs><pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#ddd"/><path d="M0 4L4 0" stroke="#888" stroke-width="1"/></pattern></defs>` +
    `<style>.l{font:11px sans-serif}.v{font:10px sans-serif;fill:#333}.t{font:bold 12px sans-serif}</style>` +
    legend + parts.join('') + `</svg>`
}
