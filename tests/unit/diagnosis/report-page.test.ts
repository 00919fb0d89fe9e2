/**
 * The report as a customer receives it: printed on A4 and on Letter, nothing runs past the
 * right margin (long parameters wrap), and "What was done" reads in plain words while the
 * endpoint names and parameters sit in the technical appendix at the end.
 */
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderReportHtml } from '../../../src-main/diagnosis/report-html'
import { chromiumPrinter } from '../../../src-main/diagnosis/report-pdf'
import { diagnose } from '../../../src-main/diagnosis/rules'
import type { Visit, VisitAction } from '../../../src-main/diagnosis/visit'
import { snap } from './snapshots'
import { chromium, pdftotext } from './pdf-tools'

const LONG_APN = 'm2m.enterprise-private-network.operator-example-carrier.gprs.internal'

function visit(actions: VisitAction[]): Visit {
  const first = snap()
  const last = snap((s) => (s.takenAt = '2025-03-01T11:00:00.000Z'))
  return {
    version: 1, id: '20250301T100000Z-pg01', deviceId: 'dev-1', deviceName: 'Depot BR1', host: '192.168.50.1',
    startedAt: '2025-03-01T10:00:00.000Z', endedAt: '2025-03-01T11:00:00.000Z',
    firstSnapshot: first, lastSnapshot: last, actions, findings: diagnose(last), notes: '', guides: [],
  }
}

const at = '2025-03-01T10:30:00.000Z'
const LOCK: VisitAction = { at, action: 'cmd.channelPci.lock', params: { connId: 2, simId: 1, lock: { channel: 1300, pci: 101 } }, outcome: 'ok', summary: 'Now on channel 1300 / PCI 101; link back up in 41 s.' }
const CLEAR: VisitAction = { at, action: 'cmd.channelPci.lock', params: { connId: 2, simId: 1, lock: 'cleared' }, outcome: 'ok', summary: 'Channel/PCI lock cleared; link back up in 12 s.' }
const WAN_SETTINGS: VisitAction = {
  at, action: 'config.wan.connection', outcome: 'ok', summary: 'WAN 2 settings saved; apply the pending changes to use them.',
  params: { id: 2, sims: [{ id: 1, apn: LONG_APN, allowance: { enable: true, monthlyMb: 10240, start: 1, action: ['email', 'disconnect'] } }, { id: 2, apn: LONG_APN }] },
}

/** The rows of one table, by its heading, as cell texts. */
function tableAfter(html: string, heading: string): string[][] {
  const start = html.indexOf(`<h2>${heading}</h2>`)
  const table = html.slice(start, html.indexOf('</table>', start))
  return [...table.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((c) => c[1]!))
}

describe('What was done, and the technical appendix', () => {
  const html = renderReportHtml(visit([LOCK, CLEAR, WAN_SETTINGS]), { now: new Date('2025-03-01T11:05:00Z') })

  it('says each change in words: a lock and a clear read differently, with no endpoint names', () => {
    const rows = tableAfter(html, 'What was done')
    expect(rows[0]).toEqual(['Time', 'Change', 'Outcome', 'Result'])
    expect(rows[1]!.slice(1)).toEqual(['Locked SIM A on WAN 2 to channel 1300 / PCI 101', 'done', 'Now on channel 1300 / PCI 101; link back up in 41 s.'])
    expect(rows[2]!.slice(1, 3)).toEqual(['Cleared the channel/PCI lock of SIM A on WAN 2', 'done'])
    expect(rows[3]![1]).toBe('Changed the settings of WAN 2')
    expect(rows.flat().join(' ')).not.toMatch(/cmd\.|config\.wan|connId=/)
  })

  it('keeps endpoint names and parameters in an appendix after the notes', () => {
    expect(html.indexOf('<h2>Technical details</h2>')).toBeGreaterThan(html.indexOf("<h2>Technician's notes</h2>"))
    const rows = tableAfter(html, 'Technical details')
    expect(rows[0]).toEqual(['Time', 'Endpoint', 'Outcome', 'Parameters'])
    expect(rows[1]!.slice(1)).toEqual(['cmd.channelPci.lock', 'ok', 'connId=2, simId=1, lock={&quot;channel&quot;:1300,&quot;pci&quot;:101}'])
    expect(rows[2]![3]).toBe('connId=2, simId=1, lock=cleared')
  })

  it('fixes every table\'s columns so long values wrap, and forces no paper size', () => {
    expect(html).toMatch(/table\{[^}]*table-layout:fixed/)
    expect(html).toMatch(/td\{[^}]*overflow-wrap:anywhere/)
    expect(html).not.toMatch(/@page\s*\{[^}]*size/)
    expect(html).not.toMatch(/body\{[^}]*max-width:19\dmm/)
  })
})


/** Every word pdftotext finds, with its box and the page's width (PDF points). */
function words(pdf: string): { text: string; xMax: number; height: number; pageWidth: number }[] {
  const out = execFileSync('pdftotext', ['-bbox', pdf, '-']).toString('utf8')
  const found: { text: string; xMax: number; height: number; pageWidth: number }[] = []
  for (const page of out.split('<page ').slice(1)) {
    const pageWidth = Number(/width="([\d.]+)"/.exec(page)![1])
    for (const m of page.matchAll(/<word xMin="[\d.-]+" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)) {
      found.push({ text: m[4]!, xMax: Number(m[2]), height: Number(m[3]) - Number(m[1]), pageWidth })
    }
  }
  return found
}

// The router's own shape of a lock, and a long priority list: JSON with few places to wrap.
const ENDPOINT_LOCK: VisitAction = {
  at, action: 'cmd.channelPci.lock', outcome: 'not-verified', params: { connId: 2, sim: [{ id: 1, value: { channel: 1300, pci: 101 } }, { id: 2, value: { channel: 1350, pci: 77 } }] },
  summary: 'The WAN did not come back on channel 1300 / PCI 101 within 2 min 0 s. The router says: "Unable to connect to the locked channel".',
}
const PRIORITY: VisitAction = {
  at, action: 'config.wan.connection.priority', outcome: 'ok', summary: 'WAN priority changed and applied.',
  params: { list: [1, 2, 3, 4, 5].map((i) => ({ connId: i, priority: i, enable: true })), instantActive: true },
}

describe.skipIf(!chromium || !pdftotext)('printed on A4 and on Letter', () => {
  let dir: string
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'uplink-page-'))))
  afterAll(() => rm(dir, { recursive: true, force: true }))

  // As a browser or printer would: the paper is chosen outside the page, set here by one rule.
  const print = async (v: Visit, paper: string, name: string) => {
    const path = join(dir, `${name}-${paper}.pdf`)
    await writeFile(path, await chromiumPrinter({ binary: chromium })(renderReportHtml(v).replace('</style>', `@page{size:${paper}}</style>`)))
    return words(path)
  }

  for (const [paper, widthPt] of [['A4', 595], ['Letter', 612]] as const) {
    it(`keeps every word inside the margins on ${paper}, at full size`, async () => {
      const all = await print(visit([LOCK, CLEAR, ENDPOINT_LOCK, PRIORITY, WAN_SETTINGS]), paper, 'full')
      expect(Math.round(all[0]!.pageWidth)).toBe(widthPt)
      // 12 mm is 34 pt; a word may touch the margin but not cross it.
      expect(all.filter((w) => w.xMax > w.pageWidth - 30).map((w) => w.text)).toEqual([])
      // A page wider than the paper is shrunk to fit by Chromium (and clipped past that): the
      // title must print exactly as large as in a report with nothing wide in it.
      const bare = await print(visit([]), paper, 'bare')
      const title = (ws: typeof all) => ws.find((w) => w.text === 'Site')!.height
      expect(title(all) / title(bare)).toBeCloseTo(1, 3)
      // Long values wrap inside their cells: all of them is there.
      const text = all.map((w) => w.text).join(' ')
      for (const part of ['m2m.enterprise', 'gprs.internal', '&quot;connId&quot;:5']) expect(text).toContain(part)
    })
  }
})
