/**
 * What a customer's report must carry besides the basics: antenna markers with their
 * averages, RSRQ before and after, the data used per SIM, the Wi-Fi WAN's network and signal,
 * the router's serial number (or that it was not reported), and, in an interim report, that
 * the visit was still open.
 */
import { describe, expect, it } from 'vitest'
import { renderReportHtml } from '../../../src-main/diagnosis/report-html'
import { signalBeforeAfter, signalChartSvg } from '../../../src-main/diagnosis/report-chart'
import { diagnose } from '../../../src-main/diagnosis/rules'
import type { Visit, VisitMarker } from '../../../src-main/diagnosis/visit'
import { healthy, signal, snap } from './snapshots'

const acc = (...values: number[]) => ({ min: Math.min(...values), max: Math.max(...values), sum: values.reduce((a, b) => a + b, 0), n: values.length })

const MARKERS: VisitMarker[] = [
  { id: 'm2', wanId: 2, label: 'Roof, south', at: '2025-03-01T10:20:00.000Z', stats: { rsrp: acc(-90, -91), rsrq: acc(-9, -10), sinr: acc(14, 15) } },
  { id: 'm1', wanId: 2, label: 'Roof, north', at: '2025-03-01T10:10:00.000Z', stats: { rsrp: acc(-101, -104, -102), rsrq: acc(-14, -15, -16), sinr: acc(3, 4, 5) } },
  { id: 'm3', wanId: 3, label: 'Office window', at: '2025-03-01T10:30:00.000Z', stats: { wifi: acc(-61, -64) } },
]

function visit(change: (v: Visit) => void = () => undefined): Visit {
  const first = snap((s) => signal(s, { rsrp: -108, rsrq: -17, sinr: 3 }))
  const last = snap((s) => {
    s.takenAt = '2025-03-01T11:00:00.000Z'
    s.signal[1]!.wifi!.signalStrength = -52
  })
  const v: Visit = {
    version: 1, id: '20250301T100000Z-ct01', deviceId: 'dev-1', deviceName: 'Depot BR1', host: '192.168.50.1',
    startedAt: '2025-03-01T10:00:00.000Z', endedAt: '2025-03-01T11:00:00.000Z',
    firstSnapshot: first, lastSnapshot: last, actions: [], findings: diagnose(last), notes: '', guides: [], markers: MARKERS,
  }
  change(v)
  return v
}

/** The rows of the table under a heading, as cell texts. */
function table(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h2>${heading}</h2>`)
  expect(start, heading).toBeGreaterThan(-1)
  const end = html.indexOf('<h2>', start + 5)
  const part = html.slice(start, end < 0 ? undefined : end)
  return [...part.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) => c[1]!))
}

describe('the report carries what the customer was promised', () => {
  const html = renderReportHtml(visit(), { now: new Date('2025-03-01T11:05:00Z') })

  it('lists each antenna marker with its time and averages, in the order dropped', () => {
    const rows = table(html, 'Antenna positions tried')
    expect(rows[0]).toEqual(['WAN', 'Marker', 'Dropped', 'Avg RSRP (dBm)', 'Avg RSRQ (dB)', 'Avg SINR (dB)', 'Avg Wi-Fi (dBm)', 'Readings'])
    expect(rows.slice(1)).toEqual([
      ['WAN 2', 'Roof, north', '2025-03-01 10:10 UTC', '-102.3', '-15.0', '4.0', '—', '3'],
      ['WAN 2', 'Roof, south', '2025-03-01 10:20 UTC', '-90.5', '-9.5', '14.5', '—', '2'],
      ['WAN 3', 'Office window', '2025-03-01 10:30 UTC', '—', '—', '—', '-62.5', '2'],
    ])
  })

  it('says so when no marker was dropped', () => {
    const out = renderReportHtml(visit((v) => delete v.markers))
    expect(out).toContain('No antenna markers were dropped in the Signal view.')
  })

  it('charts RSRQ before and after, next to RSRP and SINR', () => {
    const points = signalBeforeAfter(visit().firstSnapshot, visit().lastSnapshot)
    expect(points).toEqual([{ label: 'WAN 2 LTE Band 3 (1800 MHz)', before: { rsrp: -108, rsrq: -17, sinr: 3 }, after: { rsrp: -85, rsrq: -9, sinr: 15 } }])
    const svg = signalChartSvg(points)
    expect(svg).toContain('RSRQ (dB)')
    expect(svg).toContain('-17 dB')
    expect(svg).toContain('-9 dB')
    expect(html).toContain('RSRQ (dB)')
  })

  it('shows the data used this cycle for each SIM', () => {
    const rows = table(html, 'SIM cards')
    expect(rows[0]![6]).toBe('Data used this cycle')
    expect(rows[1]!.slice(0, 2)).toEqual(['WAN 2', 'SIM A'])
    expect(rows[1]![6]).toBe('2 GB of 10 GB (20 %)')
    expect(rows[2]![6]).toBe('no card')
  })

  it('says "not reported" for a SIM whose usage the router did not give', () => {
    const out = renderReportHtml(visit((v) => (v.lastSnapshot!.allowance = [])))
    expect(table(out, 'SIM cards')[1]![6]).toBe('not reported')
  })

  it('shows the Wi-Fi WAN\'s network and its signal at the start and the end', () => {
    expect(table(html, 'Wi-Fi WAN')).toEqual([
      ['WAN', 'Name', 'Network (SSID)', 'Signal at start', 'Signal at end'],
      ['WAN 3', 'Wi-Fi WAN', 'Site-Office', '-58 dBm', '-52 dBm'],
    ])
  })

  it('keeps the cellular module\'s IMEI, and says the serial number was not reported rather than leaving it blank', () => {
    const v = visit()
    v.lastSnapshot!.wans[1]!.cellular!.module = { manufacturer: 'Quectel', model: 'RM520N-GL', imei: '861234567890123' }
    const out = renderReportHtml(v)
    expect(table(out, 'Cellular modules')[1]![3]).toBe('861234567890123')
    expect(out).toMatch(/<tr><td>Serial number<\/td><td>not reported \(the router&#39;s API does not give it; it is on the router&#39;s label\)<\/td><\/tr>/)
  })

  it('marks a report made before the visit was finished as interim', () => {
    expect(html).not.toContain('Interim report')
    const out = renderReportHtml(visit((v) => delete v.endedAt))
    expect(out).toContain('(still open)')
    expect(out).toContain('Interim report: the visit was still open when this was made.')
  })

  it('lists in the appendix what the last check could not read', () => {
    const out = renderReportHtml(visit((v) => (v.lastSnapshot!.gaps = [{ call: 'info.location', status: 'unavailable', message: 'Unsupported request' }])))
    const appendix = out.slice(out.indexOf('<h2>Technical details</h2>'))
    expect(appendix).toContain('<h3>What the last check could not read</h3>')
    expect(appendix).toContain('<td>info.location</td><td></td><td>not on this router</td><td>Unsupported request</td>')
  })

  it('leaves a healthy snapshot without Wi-Fi WAN saying so', () => {
    const s = healthy()
    s.wans = s.wans.filter((w) => w.type !== 'wifi')
    const out = renderReportHtml(visit((v) => {
      v.firstSnapshot = s
      v.lastSnapshot = s
    }))
    expect(out).toContain('No Wi-Fi WAN on this router.')
  })
})

describe('the site survey in the report', () => {
  it('shows each survey: its verdict and the positions ranked with their medians', () => {
    const html = renderReportHtml({
      version: 1, id: 'v1', deviceId: 'd1', deviceName: 'Depot', host: '192.168.50.1', startedAt: '2026-12-01T09:00:00.000Z',
      firstSnapshot: healthy(), actions: [], findings: [], notes: '', guides: [],
      surveys: [{ id: 's1', wanName: 'Cellular', startedAt: Date.parse('2026-12-01T09:10:00Z'), minutes: 12, samples: 720, verdict: 'roof north is best: median RSRP -84 dBm (good) on LTE Band 3, 6 dB better than mast 3 m.', ranking: [
        { name: 'roof north', band: 'LTE Band 3', rsrp: -84, sinr: 15, grade: 'good', seconds: 240 },
        { name: 'mast 3 m', band: 'LTE Band 3', rsrp: -90, sinr: 11, grade: 'fair', seconds: 300 },
      ] }],
    } as Visit)
    expect(html).toContain('<h2>Site survey</h2>')
    expect(html).toContain('roof north is best: median RSRP -84 dBm (good) on LTE Band 3, 6 dB better than mast 3 m.')
    expect(html).toMatch(/<td>1<\/td><td>roof north<\/td><td>LTE Band 3<\/td><td>-84 dBm \(good\)<\/td><td>15 dB<\/td><td>4 min<\/td>/)
    const without = renderReportHtml({ version: 1, id: 'v2', deviceId: 'd1', deviceName: 'Depot', host: 'h', startedAt: '2026-12-01T09:00:00.000Z', firstSnapshot: healthy(), actions: [], findings: [], notes: '', guides: [] } as Visit)
    expect(without).not.toContain('Site survey')
    // An older visit file has no chart points: no chart, and nothing broken.
    expect(html).not.toContain('RSRP over the survey')
  })

  it('draws the survey: RSRP over time with the positions named, and a drive\'s track with scale and north', () => {
    const t0 = Date.parse('2026-12-01T09:10:00Z')
    const chart = Array.from({ length: 120 }, (_, i) => ({ at: t0 + i * 5000, rsrp: i < 60 ? -92 : -84 }))
    const track = Array.from({ length: 50 }, (_, i) => ({ lat: 22.3 + i * 0.001, lon: 114.17 + i * 0.0005, ...(i === 10 ? {} : { rsrp: i < 25 ? -79 : -104 }) }))
    const html = renderReportHtml({
      version: 1, id: 'v1', deviceId: 'd1', deviceName: 'Depot', host: '192.168.50.1', startedAt: '2026-12-01T09:00:00.000Z',
      firstSnapshot: healthy(), actions: [], findings: [], notes: '', guides: [],
      surveys: [{ id: 's1', wanName: 'Cellular <1>', startedAt: t0, minutes: 10, samples: 120, verdict: 'roof is best', ranking: [],
        chart, positions: [{ name: 'mast 3 m', from: t0, to: t0 + 300_000 }, { name: 'roof <north>', from: t0 + 300_000, to: t0 + 595_000 }], track }],
    } as Visit)
    expect(html).toContain('aria-label="RSRP over the survey of Cellular &lt;1&gt;"')
    expect(html).toContain('>mast 3 m</text>')
    expect(html).toContain('>roof &lt;north&gt;</text>')
    expect(html).toContain('09:10 UTC')
    // The line goes through every kept point.
    const line = /<path d="(M[^"]+)" fill="none" stroke="#2a6fdb"/.exec(html)![1]!
    expect(line.split(/[ML]/).filter(Boolean)).toHaveLength(120)
    // The track: one dot a point, coloured by grade, a grey one where RSRP was not read, scale and north.
    const dots = [...html.matchAll(/<circle [^>]*fill="(#[0-9a-f]+)"/g)].map((m) => m[1])
    expect(dots).toHaveLength(50)
    expect(new Set(dots)).toEqual(new Set(['#0b6e3d', '#c0392b', '#999']))
    expect(html).toMatch(/class="v">\d+ (m|km)<\/text>/)
    expect(html).toContain('text-anchor="middle">N</text>')
    // A router that stayed put draws no track.
    const still = renderReportHtml({
      version: 1, id: 'v1', deviceId: 'd1', deviceName: 'Depot', host: 'h', startedAt: '2026-12-01T09:00:00.000Z',
      firstSnapshot: healthy(), actions: [], findings: [], notes: '', guides: [],
      surveys: [{ id: 's1', wanName: 'Cellular', startedAt: t0, minutes: 10, samples: 120, verdict: 'x', ranking: [], chart, track: track.map((p, i) => ({ ...p, lat: 22.3 + (i % 2) * 0.00001, lon: 114.17 })) }],
    } as Visit)
    expect(still).not.toContain('<circle')
    expect(still).toContain('RSRP over the survey')
  })
})
