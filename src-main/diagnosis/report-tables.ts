/**
 * The rows of the report's tables (SIM cards with their data use, cellular modules, WANs,
 * the Wi-Fi WAN, antenna markers), each saying "not reported" rather than leaving a hole.
 */
import { megabytesText, moduleText, monitorText } from '../peplink/describe'
import type { AllowanceEntry, Wan, WanState } from '../peplink/model'
import { simName } from './rules/helpers'
import type { Snapshot } from './types'
import { markerAverage, type MarkerMetric, type VisitMarker, type VisitSurvey } from './visit'

/** "2 GB of 10 GB (20 %)", "750 MB (no limit set)", "monitor off", or "not reported". */
export function usageText(e: AllowanceEntry | undefined): string {
  if (!e) return 'not reported'
  if (e.usage === undefined) return e.enable ? 'not reported' : 'monitor off'
  const used = megabytesText(e.usage)
  if (!e.limit) return `${used} (no limit set)`
  const percent = e.percent ?? (e.usage / e.limit) * 100
  return `${used} of ${megabytesText(e.limit)} (${Math.round(percent)} %)`
}

function allowanceOf(s: Snapshot | undefined, wanId: number, simId?: number): AllowanceEntry | undefined {
  const entries = s?.allowance.find((a) => a.wanId === wanId)?.entries ?? []
  return simId === undefined ? entries.find((e) => e.simId === undefined) ?? entries[0] : entries.find((e) => e.simId === simId)
}

/**
 * SIM slots with their ICCIDs (not secret), each SIM's own allowance monitor and its data used
 * this cycle, plus the SpeedFusion Connect eSIM where the router has one; from the last
 * snapshot, else the first.
 */
export function simRows(first: Snapshot, last?: Snapshot): unknown[][] {
  const rows = new Map<string, unknown[]>()
  for (const s of [first, last]) {
    for (const w of s?.wans ?? []) {
      for (const sim of w.cellular?.sims ?? []) {
        const monitor = monitorText(sim.allowanceMonitor) ?? 'not reported'
        const usage = sim.detected ? usageText(allowanceOf(s, w.id, sim.id)) : 'no card'
        rows.set(`${w.id}:${sim.id}`, [`WAN ${w.id}`, simName(sim.id), sim.detected ? (sim.active ? 'in use' : 'detected, idle') : 'no card', sim.iccid ?? '', sim.apn ?? '', monitor, usage])
      }
      const sfc = w.cellular?.speedfusionConnect
      if (sfc) rows.set(`${w.id}:esim`, [`WAN ${w.id}`, 'SpeedFusion Connect eSIM', sfc.active ? 'in use' : 'available, idle', sfc.iccid ?? '', '', 'not applicable', 'not applicable'])
      const m = w.cellular?.modem
      if (m?.iccid) rows.set(`${w.id}:modem`, [`WAN ${w.id}`, 'USB modem', 'detected', m.iccid, m.apn ?? '', monitorText(w.allowanceMonitor) ?? 'not reported', usageText(allowanceOf(s, w.id))])
    }
  }
  return [...rows.values()]
}

/** Each cellular module as a support escalation asks for it: vendor, model, firmware, IMEI. */
export function moduleRows(s: Snapshot): unknown[][] {
  return s.wans.filter((w) => w.cellular).map((w) => {
    const c = w.cellular!
    const name = moduleText(c.module) ?? (c.modem ? [c.modem.manufacturer, c.modem.name].filter(Boolean).join(' ') || 'USB modem' : 'not reported by this firmware')
    return [`WAN ${w.id}`, w.name, name, c.module?.imei ?? c.imei ?? 'not reported']
  })
}

const STATE_WORDS: Record<WanState, string> = {
  connected: 'connected', standby: 'standby (backup)', connecting: 'connecting', down: 'down', 'no-device': 'no device', 'off-schedule': 'off by schedule', disabled: 'disabled',
}

function wanState(w: Wan | undefined): string {
  if (!w) return 'not reported'
  if (!w.enable) return 'disabled'
  const state = STATE_WORDS[w.state] ?? (w.connected ? 'connected' : 'down')
  // "connected (Connected)" says nothing twice; other messages ("Connected to X") add something.
  return w.message && !state.startsWith(w.message.trim().toLowerCase()) ? `${state} (${w.message})` : state
}

/** Every WAN: its state at the first and the last check, priority and network. */
export function wanRows(first: Snapshot, last?: Snapshot): unknown[][] {
  const ids = [...new Set([...first.wans.map((w) => w.id), ...(last?.wans ?? []).map((w) => w.id)])].sort((a, b) => a - b)
  return ids.map((id) => {
    const a = first.wans.find((w) => w.id === id)
    const b = last?.wans.find((w) => w.id === id)
    const w = b ?? a!
    const carrier = w.cellular?.carrier?.name ? `${w.cellular.carrier.name}${w.cellular.mobileType ? ` ${w.cellular.mobileType}` : ''}` : w.wifi?.ssid ?? ''
    return [id, w.name, w.type, wanState(a), last ? wanState(b) : '(no later check)', w.priority ?? '', carrier]
  })
}

/** The Wi-Fi WAN's dBm: the signal report's, else the WAN status's. */
function wifiDbm(s: Snapshot | undefined, wanId: number): number | undefined {
  if (!s) return undefined
  const v = s.signal.find((r) => r.id === wanId)?.wifi?.signalStrength ?? s.wans.find((w) => w.id === wanId)?.wifi?.signalStrength
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined
}

const dbm = (v: number | undefined, none: string): string => (v === undefined ? none : `${v} dBm`)

/** Each Wi-Fi WAN: the network it is on (SSID) and its signal at the first and the last check. */
export function wifiRows(first: Snapshot, last?: Snapshot): unknown[][] {
  const latest = last ?? first
  const ids = [...new Set([...first.wans, ...latest.wans].filter((w) => w.type === 'wifi').map((w) => w.id))].sort((a, b) => a - b)
  return ids.map((id) => {
    const w = latest.wans.find((x) => x.id === id) ?? first.wans.find((x) => x.id === id)!
    const ssid = w.wifi?.ssid || latest.signal.find((r) => r.id === id)?.wifi?.ssid || (w.connected ? 'not reported' : 'not connected')
    return [`WAN ${id}`, w.name, ssid, dbm(wifiDbm(first, id), 'no reading'), last ? dbm(wifiDbm(last, id), 'no reading') : '(no later check)']
  })
}

const METRICS: { key: MarkerMetric; head: string; unit: string }[] = [
  { key: 'rsrp', head: 'RSRP', unit: 'dBm' },
  { key: 'rsrq', head: 'RSRQ', unit: 'dB' },
  { key: 'sinr', head: 'SINR', unit: 'dB' },
  { key: 'wifi', head: 'Wi-Fi', unit: 'dBm' },
]

/** The antenna markers' table: label, time, and the average of each metric any marker has. */
export function markerTable(markers: readonly VisitMarker[], time: (iso: string) => string): { headers: string[]; rows: unknown[][] } {
  const shown = METRICS.filter((m) => markers.some((mk) => markerAverage(mk, m.key) !== undefined))
  const headers = ['WAN', 'Marker', 'Dropped', ...shown.map((m) => `Avg ${m.head} (${m.unit})`), 'Readings']
  const rows = [...markers].sort((a, b) => a.at.localeCompare(b.at)).map((mk) => {
    const readings = Math.max(0, ...Object.values(mk.stats).map((f) => f?.n ?? 0))
    return [`WAN ${mk.wanId}`, mk.label, time(mk.at), ...shown.map((m) => markerAverage(mk, m.key)?.toFixed(1) ?? '—'), readings]
  })
  return { headers, rows }
}

/** Site surveys: each position ranked, with its median RSRP and SINR and the time spent there. */
export function surveyTables(surveys: readonly VisitSurvey[], time: (iso: string) => string): { title: string; verdict: string; headers: string[]; rows: unknown[][] }[] {
  return surveys.map((s) => ({
    title: `${s.wanName}, ${time(new Date(s.startedAt).toISOString())} (${s.minutes} min, ${s.samples} samples)`,
    verdict: s.verdict,
    headers: ['Rank', 'Position', 'Band', 'Median RSRP', 'Median SINR', 'Time there'],
    rows: s.ranking.map((r, i) => [i + 1, r.name, r.band, r.rsrp !== undefined ? `${r.rsrp} dBm${r.grade ? ` (${r.grade})` : ''}` : 'not reported', r.sinr !== undefined ? `${r.sinr} dB` : 'not reported', r.seconds !== undefined ? `${Math.round(r.seconds / 6) / 10} min` : '']),
  }))
}
