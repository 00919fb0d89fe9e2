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
import { REPORT_POINTS } from '../diagnosis/report-survey-chart'
import type { VisitSurvey } from '../diagnosis/visit'
import { outlineSurvey, readSurvey, surveyDir, SurveyWriter, type SurveyRecording } from './store'

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

/** One band's values over the shown range (a band missing from a sample leaves a hole). */
export interface SurveyBandSeries {
  name: string
  points: SurveyPoint[]
}

export interface SurveyDetail {
  summary: SurveySummary
  analysis: SurveyAnalysis
  /** The best band at each moment of the shown range; at most `MAX_POINTS`: the renderer never gets tens of thousands. */
  series: SurveyPoint[]
  /** Each band on its own over the shown range, at most `MAX_POINTS` in all. */
  bands: SurveyBandSeries[]
  /** The range the series cover (zoomed in, or the whole recording) and the whole recording's. */
  view: { from: number; until: number }
  span: { from: number; until: number }
  /** Where each (downsampled) reading was taken, with the best band's values there. */
  track: { lat: number; lon: number; rsrp?: number; rsrq?: number; sinr?: number }[]
  weak: WeakStretch[]
  gaps: { at: number; reason: string }[]
}

export type SurveyFormat = 'csv' | 'geojson' | 'kml'

/** An export's text goes back to the page (for a download link) only below this; the file is always written. */
const EXPORT_TEXT_MAX = 4 * 2 ** 20
/** The most bands drawn on their own (a modem aggregates at most a handful). */
const MAX_BANDS = 6

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

/** The best band's values at one sample. */
function bestPoint(s: SurveySample): SurveyPoint {
  let b: SurveySample['bands'][number] | undefined
  for (const x of s.bands) if (!b || (x.rsrp ?? -Infinity) > (b.rsrp ?? -Infinity)) b = x
  return { at: s.at, rsrp: b?.rsrp, rsrq: b?.rsrq, sinr: b?.sinr, wifi: s.wifi?.dbm }
}

/**
 * Downsamples to at most `max` points, keeping each bucket's lowest RSRP (dips must show).
 * `pick` turns a sample into a point, or undefined where it has nothing to draw.
 */
export function downsample(samples: SurveySample[], max = MAX_POINTS, pick: (s: SurveySample) => SurveyPoint | undefined = bestPoint): SurveyPoint[] {
  const size = Math.max(1, Math.ceil(samples.length / max))
  const out: SurveyPoint[] = []
  for (let i = 0; i < samples.length; i += size) {
    let worst: SurveyPoint | undefined
    for (let j = i; j < Math.min(samples.length, i + size); j++) {
      const p = pick(samples[j]!)
      if (p && (!worst || (p.rsrp ?? Infinity) < (worst.rsrp ?? Infinity))) worst = p
    }
    if (worst) out.push(worst)
  }
  return out
}

/** Each band's own series over `samples`, sharing `max` points between them. */
export function bandSeries(samples: SurveySample[], max = MAX_POINTS): SurveyBandSeries[] {
  const names: string[] = []
  for (const s of samples) for (const b of s.bands) if (b.name && !names.includes(b.name) && names.length < MAX_BANDS) names.push(b.name)
  const each = Math.floor(max / Math.max(1, names.length))
  return names.map((name) => ({
    name,
    points: downsample(samples, each, (s) => {
      const b = s.bands.find((x) => x.name === name)
      return b ? { at: s.at, rsrp: b.rsrp, rsrq: b.rsrq, sinr: b.sinr } : undefined
    }),
  }))
}

export class Surveys {
  private readonly running = new Map<string, Running>()
  /** The last recording read, while its file is unchanged: zooming re-reads nothing. */
  private cache: { path: string; size: number; mtimeMs: number; rec: SurveyRecording } | undefined

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
    return this.launch(p, { id: header.id, path, writer, header, positions: [], samples: 0 })
  }

  /**
   * Goes on with a stopped (or crashed) recording of this router: a `resume` line, then samples
   * of the same WAN at the same interval, appended to the same file.
   */
  async continue(p: { deviceId: string; id: string; client: RouterClient; position?: string; onSample: (s: SurveySample) => void }): Promise<SurveySummary> {
    if (this.running.has(p.deviceId)) throw new AppError('validation', 'A survey is already recording on this router: stop it first.')
    const path = this.pathOf(p.deviceId, p.id)
    const rec = await readSurvey(path).catch((err: unknown) => {
      throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? new AppError('not-found', 'That recording is no longer on this computer.') : err
    })
    const [wan] = await p.client.api.wanStatus({ id: [rec.header.wanId] })
    if (!wan) throw new AppError('not-found', `The router has no WAN ${rec.header.wanId} (${rec.header.wanName}) any more, so this recording cannot go on.`)
    const writer = await SurveyWriter.open(path)
    await writer.write({ t: 'resume', at: Date.now() })
    this.cache = undefined
    return this.launch(p, {
      id: p.id, path, writer, header: rec.header,
      // The markers in time order: the last one is where the antenna still is.
      positions: rec.positions.filter((x) => x.until === undefined).sort((x, y) => x.at - y.at).map((x) => x.name), samples: rec.samples.length,
    })
  }

  private async launch(p: { deviceId: string; client: RouterClient; position?: string; onSample: (s: SurveySample) => void }, r: Omit<Running, 'abort' | 'done'>): Promise<SurveySummary> {
    const abort = new AbortController()
    const run: Running = { ...r, abort, done: Promise.resolve() }
    this.running.set(p.deviceId, run)
    if (p.position) await this.position(p.deviceId, p.position)
    run.done = recordSurvey(p.client, r.writer, { wanId: r.header.wanId, intervalMs: r.header.intervalMs, signal: abort.signal, onSample: (s) => { run.samples++; p.onSample(s) } })
      .catch(() => undefined)
      .finally(() => r.writer.close().catch(() => undefined))
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
    const r = rec ? { ...rec, sampleCount: rec.samples.length, lastSampleAt: rec.samples[rec.samples.length - 1]?.at } : await outlineSurvey(path)
    return {
      id, wanId: r.header.wanId, wanName: r.header.wanName, startedAt: r.header.startedAt,
      lastAt: r.lastSampleAt ?? r.header.startedAt, samples: r.sampleCount,
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

  /** Reads a recording, or the one read last if its file has not changed since. */
  private async read(path: string): Promise<SurveyRecording> {
    const st = await fs.stat(path).catch((err: unknown) => {
      throw (err as NodeJS.ErrnoException).code === 'ENOENT' ? new AppError('not-found', 'That recording is no longer on this computer.') : err
    })
    const c = this.cache
    if (c && c.path === path && c.size === st.size && c.mtimeMs === st.mtimeMs) return c.rec
    const rec = await readSurvey(path)
    this.cache = { path, size: st.size, mtimeMs: st.mtimeMs, rec }
    return rec
  }

  /**
   * A recording compared: positions, ranking, the track and weak stretches over the whole of it;
   * the chart (best band and each band, at most 1,500 points) over `range` when zoomed in.
   */
  async show(deviceId: string, id: string, range?: { from: number; until: number }): Promise<SurveyDetail> {
    const rec = await this.read(this.pathOf(deviceId, id))
    const located = rec.samples.filter((s) => s.pos)
    const step = Math.max(1, Math.ceil(located.length / MAX_POINTS))
    const span = { from: rec.samples[0]?.at ?? rec.header.startedAt, until: rec.samples[rec.samples.length - 1]?.at ?? rec.header.startedAt }
    const view = range ? { from: Math.max(span.from, range.from), until: Math.min(span.until, range.until) } : span
    const shown = range ? rec.samples.filter((s) => s.at >= view.from && s.at <= view.until) : rec.samples
    return {
      summary: await this.summary(deviceId, id, rec),
      analysis: analyzeSurvey(rec.samples, rec.positions),
      series: downsample(shown),
      bands: bandSeries(shown),
      view,
      span,
      track: located.filter((_, i) => i % step === 0).map((s) => {
        const b = bestPoint(s)
        return { lat: s.pos!.lat, lon: s.pos!.lon, ...(b.rsrp !== undefined ? { rsrp: b.rsrp } : {}), ...(b.rsrq !== undefined ? { rsrq: b.rsrq } : {}), ...(b.sinr !== undefined ? { sinr: b.sinr } : {}) }
      }),
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
  async export(deviceId: string, id: string, format: SurveyFormat): Promise<{ path: string; text?: string }> {
    const path = this.pathOf(deviceId, id)
    const rec = await this.read(path)
    const text = format === 'csv' ? toCsv(rec) : format === 'geojson' ? toGeoJson(rec) : toKml(rec)
    const out = path.replace(/\.ndjson$/, `.${format}`)
    await fs.writeFile(out, text, { mode: 0o600 })
    // Hours of drive test make tens of MB: the page gets the path, not the text, past a few MB.
    return text.length <= EXPORT_TEXT_MAX ? { path: out, text } : { path: out }
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

/** What the site report draws of a survey: its chart, positions and track, each thinned to `REPORT_POINTS`. */
export function surveyForReport(d: SurveyDetail): Pick<VisitSurvey, 'chart' | 'positions' | 'track'> {
  const thin = <T>(xs: T[]): T[] => {
    const step = Math.max(1, Math.ceil(xs.length / REPORT_POINTS))
    return xs.filter((_, i) => i % step === 0)
  }
  // The chart keeps each stretch's lowest RSRP, as the app's does: a dip must show.
  const chart: { at: number; rsrp?: number }[] = []
  const step = Math.max(1, Math.ceil(d.series.length / REPORT_POINTS))
  for (let i = 0; i < d.series.length; i += step) {
    const worst = d.series.slice(i, i + step).reduce((w, p) => ((p.rsrp ?? Infinity) < (w.rsrp ?? Infinity) ? p : w))
    chart.push(worst.rsrp !== undefined ? { at: worst.at, rsrp: worst.rsrp } : { at: worst.at })
  }
  return {
    chart,
    positions: d.analysis.positions.filter((p) => p.name !== 'Whole recording').map((p) => ({ name: p.name, from: p.from, to: p.to })),
    ...(d.track.length >= 2 ? { track: thin(d.track).map((p) => (p.rsrp !== undefined ? { lat: p.lat, lon: p.lon, rsrp: p.rsrp } : { lat: p.lat, lon: p.lon })) } : {}),
  }
}
