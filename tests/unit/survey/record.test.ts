/**
 * Recording against the emulated router over HTTPS, fast-forwarded on one virtual clock: the
 * antenna moved between three named positions, a short outage marked as a gap, a crash that
 * cuts the last line short, and the exports.
 */
import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { analyzeSurvey } from '../../../src-main/survey/analyze'
import { CSV_HEADER, toCsv, toGeoJson, toKml } from '../../../src-main/survey/export'
import { recordSurvey, surveyHeader } from '../../../src-main/survey/recorder'
import { readSurvey, SurveyWriter } from '../../../src-main/survey/store'

let t = Date.parse('2026-12-01T09:00:00Z')
let emu: RunningEmulator
let client: RouterClient

beforeAll(async () => {
  emu = await startEmulator({ firmware: '8.5.2', now: () => t })
  client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
})
afterAll(async () => {
  await client.close()
  await emu.close()
})

describe('a site survey recorded and analysed', () => {
  it('records three positions, marks a gap, ranks the best place and exports without secrets', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'uplink-survey-')), 'survey.ndjson')
    const writer = await SurveyWriter.open(path)
    const [wan] = await client.api.wanStatus({ id: [2] })
    await writer.write(surveyHeader({ deviceName: 'Depot BR1', host: emu.host, wan: wan!, intervalMs: 1000, now: t }), t)
    const cell = emu.state.wans.find((w) => w.kind === 'cellular')!
    if (cell.kind !== 'cellular') throw new Error('no cellular WAN')
    const plan: [number, string, number][] = [[0, 'window east', -8], [20, 'roof north', 6], [40, 'mast 3 m', 0]]
    let n = 0
    const stop = new AbortController()
    const wait = async (ms: number) => {
      t += ms
      n++
      const step = plan.find(([at]) => at === n)
      if (step) {
        cell.cellular.antennaOffsetDb = step[2]
        await writer.write({ t: 'position', at: t, name: step[1] }, t)
      }
      // The router drops off the network for three ticks, then comes back.
      if (n === 30) await emu.faults.refuseConnections(600_000)
      if (n === 33) emu.faults.reset()
      if (n >= 60) stop.abort()
    }
    cell.cellular.antennaOffsetDb = plan[0][2]
    await writer.write({ t: 'position', at: t, name: plan[0][1] }, t)
    const result = await recordSurvey(client, writer, { wanId: 2, intervalMs: 1000, signal: stop.signal, now: () => t, wait, gpsEveryMs: 5000 })
    await writer.close()
    expect(result.samples).toBeGreaterThan(50)

    const rec = await readSurvey(path)
    expect(rec.damagedLines).toBe(0)
    expect(rec.gaps.length).toBeGreaterThanOrEqual(1)
    expect(rec.samples.every((s) => s.pos && s.pos.fix)).toBe(true)
    const a = analyzeSurvey(rec.samples, rec.positions)
    expect(a.ranking.map((r) => r.name)).toEqual(['roof north', 'mast 3 m', 'window east'])
    expect(a.verdict).toMatch(/^roof north is best: median RSRP -\d+ dBm .* better than mast 3 m\.$/)

    const csv = toCsv(rec)
    expect(csv.split('\n')[0]).toBe(CSV_HEADER.join(','))
    expect(csv).toContain(',roof north,2,')
    for (const out of [csv, toGeoJson(rec), toKml(rec)]) {
      expect(out).not.toContain(emu.credentials.password)
    }
    expect(JSON.parse(toGeoJson(rec)).features[0].geometry.type).toBe('LineString')
    expect(toKml(rec)).toContain('<name>roof north</name>')
  })

  it('a crash that cuts the last line short loses only that line; the recording reopens and goes on', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'uplink-survey-')), 'crash.ndjson')
    const w = await SurveyWriter.open(path)
    const [wan] = await client.api.wanStatus({ id: [2] })
    await w.write(surveyHeader({ deviceName: 'Depot BR1', host: emu.host, wan: wan!, intervalMs: 1000, now: t }), t)
    for (let i = 0; i < 5; i++) await w.write({ t: 's', at: t + i * 1000, state: 'connected', bands: [{ name: 'B3', rsrp: -90 }] }, t + i * 1000)
    await w.close()
    appendFileSync(path, '{"t":"s","at":1,"state":"conn') // the power went here
    const before = await readSurvey(path)
    expect(before.samples).toHaveLength(5)
    expect(before.damagedLines).toBe(1)
    // Continued: the writer ends the cut line, so the next one starts cleanly after it.
    const again = await SurveyWriter.open(path)
    await again.write({ t: 'resume', at: t + 10_000 }, t + 10_000)
    await again.write({ t: 's', at: t + 11_000, state: 'connected', bands: [] }, t + 11_000)
    await again.close()
    const after = await readSurvey(path)
    expect(after.samples).toHaveLength(6)
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(9)
  })
})
