/**
 * The app's survey service: at most one recording per router, started and stopped from the
 * Survey view (and stopped when the session ends or the app quits), its recordings listed,
 * compared, exported and deleted. The files are the NDJSON recordings of store.ts.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { RouterClient } from '../peplink/client'
import { AppError } from '../app-error'
import { analyzeSurvey, weakStretches, type SurveyAnalysis, type WeakStretch } from './analyze'
import { toCsv, toGeoJson, toKml } from './export'
import type { SurveySample } from './format'
import { recordSurvey, surveyHeader } from './recorder'
import { readSurvey, surveyDir, SurveyWriter, type SurveyRecording } from './store'

export interface SurveySummary {
  id: string
  wanId: number
  wanName: string
  startedAt: number
  lastAt: number
  samples: number
  positions: string[]
  bytes: number
  recording: boolean
}

/** A point of the chart: the best band's values at one moment (downsampled for hours of data). */
export interface SurveyPoint {
  at: number
  rsrp?: number
  rsrq?: number
  sinr?: number
  wifi?: number
}

export interface SurveyDetail {
  summary: SurveySummary
  analysis: SurveyAnalysis
  /** At most `MAX_POINTS`: the renderer never gets tens of thousands. */
  series: SurveyPoint[]
  track: { lat: number; lon: number; rsrp?: number }[]
  weak: WeakStretch[]
  gaps: { at: number; reason: string }[]
}

export type SurveyFormat = 'csv' | 'geojson' | 'kml'

/** A change to a finished recording's positions. */
export type PositionEdit =
  | { action: 'rename'; name: string; newName: string }
  | { action: 'remove'; name: string }
  | { action: 'add'; name: string; from: number; until: number }
const MAX_POINTS = 1500

interface Running {
  id: string
  path: string
  writer: SurveyWriter
  abort: AbortController
  done: Promise<unknown>
  positions: string[]
  samples: number
  header: ReturnType<typeof surveyHeader>
}

const ID = /^[0-9TZ]{16}-[0-9a-f]{4}$/

/** Downsamples to at most `max` points, keeping each bucket's lowest RSRP (dips must show). */
export function downsample(samples: SurveySample[], max = MAX_POINTS): SurveyPoint[] {
  const point = (s: SurveySample): SurveyPoint => {
    const b = [...s.bands].sort((x, y) => (y.rsrp ?? -Infinity) - (x.rsrp ?? -Infinity))[0]
    return { at: s.at, rsrp: b?.rsrp, rsrq: b?.rsrq, sinr: b?.sinr, wifi: s.wifi?.dbm }
  }
  if (samples.length <= max) return samples.map(point)
  const size = Math.ceil(samples.length / max)
  const out: SurveyPoint[] = []
  for (let i = 0; i < samples.length; i += size) {
    const bucket = samples.slice(i, i + size).map(point)
    out.push(bucket.reduce((worst, p) => ((p.rsrp ?? Infinity) < (worst.rsrp ?? Infinity) ? p : worst), bucket[0]!))
  }
  return out
}

export class Surveys {
  private readonly running = new Map<string, Running>()

  constructor(private readonly userDataDir: string) {}

  private pathOf(deviceId: string, id: string): string {
    if (!ID.test(id)) throw new AppError('validation', 'That survey id is not valid.')
    return join(surveyDir(this.userDataDir, deviceId), `${id}.ndjson`)
  }

  /** The recording in progress on this router, if any. */
  current(deviceId: string): SurveySummary | undefined {
    const r = this.running.get(deviceId)
    return r ? { id: r.id, wanId: r.header.wanId, wanName: r.header.wanName, startedAt: r.header.startedAt, lastAt: Date.now(), samples: r.samples, positions: [...r.positions], bytes: 0, recording: true } : undefined
  }

  /** Starts recording a WAN; one recording per router at a time. */
  async start(p: { deviceId: string; deviceName: string; host: string; client: RouterClient; wanId: number; intervalMs: number; position?: string; onSample: (s: SurveySample) => void }): Promise<SurveySummary> {
    if (this.running.has(p.deviceId)) throw new AppError('validation', 'A survey is already recording on this router: stop it first.')
    const [wan] = await p.client.api.wanStatus({ id: [p.wanId] })
    if (!wan) throw new AppError('not-found', `The router has no WAN ${p.wanId}.`)
    const header = surveyHeader({ deviceName: p.deviceName, host: p.host, wan, intervalMs: p.intervalMs, firmware: p.client.firmware })
    const path = this.pathOf(p.deviceId, header.id)
    const writer = await SurveyWriter.open(path)
    await writer.write(header)
    const abort = new AbortController()
    const run: Running = { id: header.id, path, writer, abort, done: Promise.resolve(), positions: [], samples: 0, header }
    this.running.set(p.deviceId, run)
    if (p.position) await this.position(p.deviceId, p.position)
    run.done = recordSurvey(p.client, writer, { wanId: p.wanId, intervalMs: p.intervalMs, signal: abort.signal, onSample: (s) => { run.samples++; p.onSample(s) } })
      .catch(() => undefined)
      .finally(() => writer.close().catch(() => undefined))
    return this.current(p.deviceId)!
  }

  /** Names the antenna position from now on. */
  async position(deviceId: string, name: string): Promise<SurveySummary> {
    const r = this.running.get(deviceId)
    if (!r) throw new AppError('not-found', 'No survey is recording on this router.')
    await r.writer.write({ t: 'position', at: Date.now(), name })
    r.positions.push(name)
    return this.current(deviceId)!
  }

  /** Stops the recording (the file ends cleanly) and returns its summary. */
  async stop(deviceId: string): Promise<SurveySummary | undefined> {
    const r = this.running.get(deviceId)
    if (!r) return undefined
    r.abort.abort()
    await r.done
    this.running.delete(deviceId)
    return this.summary(deviceId, r.id)
  }

  /** Stops every recording (the app quits). */
  async stopAll(): Promise<void> {
    await Promise.all([...this.running.keys()].map((d) => this.stop(d)))
  }

  private async summary(deviceId: string, id: string, rec?: SurveyRecording): Promise<SurveySummary> {
    const path = this.pathOf(deviceId, id)
    const r = rec ?? (await readSurvey(path))
    return {
      id, wanId: r.header.wanId, wanName: r.header.wanName, startedAt: r.header.startedAt,
      lastAt: r.samples[r.samples.length - 1]?.at ?? r.header.startedAt, samples: r.samples.length,
      positions: r.positions.map((p) => p.name), bytes: (await fs.stat(path)).size, recording: this.running.get(deviceId)?.id === id,
    }
  }

  /** This router's recordings, newest first. */
  async list(deviceId: string): Promise<SurveySummary[]> {
    const names = await fs.readdir(surveyDir(this.userDataDir, deviceId)).catch(() => [] as string[])
    const ids = names.filter((n) => n.endsWith('.ndjson')).map((n) => n.slice(0, -'.ndjson'.length)).filter((id) => ID.test(id))
    const out = await Promise.all(ids.map((id) => this.summary(deviceId, id).catch(() => undefined)))
    return out.filter((s): s is SurveySummary => s !== undefined).sort((a, b) => b.startedAt - a.startedAt)
  }

  /** A recording compared: positions, ranking, a chart of at most 1,500 points, the track, weak stretches. */
  async show(deviceId: string, id: string): Promise<SurveyDetail> {
    const rec = await readSurvey(this.pathOf(deviceId, id))
    const located = rec.samples.filter((s) => s.pos)
    const step = Math.max(1, Math.ceil(located.length / MAX_POINTS))
    return {
      summary: await this.summary(deviceId, id, rec),
      analysis: analyzeSurvey(rec.samples, rec.positions),
      series: downsample(rec.samples),
      track: located.filter((_, i) => i % step === 0).map((s) => ({ lat: s.pos!.lat, lon: s.pos!.lon, rsrp: Math.max(...s.bands.map((b) => b.rsrp ?? -Infinity)) })).map((p) => (Number.isFinite(p.rsrp) ? p : { lat: p.lat, lon: p.lon })),
      weak: weakStretches(rec.samples).slice(0, 10),
      gaps: rec.gaps.map((g) => ({ at: g.at, reason: g.reason })),
    }
  }

  /**
   * Edits a finished recording's positions afterwards: rename one, remove one, or add one on a
   * time range. Appended as lines, so what was recorded is never rewritten.
   */
  async editPosition(deviceId: string, id: string, edit: PositionEdit): Promise<SurveyDetail> {
    if (this.running.get(deviceId)?.id === id) throw new AppError('validation', 'Stop the survey before editing its positions.')
    const path = this.pathOf(deviceId, id)
    const rec = await readSurvey(path)
    const names = new Set(rec.positions.map((p) => p.name))
    const writer = await SurveyWriter.open(path)
    try {
      if (edit.action === 'rename') {
        if (!names.has(edit.name)) throw new AppError('not-found', `This recording has no position "${edit.name}".`)
        await writer.write({ t: 'rename', at: Date.now(), from: edit.name, to: edit.newName })
      } else if (edit.action === 'remove') {
        if (!names.has(edit.name)) throw new AppError('not-found', `This recording has no position "${edit.name}".`)
        await writer.write({ t: 'unposition', at: Date.now(), name: edit.name })
      } else {
        const start = rec.header.startedAt
        const end = rec.samples[rec.samples.length - 1]?.at ?? start
        if (!(edit.from < edit.until) || edit.from < start || edit.until > end + 1000) throw new AppError('validation', 'The time range must lie inside the recording, its start before its end.', 'from')
        await writer.write({ t: 'position', at: edit.from, until: edit.until, name: edit.name })
      }
    } finally {
      await writer.close()
    }
    return this.show(deviceId, id)
  }

  /** Writes an export beside the recording and returns its path and text. */
  async export(deviceId: string, id: string, format: SurveyFormat): Promise<{ path: string; text: string }> {
    const path = this.pathOf(deviceId, id)
    const rec = await readSurvey(path)
    const text = format === 'csv' ? toCsv(rec) : format === 'geojson' ? toGeoJson(rec) : toKml(rec)
    const out = path.replace(/\.ndjson$/, `.${format}`)
    await fs.writeFile(out, text, { mode: 0o600 })
    return { path: out, text }
  }

  /** Deletes a recording and its exports (not one still recording). */
  async delete(deviceId: string, id: string): Promise<{ deleted: boolean }> {
    if (this.running.get(deviceId)?.id === id) throw new AppError('validation', 'Stop the survey before deleting it.')
    const path = this.pathOf(deviceId, id)
    const existed = await fs.rm(path).then(() => true, () => false)
    await Promise.all((['csv', 'geojson', 'kml'] as const).map((f) => fs.rm(path.replace(/\.ndjson$/, `.${f}`), { force: true })))
    return { deleted: existed }
  }
}
