/**
 * Antenna markers kept in the visit (so a crash loses none), and the report list saying when
 * an exported report no longer shows the visit as it ended.
 */
import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VisitMarker } from '../../../src-main/diagnosis/visit'
import { VisitStore } from '../../../src-main/diagnosis/visit-store'
import { snap } from './snapshots'

const device = { id: 'dev-1', name: 'Depot BR1', host: '192.168.50.1' }
const marker = (over: Partial<VisitMarker> = {}): VisitMarker => ({
  id: 'mk-1', wanId: 2, label: 'Roof, north', at: '2025-03-01T10:10:00.000Z', stats: { rsrp: { min: -104, max: -101, sum: -307, n: 3 } }, ...over,
})

let dir: string
let clock: Date
const store = () => new VisitStore(dir, { now: () => clock, random: () => 'ab12' })
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uplink-markers-'))
  clock = new Date('2025-03-01T10:00:00Z')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('antenna markers in the visit', () => {
  it('adds markers, updates one as its figures grow, removes one, and keeps them across a restart', async () => {
    const s = store()
    await s.start(device, snap())
    await s.saveMarker('dev-1', marker())
    await s.saveMarker('dev-1', marker({ id: 'mk-2', label: 'Roof, south', at: '2025-03-01T10:20:00.000Z', stats: {} }))
    await s.saveMarker('dev-1', marker({ id: 'mk-2', label: 'Roof, south', at: '2025-03-01T10:20:00.000Z', stats: { rsrp: { min: -91, max: -90, sum: -181, n: 2 } } }))
    expect((await s.openVisit('dev-1'))!.markers!.map((m) => [m.id, m.stats.rsrp?.n])).toEqual([['mk-1', 3], ['mk-2', 2]])

    expect((await s.removeMarker('dev-1', 'mk-1')).removed).toBe(true)
    expect((await s.removeMarker('dev-1', 'mk-1')).removed).toBe(false)

    // The app closes (or crashes): a new store on the same folder has the marker.
    const again = await store().openVisit('dev-1')
    expect(again!.markers).toEqual([marker({ id: 'mk-2', label: 'Roof, south', at: '2025-03-01T10:20:00.000Z', stats: { rsrp: { min: -91, max: -90, sum: -181, n: 2 } } })])
  })

  it('reads a visit file from before markers existed as having none', async () => {
    const s = store()
    const { visit } = await s.start(device, snap())
    const path = s.pathOf('dev-1', visit.id)
    const { markers: _, ...old } = JSON.parse(await readFile(path, 'utf8'))
    await writeFile(path, JSON.stringify(old))
    expect((await store().openVisit('dev-1'))!.markers).toEqual([])
  })

  it('refuses a marker when no visit is open', async () => {
    await expect(store().saveMarker('dev-1', marker())).rejects.toMatchObject({ kind: 'not-found' })
  })
})

describe('the report list says when an export is superseded', () => {
  const writeReport = (s: VisitStore, id: string, ext: string) => writeFile(join(s.deviceDir('dev-1'), `${id}.${ext}`), 'x')

  it('marks an export made while the visit was open once the visit is finished', async () => {
    const s = store()
    const { visit } = await s.start(device, snap())
    clock = new Date('2025-03-01T10:30:00Z')
    await writeReport(s, visit.id, 'html')
    await writeReport(s, visit.id, 'pdf')
    await s.noteExport('dev-1', visit.id, { whileOpen: true, pdf: true })
    const [open] = await s.listReports('dev-1')
    expect(open).toMatchObject({ open: true, exportedAt: '2025-03-01T10:30:00.000Z' })
    expect(open!.superseded).toBeUndefined()

    clock = new Date('2025-03-01T11:00:00Z')
    await s.finish('dev-1', snap())
    const [finished] = await s.listReports('dev-1')
    expect(finished).toMatchObject({ open: false, exportedAt: '2025-03-01T10:30:00.000Z' })
    expect(finished!.superseded).toMatch(/^Exported while the visit was still open; the visit was finished afterwards/)

    // Exported again after finishing: current again, the record kept in the finished visit.
    clock = new Date('2025-03-01T11:05:00Z')
    await s.noteExport('dev-1', visit.id, { whileOpen: false, pdf: true })
    const [again] = await store().listReports('dev-1')
    expect(again).toMatchObject({ exportedAt: '2025-03-01T11:05:00.000Z' })
    expect(again!.superseded).toBeUndefined()
    expect(again!.pdfOutdated).toBeUndefined()
  })

  it('says the PDF is older than the HTML when the last export could not write one', async () => {
    const s = store()
    const { visit } = await s.start(device, snap())
    await writeReport(s, visit.id, 'html')
    await writeReport(s, visit.id, 'pdf')
    await s.noteExport('dev-1', visit.id, { whileOpen: true, pdf: false })
    expect((await s.listReports('dev-1'))[0]).toMatchObject({ pdfOutdated: true })
  })

  it('judges an export from before exports were recorded by the file\'s time', async () => {
    const s = store()
    const { visit } = await s.start(device, snap())
    clock = new Date('2025-03-01T11:00:00Z')
    await s.finish('dev-1', snap())
    await writeReport(s, visit.id, 'html')
    const html = join(s.deviceDir('dev-1'), `${visit.id}.html`)
    await utimes(html, new Date('2025-03-01T10:30:00Z'), new Date('2025-03-01T10:30:00Z'))
    expect((await s.listReports('dev-1'))[0]!.superseded).toMatch(/finished afterwards/)
    await utimes(html, new Date('2025-03-01T11:10:00Z'), new Date('2025-03-01T11:10:00Z'))
    expect((await s.listReports('dev-1'))[0]!.superseded).toBeUndefined()
  })
})
