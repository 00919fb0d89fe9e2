/**
 * The site-visit report as one self-contained, printable HTML page: inline CSS, inline SVG,
 * no scripts, no external resources. Every value is escaped, and the finished page goes
 * through the redaction pass (report-redact.ts) with the secrets the caller knows.
 */
import { readingAge } from '../peplink/describe'
import { escapeHtml, formatTime, htmlTable } from './html'
import { doneRows, gapRows, technicalRows } from './report-actions'
import { signalBeforeAfter, signalChartSvg } from './report-chart'
import { surveyChartSvg, surveyTrackSvg } from './report-survey-chart'
import { redactHtml } from './report-redact'
import { markerTable, moduleRows, simRows, surveyTables, wanRows, wifiRows } from './report-tables'
import type { Finding, Snapshot } from './types'
import { visitOutcome, type Visit } from './visit'

export interface ReportOptions {
  /** Strings that must never appear (device password, Wi-Fi keys, client secrets, tokens). */
  secrets?: readonly string[]
  /** Generation time (tests). */
  now?: Date
}

// No paper size: the page takes the printer's (A4 or Letter), and nothing is wider than the
// narrower of the two (A4: 210 mm less 2 x 12 mm = 186 mm). Tables have fixed columns and
// long values wrap inside their cells; the chart scales down to the text width.
const CSS = `
@page{margin:12mm}
body{font:12px/1.45 -apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;color:#111;margin:0 auto}
@media screen{body{max-width:186mm;padding:0 12px}}
h1{font-size:20px;margin:0 0 2px}h2{font-size:15px;margin:18px 0 6px;border-bottom:1px solid #bbb;padding-bottom:2px;break-after:avoid}
h3{font-size:13px;margin:10px 0 4px;break-after:avoid}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:4px 0 8px;break-inside:auto}tr{break-inside:avoid}
th,td{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top;overflow-wrap:anywhere;word-break:break-word}th{background:#f0f0f0}
svg{max-width:100%;height:auto}
.muted{color:#666}.kv td:first-child{width:28%;font-weight:600}
.f{border:1px solid #ccc;border-left-width:5px;padding:5px 8px;margin:6px 0;break-inside:avoid}
.f.problem{border-left-color:#c0392b}.f.warning{border-left-color:#e67e22}.f.info{border-left-color:#2a6fdb}
.sev{font-weight:700;text-transform:uppercase;font-size:10px;margin-right:6px}
.notes{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #ccc;padding:6px 8px}
.draft{border:1px solid #e67e22;padding:5px 8px}
.ok{color:#1e7e34}.failed{color:#c0392b}.not-verified{color:#b36b00}
.appendix{font-size:10.5px}.appendix h2{font-size:13px}
footer{margin-top:18px;font-size:10px;color:#666}
`

/** What the report says for the router's serial number: no call of the router's API reports it. */
export const SERIAL_NOT_REPORTED = "not reported (the router's API does not give it; it is on the router's label)"

function kv(rows: [string, unknown][]): string {
  return `<table class="kv"><tbody>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`
}

function location(s: Snapshot): string {
  const l = s.location
  if (!l) return s.gaps.some((g) => g.call === 'info.location') ? 'Not available on this router.' : 'Not reported.'
  if (!l.gps || l.latitude === undefined || l.longitude === undefined) return 'No GPS fix.'
  return `${l.latitude.toFixed(6)}, ${l.longitude.toFixed(6)}${l.altitude !== undefined ? ` (altitude ${Math.round(l.altitude)} m)` : ''}`
}

/** How old the signal readings of the last check were, by the router's own clock. */
function readingNote(s: Snapshot): string {
  const age = readingAge(s.wans.find((w) => w.cellular && w.reading?.ageSeconds !== undefined)?.reading)
  if (!age) return ''
  return age.stale
    ? `<p class="failed">The last check's signal readings were ${escapeHtml(age.ago)} old: the modem had not refreshed them, so they may not show the signal at that time.</p>`
    : `<p class="muted">Signal readings were ${escapeHtml(age.ago)} old when read (router clock).</p>`
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
  const markers = markerTable(visit.markers ?? [], formatTime)
  const surveys = surveyTables(visit.surveys ?? [], formatTime)
  const title = `Site visit report: ${visit.deviceName}`
  const html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">Visit ${escapeHtml(formatTime(visit.startedAt))}${visit.endedAt ? ` to ${escapeHtml(formatTime(visit.endedAt))}` : ' (still open)'}</p>
${visit.endedAt ? '' : '<p class="draft">Interim report: the visit was still open when this was made. The final report is the one exported after the visit is finished.</p>'}
<p><strong>${escapeHtml(summaryLine(open, fixed, visit.actions.length))}</strong></p>
<h2>Router</h2>
${kv([
  ['Name', visit.deviceName],
  ['Address', visit.host],
  ['Model', visit.deviceModel ?? 'not recorded'],
  ['Serial number', SERIAL_NOT_REPORTED],
  ['Firmware', latest.firmware ?? first.firmware ?? 'unknown'],
  ['Location', location(latest)],
  ['LAN clients', latest.clients ? `${latest.clients.active} active of ${latest.clients.total}` : 'not reported'],
])}
<h2>SIM cards</h2>
${htmlTable(['WAN', 'SIM', 'State', 'ICCID', 'APN', 'Allowance monitor', 'Data used this cycle'], simRows(first, last), 'No cellular WAN reported.', ['8%', '12%', '10%', '19%', '11%', '22%', '18%'])}
<h2>Cellular modules</h2>
${htmlTable(['WAN', 'Name', 'Module', 'IMEI'], moduleRows(latest), 'No cellular module reported.', ['9%', '18%', '48%', '25%'])}
<h2>WAN connections</h2>
${htmlTable(['ID', 'Name', 'Type', 'At start', 'At end', 'Priority', 'Network'], wanRows(first, last), 'No WAN reported.', ['5%', '15%', '10%', '19%', '19%', '9%', '23%'])}
<h2>Wi-Fi WAN</h2>
${htmlTable(['WAN', 'Name', 'Network (SSID)', 'Signal at start', 'Signal at end'], wifiRows(first, last), 'No Wi-Fi WAN on this router.', ['9%', '18%', '33%', '20%', '20%'])}
<h2>Signal before and after</h2>
${chart || '<p class="muted">No cellular signal data in either check.</p>'}
${readingNote(latest)}
<h2>Antenna positions tried</h2>
${markers.rows.length ? '<p class="muted">Each marker averages the live signal from when it was dropped until the next marker.</p>' : ''}
${htmlTable(markers.headers, markers.rows, 'No antenna markers were dropped in the Signal view.')}
${surveys.length ? `<h2>Site survey</h2>\n${surveys.map((t, i) => `<h3>${escapeHtml(t.title)}</h3>\n<p><strong>${escapeHtml(t.verdict)}</strong></p>\n${htmlTable(t.headers, t.rows, 'No position had readings.')}\n${surveyChartSvg({ ...visit.surveys![i]! })}\n${surveyTrackSvg({ ...visit.surveys![i]! })}`).join('\n')}` : ''}
<h2>What was done</h2>
${htmlTable(['Time', 'Change', 'Outcome', 'Result'], doneRows(visit.actions, formatTime), 'No changes were made to the router.', ['14%', '30%', '11%', '45%'])}
<h2>Still open</h2>
${findingsHtml(open, 'Nothing open: every check passed.')}
<h2>Fixed during the visit</h2>
${findingsHtml(fixed, 'Nothing found at the start was resolved during the visit.')}
<h2>Technician's notes</h2>
${visit.notes.trim() ? `<div class="notes">${escapeHtml(visit.notes)}</div>` : '<p class="muted">No notes.</p>'}
${appendix(visit, latest)}
<footer>Generated by Uplink on ${escapeHtml(formatTime(generated))}. First check ${escapeHtml(formatTime(first.takenAt))}${last ? `, last check ${escapeHtml(formatTime(last.takenAt))}` : ''}. Passwords, keys and tokens are never included.</footer>
</body></html>
`
  return redactHtml(html, opts.secrets ?? [])
}

/** The technical appendix: each change as the router's API names it, and what could not be read. */
function appendix(visit: Visit, latest: Snapshot): string {
  const gaps = latest.gaps.length
    ? `<h3>What the last check could not read</h3>\n${htmlTable(['Call', 'WAN', 'Status', 'Message'], gapRows(latest.gaps), '', ['24%', '8%', '14%', '54%'])}`
    : ''
  return `<section class="appendix"><h2>Technical details</h2>
<p class="muted">For whoever services this router next: each change as the router's API names it, with the parameters sent (secrets removed).</p>
${htmlTable(['Time', 'Endpoint', 'Outcome', 'Parameters'], technicalRows(visit.actions, formatTime), 'No changes were made to the router.', ['14%', '24%', '12%', '50%'])}
${gaps}</section>`
}
