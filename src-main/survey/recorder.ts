/**
 * Recording a survey: every interval, one sample of the chosen WAN (every band's RSRP / RSRQ /
 * SINR / RSSI, the serving cell, carrier, technology and state; Wi-Fi signal on a Wi-Fi WAN)
 * and, on a router with GPS, the position, asked only every `gpsEveryMs`. A router that stops
 * answering is a gap in the file, not the end: the recording goes on when it comes back. It
 * ends when asked (the AbortSignal), at `durationMs`, or when the session ends.
 */
import { randomBytes } from 'node:crypto'
import type { RouterClient } from '../peplink/client'
import { CancelledError, UnsupportedError, UplinkError } from '../peplink/errors'
import type { Location, Wan } from '../peplink/model'
import { delay } from '../workflows/poll'
import { SURVEY_VERSION, type SurveyHeader, type SurveySample } from './format'
import type { SurveyWriter } from './store'

export interface RecordOptions {
  wanId: number
  /** 1 to 60 s. */
  intervalMs: number
  durationMs?: number
  /** How often GPS is asked (the position changes slower than the signal). Default 5 s. */
  gpsEveryMs?: number
  signal?: AbortSignal
  onSample?: (s: SurveySample) => void
  onGap?: (reason: string) => void
  /** Injected clock and wait, for fast-forwarded tests and benchmarks. */
  now?: () => number
  wait?: (ms: number, signal?: AbortSignal) => Promise<void>
}

/** The header a new recording starts with. */
export function surveyHeader(p: { deviceName: string; host: string; wan: Pick<Wan, 'id' | 'name'>; intervalMs: number; firmware?: string; now?: number }): SurveyHeader {
  return {
    t: 'header', v: SURVEY_VERSION, id: `${new Date(p.now ?? Date.now()).toISOString().replace(/[-:.]/g, '').slice(0, 15)}Z-${randomBytes(2).toString('hex')}`,
    deviceName: p.deviceName, host: p.host, wanId: p.wan.id, wanName: p.wan.name, intervalMs: p.intervalMs, startedAt: p.now ?? Date.now(),
    ...(p.firmware ? { firmware: p.firmware } : {}),
  }
}

/** One sample of a WAN from its status (bands, cell, carrier, state, Wi-Fi signal). */
export function sampleOf(w: Wan, at: number, pos?: SurveySample['pos']): SurveySample {
  const c = w.cellular
  const s: SurveySample = { t: 's', at, state: w.state, bands: (c?.bands ?? []).map((b) => ({ name: b.name, rsrp: b.rsrp, rsrq: b.rsrq, sinr: b.sinr ?? b.snr, rssi: b.rssi })) }
  if (c?.carrier?.name) s.carrier = c.carrier.name
  if (c?.mobileType) s.tech = c.dataTechnology ?? c.mobileType
  const serving = c?.bands[0]
  if (c?.cellTower || serving?.channel !== undefined) s.cell = { cellId: c?.cellTower?.cellUtranId ?? c?.cellTower?.cellId, channel: serving?.channel }
  if (w.wifi) s.wifi = { ssid: w.wifi.ssid, dbm: w.wifi.signalStrength }
  if (pos) s.pos = pos
  return s
}

/** Records until stopped; returns why it stopped and how many samples it wrote. */
export async function recordSurvey(client: RouterClient, writer: SurveyWriter, opts: RecordOptions): Promise<{ samples: number; reason: string }> {
  const now = opts.now ?? Date.now
  const wait = opts.wait ?? delay
  const started = now()
  const gpsEvery = opts.gpsEveryMs ?? 5000
  let hasGps = true
  let lastGpsAt = -Infinity
  let pos: SurveySample['pos']
  let inGap = false
  let samples = 0
  let reason = 'stopped'
  try {
    for (;;) {
      if (opts.signal?.aborted) break
      if (opts.durationMs !== undefined && now() - started >= opts.durationMs) {
        reason = 'duration reached'
        break
      }
      const tickAt = now()
      try {
        const [wan] = await client.api.wanStatus({ id: [opts.wanId] }, { signal: opts.signal })
        if (hasGps && tickAt - lastGpsAt >= gpsEvery) {
          lastGpsAt = tickAt
          pos = await location(client, opts.signal).catch((err: unknown) => {
            if (err instanceof UnsupportedError) hasGps = false
            return pos
          })
        }
        if (inGap) inGap = false
        if (wan) {
          const s = sampleOf(wan, tickAt, pos)
          await writer.write(s, tickAt)
          samples++
          opts.onSample?.(s)
        }
      } catch (err) {
        if (err instanceof CancelledError || opts.signal?.aborted) break
        if (!inGap) {
          inGap = true
          const why = err instanceof UplinkError ? err.message : String(err)
          await writer.write({ t: 'gap', at: tickAt, reason: why }, tickAt)
          opts.onGap?.(why)
        }
      }
      const next = tickAt + opts.intervalMs - now()
      if (next > 0) await wait(next, opts.signal).catch(() => undefined)
    }
  } finally {
    await writer.write({ t: 'end', at: now(), reason }, now())
  }
  return { samples, reason }
}

async function location(client: RouterClient, signal?: AbortSignal): Promise<SurveySample['pos']> {
  const l: Location = await client.api.location({}, { signal })
  return l.latitude !== undefined && l.longitude !== undefined ? { lat: l.latitude, lon: l.longitude, fix: l.gps } : undefined
}
