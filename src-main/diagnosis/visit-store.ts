/**
 * Visits on disk: `<userData>/visits/<deviceId>/<visitId>.json`, every change written
 * atomically, so closing the app (or a crash) mid-visit loses nothing and the next start for
 * that device resumes the open visit. Writes for one device are queued, so two changes made
 * at once (an action and a note) cannot overwrite each other.
 */
import { promises as fs } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { AppError } from '../app-error'
import { removeStaleTempsIn, writeJsonAtomic } from '../devices/atomic-file'
import type { GuideProgress } from './guides'
import { diagnose } from './rules'
import type { Finding, Snapshot } from './types'
import { cleanAction, stripSecrets, visitId, type Visit, type VisitAction, type VisitDevice, type VisitExport, type VisitMarker, type VisitSurvey } from './visit'

/** One stored visit in a device's report list. */
export interface VisitSummary {
  id: string
  deviceId: string
  deviceName: string
  startedAt: string
  endedAt?: string
  open: boolean
  actions: number
  problemsOpen: number
  path: string
  /** Exported report files, when they exist. */
  htmlPath?: string
  pdfPath?: string
  /** When the listed files were written (absent for exports older than this field). */
  exportedAt?: string
  /** Set when the files no longer show the visit as it ended: why, in a sentence. */
  superseded?: string
  /** The PDF is from an earlier export than the HTML (the last export wrote no PDF). */
  pdfOutdated?: boolean
}

export interface VisitStoreOptions {
  now?: () => Date
  random?: () => string
}

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/

function checkId(id: string, what: string): string {
  if (!SAFE_ID.test(id) || id.includes('..')) throw new AppError('validation', `That ${what} id is not valid.`, what)
  return id
}

function isVisit(v: unknown): v is Visit {
  const o = v as Partial<Visit> | null
  return !!o && typeof o === 'object' && o.version === 1 && typeof o.id === 'string' && typeof o.deviceId === 'string' && !!o.firstSnapshot && Array.isArray(o.actions)
}

/** Stores visits under the user-data folder; one open visit per device at most. */
export class VisitStore {
  readonly root: string
  private readonly now: () => Date
  private readonly random: () => string
  private readonly cache = new Map<string, Visit>()
  private readonly queues = new Map<string, Promise<unknown>>()

  constructor(userDataDir: string, opts: VisitStoreOptions = {}) {
    this.root = join(userDataDir, 'visits')
    this.now = opts.now ?? (() => new Date())
    this.random = opts.random ?? (() => randomBytes(2).toString('hex'))
  }

  /** The folder of a device's visits and exported reports. */
  deviceDir(deviceId: string): string {
    return join(this.root, checkId(deviceId, 'device'))
  }

  /** Where a visit's file lives. */
  pathOf(deviceId: string, id: string): string {
    return join(this.deviceDir(deviceId), `${checkId(id, 'visit')}.json`)
  }

  /** Starts a visit for a device, or resumes its open one (then `resumed` is true and the snapshot becomes the latest). */
  start(device: VisitDevice, snapshot: Snapshot): Promise<{ visit: Visit; resumed: boolean }> {
    return this.queue(device.id, async () => {
      const open = await this.loadOpen(device.id)
      if (open) return { visit: await this.save({ ...open, lastSnapshot: stripSecrets(snapshot), findings: diagnose(snapshot) }), resumed: true }
      const startedAt = this.now().toISOString()
      const visit: Visit = {
        version: 1,
        id: visitId(startedAt, this.random()),
        deviceId: device.id,
        deviceName: device.name,
        host: device.host,
        ...(device.model ? { deviceModel: device.model } : {}),
        startedAt,
        firstSnapshot: stripSecrets(snapshot),
        actions: [],
        findings: diagnose(snapshot),
        notes: '',
        guides: [],
        markers: [],
      }
      return { visit: await this.save(visit), resumed: false }
    })
  }

  /** The device's open visit, from memory or disk; undefined when there is none. */
  openVisit(deviceId: string): Promise<Visit | undefined> {
    return this.queue(deviceId, () => this.loadOpen(deviceId))
  }

  /** Adds an action to the open visit (secrets stripped); undefined when no visit is open. */
  recordAction(deviceId: string, entry: VisitAction & { deviceId?: string }): Promise<Visit | undefined> {
    return this.queue(deviceId, async () => {
      const v = await this.loadOpen(deviceId)
      return v ? this.save({ ...v, actions: [...v.actions, cleanAction(entry)] }) : undefined
    })
  }

  /** Replaces the technician's notes. */
  setNotes(deviceId: string, notes: string): Promise<Visit> {
    return this.change(deviceId, (v) => ({ ...v, notes }))
  }

  /** Replaces the open findings (normally those of the latest snapshot). */
  updateFindings(deviceId: string, findings: Finding[]): Promise<Visit> {
    return this.change(deviceId, (v) => ({ ...v, findings: stripSecrets(findings) }))
  }

  /** Records a re-check: the snapshot becomes the latest and its findings the open ones. */
  updateSnapshot(deviceId: string, snapshot: Snapshot): Promise<Visit> {
    return this.change(deviceId, (v) => ({ ...v, lastSnapshot: stripSecrets(snapshot), findings: diagnose(snapshot) }))
  }

  /** Saves a guide's progress in the visit (one per guide), so the guide resumes where it was. */
  saveGuide(deviceId: string, progress: GuideProgress): Promise<Visit> {
    return this.change(deviceId, (v) => ({ ...v, guides: [...v.guides.filter((g) => g.guideId !== progress.guideId), stripSecrets(progress)] }))
  }

  /** Adds an antenna marker to the open visit, or replaces the one with its id (its figures grow as readings come in). */
  saveMarker(deviceId: string, marker: VisitMarker): Promise<Visit> {
    const clean = stripSecrets(marker)
    return this.change(deviceId, (v) => {
      const list = v.markers ?? []
      const at = list.findIndex((m) => m.id === clean.id)
      return { ...v, markers: at < 0 ? [...list, clean] : list.map((m, i) => (i === at ? clean : m)) }
    })
  }

  /** Adds (or replaces, by id) a site survey's outcome in the open visit. */
  saveSurvey(deviceId: string, survey: VisitSurvey): Promise<Visit> {
    return this.change(deviceId, (v) => {
      const list = v.surveys ?? []
      return { ...v, surveys: [...list.filter((x) => x.id !== survey.id), survey] }
    })
  }

  /** Removes an antenna marker from the open visit; `removed` is false when it was not there. */
  async removeMarker(deviceId: string, markerId: string): Promise<{ visit: Visit; removed: boolean }> {
    let removed = false
    const visit = await this.change(deviceId, (v) => {
      const list = v.markers ?? []
      removed = list.some((m) => m.id === markerId)
      return { ...v, markers: list.filter((m) => m.id !== markerId) }
    })
    return { visit, removed }
  }

  /**
   * Records that a visit's report was just written (open or finished visit alike), so the list
   * can say when those files stopped showing the visit as it ended.
   */
  noteExport(deviceId: string, id: string, written: Omit<VisitExport, 'at'>): Promise<Visit | undefined> {
    return this.queue(deviceId, async () => {
      const open = await this.loadOpen(deviceId)
      const v = open?.id === id ? open : await this.get(deviceId, id)
      return v ? this.save({ ...v, lastExport: { at: this.now().toISOString(), ...written } }) : undefined
    })
  }

  /** Closes the open visit with its final snapshot. */
  finish(deviceId: string, lastSnapshot: Snapshot): Promise<Visit> {
    return this.change(deviceId, (v) => ({ ...v, lastSnapshot: stripSecrets(lastSnapshot), findings: diagnose(lastSnapshot), endedAt: this.now().toISOString() }), true)
  }

  /** One stored visit. */
  async get(deviceId: string, id: string): Promise<Visit | undefined> {
    return this.read(this.pathOf(deviceId, id))
  }

  /** Every stored visit of a device, newest first; unreadable files are skipped. */
  async listReports(deviceId: string): Promise<VisitSummary[]> {
    const visits = await this.readAll(deviceId)
    const dir = this.deviceDir(deviceId)
    const names = new Set(await fs.readdir(dir).catch(() => [] as string[]))
    const file = (id: string, ext: string) => (names.has(`${id}.${ext}`) ? { [`${ext}Path`]: join(dir, `${id}.${ext}`) } : {})
    const exported = await Promise.all(visits.map((v) => exportState(v, names.has(`${v.id}.html`) ? join(dir, `${v.id}.html`) : undefined, names.has(`${v.id}.pdf`))))
    return visits.map((v, i) => ({
      id: v.id,
      deviceId: v.deviceId,
      deviceName: v.deviceName,
      startedAt: v.startedAt,
      ...(v.endedAt ? { endedAt: v.endedAt } : {}),
      open: !v.endedAt,
      actions: v.actions.length,
      problemsOpen: v.findings.filter((f) => f.severity === 'problem').length,
      path: this.pathOf(deviceId, v.id),
      ...file(v.id, 'html'),
      ...file(v.id, 'pdf'),
      ...exported[i],
    }))
  }

  /** The store as the workflows' action recorder: actions go to the device's open visit. */
  asActionRecorder(): { record(entry: VisitAction & { deviceId: string }): Promise<void>; list(deviceId: string): Promise<(VisitAction & { deviceId: string })[]> } {
    return {
      record: async (entry) => void (await this.recordAction(entry.deviceId, entry)),
      list: async (deviceId) => ((await this.openVisit(deviceId))?.actions ?? []).map((a) => ({ ...a, deviceId })),
    }
  }

  // ------------------------------------------------------------ internals
  private async change(deviceId: string, fn: (v: Visit) => Visit, closing = false): Promise<Visit> {
    return this.queue(deviceId, async () => {
      const v = await this.loadOpen(deviceId)
      if (!v) throw new AppError('not-found', 'There is no open visit for this device. Connect to it to start one.')
      const next = await this.save(fn(v))
      if (closing) this.cache.delete(deviceId)
      return next
    })
  }

  private async save(v: Visit): Promise<Visit> {
    await writeJsonAtomic(this.pathOf(v.deviceId, v.id), v)
    if (!v.endedAt) this.cache.set(v.deviceId, v)
    return v
  }

  private async loadOpen(deviceId: string): Promise<Visit | undefined> {
    const cached = this.cache.get(deviceId)
    if (cached) return cached
    const open = (await this.readAll(deviceId)).find((v) => !v.endedAt)
    if (open) this.cache.set(deviceId, open)
    return open
  }

  private async readAll(deviceId: string): Promise<Visit[]> {
    const dir = this.deviceDir(deviceId)
    // Temp files of saves a crash cut short (never those of a process still running).
    await removeStaleTempsIn(dir)
    let names: string[]
    try {
      names = await fs.readdir(dir)
    } catch {
      return []
    }
    const files = names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    const visits = (await Promise.all(files.map((n) => this.read(join(dir, n))))).filter((v): v is Visit => v !== undefined && v.deviceId === deviceId)
    return visits.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.id.localeCompare(a.id))
  }

  private async read(path: string): Promise<Visit | undefined> {
    try {
      const v: unknown = JSON.parse(await fs.readFile(path, 'utf8'))
      return isVisit(v) ? { ...v, guides: v.guides ?? [], notes: v.notes ?? '', findings: v.findings ?? [], markers: v.markers ?? [] } : undefined
    } catch {
      return undefined
    }
  }

  private queue<T>(deviceId: string, job: () => Promise<T>): Promise<T> {
    const prev = this.queues.get(deviceId) ?? Promise.resolve()
    const next = prev.then(job, job)
    this.queues.set(deviceId, next.catch(() => undefined))
    return next
  }
}

const SUPERSEDED = 'Exported while the visit was still open; the visit was finished afterwards, so this report does not show how it ended. Export it again for the final report.'

/**
 * Whether a visit's report files still show it as it ended. Files exported before visits
 * recorded their exports are judged by the HTML file's time against the visit's end.
 */
async function exportState(v: Visit, htmlPath: string | undefined, hasPdf: boolean): Promise<Pick<VisitSummary, 'exportedAt' | 'superseded' | 'pdfOutdated'>> {
  if (!htmlPath) return {}
  const e = v.lastExport
  if (e) {
    const late = e.whileOpen && !!v.endedAt
    return { exportedAt: e.at, ...(late ? { superseded: SUPERSEDED } : {}), ...(hasPdf && !e.pdf ? { pdfOutdated: true } : {}) }
  }
  const written = await fs.stat(htmlPath).then((st) => st.mtime, () => undefined)
  if (!written) return {}
  const ended = v.endedAt ? Date.parse(v.endedAt) : NaN
  return { exportedAt: written.toISOString(), ...(written.getTime() < ended ? { superseded: SUPERSEDED } : {}) }
}
