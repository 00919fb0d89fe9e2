/**
 * A recording continued from the app's service (after a stop, and after a crash cut its last
 * line), and the chart zoomed to a range with each band on its own: all against the emulated
 * router over HTTPS, or a written recording.
 */
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { readSurvey, SurveyWriter, surveyDir } from '../../../src-main/survey/store'
import { bandSeries, downsample, surveyForReport, Surveys } from '../../../src-main/survey/surveys'
import type { SurveySample } from '../../../src-main/survey/format'

describe('continuing a recording', () => {
  let emu: RunningEmulator
  let client: RouterClient
  beforeAll(async () => {
    emu = await startEmulator({ firmware: '8.5.2' })
    client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
    await client.open()
  })
  afterAll(async () => {
    await client.close()
    await emu.close()
  })

  /** Resolves after `n` more samples (the recorder's own pace: no sleeps). */
  function samples(n: number) {
    let seen = 0
    let done!: () => void
    const reached = new Promise<void>((r) => (done = r))
    return { onSample: () => void (++seen >= n && done()), reached }
  }

  it('goes on in the same file after a stop and after a crash, keeping WAN, interval and positions', async () => {
    const data = mkdtempSync(join(tmpdir(), 'uplink-survey-cont-'))
    const surveys = new Surveys(data)
    const first = samples(2)
    const started = await surveys.start({ deviceId: 'dev-1', deviceName: 'Depot', host: emu.host, client, wanId: 2, intervalMs: 1000, position: 'roof', onSample: first.onSample })
    await first.reached
    const stopped = (await surveys.stop('dev-1'))!
    expect(stopped.samples).toBeGreaterThanOrEqual(2)

    const second = samples(2)
    const going = await surveys.continue({ deviceId: 'dev-1', id: started.id, client, position: 'mast', onSample: second.onSample })
    expect(going).toMatchObject({ id: started.id, wanId: 2, recording: true, positions: ['roof', 'mast'] })
    await expect(surveys.continue({ deviceId: 'dev-1', id: started.id, client, onSample: () => undefined })).rejects.toMatchObject({ kind: 'validation' })
    await second.reached
    const again = (await surveys.stop('dev-1'))!
    expect(again.samples).toBeGreaterThanOrEqual(stopped.samples + 2)
    expect(await surveys.list('dev-1')).toHaveLength(1)

    // The power goes mid-line; continued, the cut line is ended and the next starts cleanly.
    const path = join(surveyDir(data, 'dev-1'), `${started.id}.ndjson`)
    appendFileSync(path, '{"t":"s","at":1,"sta')
    const third = samples(1)
    await surveys.continue({ deviceId: 'dev-1', id: started.id, client, onSample: third.onSample })
    await third.reached
    await surveys.stop('dev-1')
    const rec = await readSurvey(path)
    expect(rec.damagedLines).toBe(1)
    expect(rec.samples.length).toBeGreaterThanOrEqual(again.samples + 1)
    expect(rec.header.wanId).toBe(2)
    expect(readFileSync(path, 'utf8').split('\n').filter((l) => l.includes('"t":"resume"'))).toHaveLength(2)
    // A position given at the continue counts from there.
    const detail = await surveys.show('dev-1', started.id)
    expect(detail.analysis.positions.map((p) => p.name)).toEqual(['roof', 'mast'])
  })

  it('says plainly when the recording is gone', async () => {
    const surveys = new Surveys(mkdtempSync(join(tmpdir(), 'uplink-survey-cont-')))
    await expect(surveys.continue({ deviceId: 'dev-1', id: '20261201T090000Z-ab12', client, onSample: () => undefined })).rejects.toMatchObject({ kind: 'not-found', message: /no longer on this computer/ })
  })
})

describe('the chart: zoom and each band', () => {
  const t0 = Date.parse('2026-12-01T09:00:00Z')
  /** Two hours at 1 s on three bands; B28 drops out for the second hour. */
  const rows: SurveySample[] = Array.from({ length: 7200 }, (_, i) => ({
    t: 's', at: t0 + i * 1000, state: 'connected',
    bands: [
      { name: 'B3', rsrp: -85 - (i % 7), sinr: 15 },
      { name: 'B7', rsrp: i === 5000 ? -125 : -100, sinr: 5 },
      ...(i < 3600 ? [{ name: 'B28', rsrp: -95, sinr: 10 }] : []),
    ],
  }))

  it('keeps each band apart and the points within budget, dips kept', () => {
    const bands = bandSeries(rows)
    expect(bands.map((b) => b.name)).toEqual(['B3', 'B7', 'B28'])
    expect(bands.reduce((n, b) => n + b.points.length, 0)).toBeLessThanOrEqual(1500)
    expect(Math.min(...bands[1]!.points.map((p) => p.rsrp!))).toBe(-125)
    // B28 has points only in the first hour.
    expect(Math.max(...bands[2]!.points.map((p) => p.at))).toBeLessThan(t0 + 3600_000)
    const best = downsample(rows)
    expect(best.length).toBeLessThanOrEqual(1500)
    expect(best.every((p) => p.rsrp! >= -92)).toBe(true)
  })

  it('zooms to a range: the series cover it at full detail, the comparison stays whole', async () => {
    const data = mkdtempSync(join(tmpdir(), 'uplink-survey-zoom-'))
    const id = '20261201T090000Z-cd34'
    const w = await SurveyWriter.open(join(surveyDir(data, 'dev-1'), `${id}.ndjson`))
    await w.write({ t: 'header', v: 1, id, deviceName: 'Depot', host: 'h', wanId: 2, wanName: 'Cellular', intervalMs: 1000, startedAt: t0 })
    for (const r of rows) await w.write(r, 0)
    await w.close()
    const surveys = new Surveys(data)
    const whole = await surveys.show('dev-1', id)
    expect(whole.view).toEqual({ from: t0, until: t0 + 7199_000 })
    expect(whole.span).toEqual(whole.view)
    const from = t0 + 4900_000
    const zoomed = await surveys.show('dev-1', id, { from, until: from + 600_000 })
    expect(zoomed.view).toEqual({ from, until: from + 600_000 })
    expect(zoomed.span).toEqual(whole.span)
    // Ten minutes at 1 s fit the budget whole: every second is there.
    expect(zoomed.series).toHaveLength(601)
    expect(zoomed.series.every((p) => p.at >= from && p.at <= from + 600_000)).toBe(true)
    expect(zoomed.bands.map((b) => b.name)).toEqual(['B3', 'B7'])
    expect(zoomed.bands[1]!.points.find((p) => p.at === t0 + 5000_000)?.rsrp).toBe(-125)
    expect(zoomed.summary.samples).toBe(7200)

    // What the site report keeps: at most 300 chart points; no positions or GPS, none drawn.
    const kept = surveyForReport(whole)
    expect(kept.chart!.length).toBeLessThanOrEqual(300)
    expect(kept.chart!.length).toBeGreaterThan(200)
    expect(kept.positions).toEqual([])
    expect(kept.track).toBeUndefined()
  })
})

it('lists a recording from its outline: samples counted as the full read counts them', async () => {
  const { outlineSurvey } = await import('../../../src-main/survey/store')
  const path = join(mkdtempSync(join(tmpdir(), 'uplink-survey-outline-')), 'r.ndjson')
  const w = await SurveyWriter.open(path)
  const t0 = Date.parse('2026-12-01T09:00:00Z')
  await w.write({ t: 'header', v: 1, id: 'x', deviceName: 'Depot', host: 'h', wanId: 2, wanName: 'Cellular', intervalMs: 1000, startedAt: t0 })
  await w.write({ t: 'position', at: t0, name: 'window' })
  for (let i = 0; i < 50; i++) await w.write({ t: 's', at: t0 + i * 1000, state: 'connected', bands: [{ name: 'B3', rsrp: -90 }] }, 0)
  await w.write({ t: 'rename', at: t0 + 60_000, from: 'window', to: 'window east' })
  await w.close()
  appendFileSync(path, '{"t":"s","at":1764579651000,"state":"conn') // cut short: not a sample
  const [full, outline] = await Promise.all([readSurvey(path), outlineSurvey(path)])
  expect(outline.sampleCount).toBe(full.samples.length)
  expect(outline.lastSampleAt).toBe(full.samples[full.samples.length - 1]!.at)
  expect(outline.positions).toEqual(full.positions)
  expect(outline.damagedLines).toBe(1)
})
