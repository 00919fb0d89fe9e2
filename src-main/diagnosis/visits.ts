/**
 * The site visit as a service: it starts (or resumes) when the technician connects, takes the
 * snapshots the rules and guides need, keeps guide progress and notes, and exports the report.
 * Everything is persisted by the VisitStore after each change.
 */
import { promises as fs } from 'node:fs'
import type { RouterClient } from '../peplink/client'
import { AppError } from '../app-error'
import type { SavedDevice } from '../devices/registry'
import type { Vault } from '../devices/vault'
import { diagnose } from './rules'
import { takeSnapshot } from './snapshot'
import { advance, currentStep, evaluateStep, goBack, startGuide, type GuideId, type GuideProgress, type StepResult } from './guides'
import { appliedPciLocks, type Visit, type VisitMarker, type VisitSurvey } from './visit'
import type { VisitStore } from './visit-store'
import { exportReport, type ExportResult } from './report-export'
import type { PdfPrinter } from './report-pdf'
import type { Finding, Snapshot } from './types'

export interface GuideView {
  progress: GuideProgress
  step?: { id: string; title: string }
  result?: StepResult
  finished: boolean
}

/** Visits for all devices, over one store. */
export class Visits {
  /** Visits being started (their first snapshot is on its way), by device. */
  private readonly starting = new Map<string, Promise<unknown>>()

  constructor(
    readonly store: VisitStore,
    private readonly vault: Vault,
    private readonly printer: PdfPrinter | null,
  ) {}

  /** A snapshot that knows the PCI locks this visit applied (status alone cannot show them on older firmware). */
  async snapshot(deviceId: string, client: RouterClient, signal?: AbortSignal): Promise<Snapshot> {
    const visit = await this.store.openVisit(deviceId)
    return takeSnapshot(client, { signal, pciLocksApplied: appliedPciLocks(visit?.actions ?? []) })
  }

  /** Starts the device's visit, or resumes the one left open (after a crash or a reconnect). */
  async begin(device: SavedDevice, client: RouterClient): Promise<Visit> {
    const run = (async () => {
      const snapshot = await this.snapshot(device.id, client)
      return (await this.store.start({ id: device.id, name: device.name, host: device.host, model: device.lastModel }, snapshot)).visit
    })()
    this.starting.set(device.id, run)
    try {
      return await run
    } finally {
      if (this.starting.get(device.id) === run) this.starting.delete(device.id)
    }
  }

  /**
   * The workflows' action log: each write goes to the device's open visit. A write made while
   * the visit is still being started (its first snapshot takes a moment after connecting)
   * waits for it rather than being lost.
   */
  asActionRecorder(): ReturnType<VisitStore['asActionRecorder']> {
    const inner = this.store.asActionRecorder()
    return {
      record: async (entry) => {
        await this.starting.get(entry.deviceId)?.catch(() => undefined)
        return inner.record(entry)
      },
      list: async (deviceId) => {
        await this.starting.get(deviceId)?.catch(() => undefined)
        return inner.list(deviceId)
      },
    }
  }

  /** Saves an antenna marker in the open visit; one dropped while the visit is being started waits for it. */
  async saveMarker(deviceId: string, marker: VisitMarker): Promise<Visit> {
    await this.starting.get(deviceId)?.catch(() => undefined)
    return this.store.saveMarker(deviceId, marker)
  }

  /** Records a finished site survey in the open visit, for the report (no open visit: nothing to add to). */
  async saveSurvey(deviceId: string, survey: VisitSurvey): Promise<boolean> {
    await this.starting.get(deviceId)?.catch(() => undefined)
    if (!(await this.store.openVisit(deviceId))) return false
    await this.store.saveSurvey(deviceId, survey)
    return true
  }

  /** Removes an antenna marker from the open visit. */
  async removeMarker(deviceId: string, markerId: string): Promise<boolean> {
    await this.starting.get(deviceId)?.catch(() => undefined)
    return (await this.store.removeMarker(deviceId, markerId)).removed
  }

  /** A fresh diagnosis, recorded as the visit's latest picture. */
  async diagnose(deviceId: string, client: RouterClient): Promise<{ snapshot: Snapshot; findings: Finding[] }> {
    const snapshot = await this.snapshot(deviceId, client)
    if (await this.store.openVisit(deviceId)) await this.store.updateSnapshot(deviceId, snapshot)
    return { snapshot, findings: diagnose(snapshot) }
  }

  /** The guide's saved progress, or a new start. */
  async guide(deviceId: string, guideId: GuideId, wanId?: number): Promise<GuideView> {
    const visit = await this.requireVisit(deviceId)
    const saved = visit.guides.find((g) => g.guideId === guideId)
    const progress = saved && (wanId === undefined || saved.wanId === wanId) ? saved : startGuide(guideId, { wanId })
    if (!saved || progress !== saved) await this.store.saveGuide(deviceId, progress)
    return view(progress)
  }

  /** Runs the current step's checks on a fresh snapshot and saves the result. */
  async check(deviceId: string, guideId: GuideId, client: RouterClient): Promise<GuideView> {
    const { progress } = await this.guide(deviceId, guideId)
    const snapshot = await this.snapshot(deviceId, client)
    await this.store.updateSnapshot(deviceId, snapshot)
    const evaluated = evaluateStep(progress, snapshot)
    await this.store.saveGuide(deviceId, evaluated.progress)
    return view(evaluated.progress)
  }

  /** Moves to the next (or previous) step. */
  async move(deviceId: string, guideId: GuideId, direction: 'next' | 'back'): Promise<GuideView> {
    const { progress } = await this.guide(deviceId, guideId)
    const moved = direction === 'next' ? advance(progress) : goBack(progress)
    await this.store.saveGuide(deviceId, moved)
    return view(moved)
  }

  /** Ends the visit with a last snapshot. */
  async finish(deviceId: string, client: RouterClient): Promise<Visit> {
    return this.store.finish(deviceId, await this.snapshot(deviceId, client))
  }

  /** Writes the report (HTML, and PDF when a printer is available), with every stored secret redacted. */
  async exportReport(deviceId: string, visitId?: string): Promise<ExportResult & { html: string }> {
    const visit = visitId ? await this.store.get(deviceId, visitId) : (await this.store.openVisit(deviceId)) ?? (await this.latest(deviceId))
    if (!visit) throw new AppError('not-found', 'There is no visit for this router yet. Connect to it to start one.')
    const secrets = (await Promise.all([this.vault.get(deviceId, 'password'), this.vault.get(deviceId, 'clientSecret')])).filter((s): s is string => !!s)
    const result = await exportReport(visit, { dir: this.store.deviceDir(deviceId), secrets, printer: this.printer })
    // Remembered, so the list can say when these files stop showing the visit as it ended.
    await this.store.noteExport(deviceId, visit.id, { whileOpen: !visit.endedAt, pdf: !!result.pdfPath })
    return { ...result, html: await fs.readFile(result.htmlPath, 'utf8') }
  }

  private async latest(deviceId: string): Promise<Visit | undefined> {
    const [newest] = await this.store.listReports(deviceId)
    return newest ? this.store.get(deviceId, newest.id) : undefined
  }

  private async requireVisit(deviceId: string): Promise<Visit> {
    const v = await this.store.openVisit(deviceId)
    if (!v) throw new AppError('not-found', 'No visit is open for this router. Connect to it to start one.')
    return v
  }
}

function view(progress: GuideProgress): GuideView {
  const step = currentStep(progress)
  return {
    progress,
    step: step && { id: step.id, title: step.title },
    result: step ? progress.results[step.id] : undefined,
    finished: progress.finishedAt !== undefined,
  }
}
