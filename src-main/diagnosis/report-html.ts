/**
 * The site-visit report as one self-contained, printable HTML page: inline CSS, inline SVG,
 * no scripts, no external resources. Every value is escaped, and the finished page goes
 * through the redaction pass (report-redact.ts) with the secrets the caller knows.
 */
import { moduleText, monitorText, readingAge } from '../peplink/describe'
import type { Wan, WanState } from '../peplink/model'
import { escapeHtml, formatTime, htmlTable } from './html'
import { signalBeforeAfter, signalChartSvg } from './report-chart'
import { redactHtml } from './report-redact'
import { simName } from './rules/helpers'
import type { Finding, Snapshot } from './types'
import { visitOutcome, type Visit } from './visit'

export interface ReportOptions {
  /** Strings that must never appear (device password, Wi-Fi keys, client secrets, tokens). */
  secrets?: readonly string[]
  /** Generation time (tests). */
  now?: Date
}

const CSS = `
@page{size:A4;margin:14mm}
body{font:12px/1.45 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;margin:0 auto;max-width:190mm}
h1{font-size:20px;margin:0 0 2px}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #bbb;padding-bottom:2px;break-after:avoid}
h3{font-size:13px;margin:10px 0 4px}
table{border-collapse:collapse;width:100%;margin:4px 0 8px;break-inside:auto}tr{break-inside:avoid}
th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top}th{background:#f0f0f0}
.muted{color:#666}.kv td:first-child{width:28%;font-weight:600}
.f{border:1px solid #ccc;border-left-width:5px;padding:5px 8px;margin:6px 0;break-inside:avoid}
.f.problem{border-left-color:#c0392b}.f.warning{border-left-color:#e67e22}.f.info{border-left-color:#2a6fdb}
.sev{font-weight:700;text-transform:uppercase;font-size:10px;margin-right:6px}
.notes{white-space:pre-wrap;border:1px solid #ccc;padding:6px 8px}
.ok{color:#1e7e34}.failed{color:#c0392b}.not-verified{color:#b36b00}
footer{margin-top:18px;font-size:10px;color:#666}
`

function kv(rows: [string, unknown][]): string {
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`
}

function location(s: Snapshot): string {
  const l = s.location
  if (!l) return s.gaps.some((g) => g.call === 'info.location') ? 'Not available on this router.' : 'Not reported.'
  if (!l.gps || l.latitude === undefined || l.longitude === undefined) return 'No GPS fix.'
  return `${l.latitude.toFixed(6)}, ${l.longitude.toFixed(6)}${l.altitude !== undefined ? ` (altitude ${Math.round(l.altitude)} m)` : ''}`
}

/**
 * SIM slots with their ICCIDs (not secret) and each SIM's own allowance monitor, plus the
 * SpeedFusion Connect eSIM where the router has one; from the last snapshot, else the first.
 */
function simRows(first: Snapshot, last?: Snapshot): unknown[][] {
  const rows = new Map<string, unknown[]>()
  for (const s of [first, last]) {
    for (const w of s?.wans ?? []) {
      for (const sim of w.cellular?.sims ?? []) {
        const monitor = monitorText(sim.allowanceMonitor) ?? 'not reported'
        rows.set(`${w.id}:${sim.id}`, [`WAN ${w.id}`, simName(sim.id), sim.detected ? (sim.active ? 'in use' : 'detected, idle') : 'no card', sim.iccid ?? '', sim.apn ?? '', monitor])
      }
      const sfc = w.cellular?.speedfusionConnect
      if (sfc) rows.set(`${w.id}:esim`, [`WAN ${w.id}`, 'SpeedFusion Connect eSIM', sfc.active ? 'in use' : 'available, idle', sfc.iccid ?? '', '', 'not applicable'])
      const m = w.cellular?.modem
      if (m?.iccid) rows.set(`${w.id}:modem`, [`WAN ${w.id}`, 'USB modem', 'detected', m.iccid, m.apn ?? '', monitorText(w.allowanceMonitor) ?? 'not reported'])
    }
  }
  return [...rows.values()]
}

/** Each cellular module as a support escalation asks for it: vendor, model, firmware, IMEI. */
function moduleRows(s: Snapshot): unknown[][] {
  return s.wans.filter((w) => w.cellular).map((w) => {
    const c = w.cellular!
    const name = moduleText(c.module) ?? (c.modem ? [c.modem.manufacturer, c.modem.name].filter(Boolean).join(' ') || 'USB modem' : 'not reported by this firmware')
    return [`WAN ${w.id}`, w.name, name, c.module?.imei ?? c.imei ?? 'not reported']
  })
}

/** How old the signal readings of the last check were, by the router's own clock. */
function readingNote(s: Snapshot): string {
  const age = readingAge(s.wans.find((w) => w.cellular && w.reading?.ageSeconds !== undefined)?.reading)
  if (!age) return ''
  return age.stale
    ? `<p class="failed">The last check's signal readings were ${escapeHtml(age.ago)} old: the modem had not refreshed them, so they may not show the signal at that time.</p>`
    : `<p class="muted">Signal readings were ${escapeHtml(age.ago)} old when read (router clock).</p>`
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

function wanRows(first: Snapshot, last?: Snapshot): unknown[][] {
  const ids = [...new Set([...first.wans.map((w) => w.id), ...(last?.wans ?? []).map((w) => w.id)])].sort((a, b) => a - b)
  return ids.map((id) => {
    const a = first.wans.find((w) => w.id === id)
    const b = last?.wans.find((w) => w.id === id)
    const w = b ?? a!
    const carrier = w.cellular?.carrier?.name ? `${w.cellular.carrier.name}${w.cellular.mobileType ? ` ${w.cellular.mobileType}` : ''}` : w.wifi?.ssid ?? ''
    return [id, w.name, w.type, wanState(a), last ? wanState(b) : '(no later check)', w.priority ?? '', carrier]
  })
}

function params(p: Record<string, unknown>): string {
  return Object.entries(p).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')
}

function findingHtml(f: Finding): string {
  const evidence = Object.entries(f.evidence).filter(([, v]) => v !== null && v !== '').map(([k, v]) => `${k}: ${v}`).join('; ')
  const actions = f.actions.map((a) => a.label).join('; ')
  return `<div class="f ${escapeHtml(f.severity)}"><div><span class="sev">${escapeHtml(f.severity)}</span><strong>${escapeHtml(f.title)}</strong></div>` +
    `<div>${escapeHtml(f.explanation)}</div>` +
    (evidence ? `<div class="muted">Evidence: ${escapeHtml(evidence)}</div>` : '') +
    (actions ? `<div class="muted">Suggested: ${escapeHtml(actions)}</div>` : '') + `</div>`
}

function findingsHtml(list: Finding[], empty: string): string {
  return list.length ? list.map(findingHtml).join('\n') : `<p class="muted">${escapeHtml(empty)}</p>`
}

function summaryLine(open: Finding[], fixed: Finding[], actions: number): string {
  const problems = open.filter((f) => f.severity === 'problem').length
  const warnings = open.filter((f) => f.severity === 'warning').length
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
  return `${plural(actions, 'change')} made; ${plural(fixed.length, 'issue')} fixed; ${problems || warnings ? `${plural(problems, 'problem')} and ${plural(warnings, 'warning')} still open` : 'nothing serious left open'}.`
}

/** Renders a visit as a printable, self-contained HTML report with secrets redacted. */
export function renderReportHtml(visit: Visit, opts: ReportOptions = {}): string {
  const first = visit.firstSnapshot
  const last = visit.lastSnapshot
  const latest = last ?? first
  const { open, fixed } = visitOutcome(visit)
  const chart = signalChartSvg(signalBeforeAfter(first, last))
  const generated = (opts.now ?? new Date()).toISOString()
  const actionRows = visit.actions.map((a) => [formatTime(a.at), a.action, a.outcome, a.summary, params(a.params)])
  const title = `Site visit report: ${visit.deviceName}`
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Visit ${escapeHtml(formatTime(visit.startedAt))}${visit.endedAt ? ` to ${escapeHtml(formatTime(visit.endedAt))}` : ' (still open)'}</p>
<p><strong>${escapeHtml(summaryLine(open, fixed, visit.actions.length))}</strong></p>
<h2>Router</h2>
${kv([
  ['Name', visit.deviceName],
  ['Address', visit.host],
  ['Model', visit.deviceModel ?? 'not recorded'],
  ['Firmware', latest.firmware ?? first.firmware ?? 'unknown'],
  ['Location', location(latest)],
  ['LAN clients', latest.clients ? `${latest.clients.active} active of ${latest.clients.total}` : 'not reported'],
])}
<h2>SIM cards</h2>
${htmlTable(['WAN', 'SIM', 'State', 'ICCID', 'APN', 'Allowance monitor'], simRows(first, last), 'No cellular WAN reported.')}
<h2>Cellular modules</h2>
${htmlTable(['WAN', 'Name', 'Module', 'IMEI'], moduleRows(latest), 'No cellular module reported.')}
<h2>WAN connections</h2>
${htmlTable(['ID', 'Name', 'Type', 'At start', 'At end', 'Priority', 'Network'], wanRows(first, last), 'No WAN reported.')}
<h2>Signal before and after</h2>
${chart || '<p class="muted">No cellular signal data in either check.</p>'}
${readingNote(latest)}
<h2>What was done</h2>
${htmlTable(['Time', 'Action', 'Outcome', 'Result', 'Parameters'], actionRows, 'No changes were made to the router.')}
<h2>Still open</h2>
${findingsHtml(open, 'Nothing open: every check passed.')}
<h2>Fixed during the visit</h2>
${findingsHtml(fixed, 'Nothing found at the start was resolved during the visit.')}
<h2>Technician's notes</h2>
${visit.notes.trim() ? `<div class="notes">${escapeHtml(visit.notes)}</div>` : '<p class="muted">No notes.</p>'}
<footer>Generated by Uplink on ${escapeHtml(formatTime(generated))}. First check ${escapeHtml(formatTime(first.takenAt))}${last ? `, last check ${escapeHtml(formatTime(last.takenAt))}` : ''}. Passwords, keys and tokens are never included.</footer>
</body></html>
`
  return redactHtml(html, opts.secrets ?? [])
}
