/**
 * A drive test on the emulator's moving vehicle, fast-forwarded: the GPS follows the route,
 * the coverage holes show as weak stretches with their time and place, and the track exports.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { metres } from '../../../src-main/emulator/drive'
import { RouterClient } from '../../../src-main/peplink/client'
import { weakStretches } from '../../../src-main/survey/analyze'
import { toGeoJson } from '../../../src-main/survey/export'
import { recordSurvey, surveyHeader } from '../../../src-main/survey/recorder'
import { readSurvey, SurveyWriter } from '../../../src-main/survey/store'

let t = Date.parse('2026-12-01T07:00:00Z')
let emu: RunningEmulator
let client: RouterClient

beforeAll(async () => {
  emu = await startEmulator({ firmware: '8.5.2', now: () => t })
  emu.applyScenario('drive-test')
  client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
})
afterAll(async () => {
  await client.close()
  await emu.close()
})

it('drives the loop: positions move, the holes are found with time and place', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'uplink-drive-')), 'drive.ndjson')
  const writer = await SurveyWriter.open(path)
  const [wan] = await client.api.wanStatus({ id: [2] })
  await writer.write(surveyHeader({ deviceName: 'Bus 12', host: emu.host, wan: wan!, intervalMs: 5000, now: t }), t)
  // 8 minutes at 5 s: a lap of the 6 km loop at 50 km/h, in no wall-clock time.
  await recordSurvey(client, writer, { wanId: 2, intervalMs: 5000, durationMs: 8 * 60_000, gpsEveryMs: 5000, now: () => t, wait: async (ms) => void (t += ms) })
  await writer.close()
  const rec = await readSurvey(path)
  expect(rec.samples.length).toBeGreaterThanOrEqual(90)
  // The vehicle MAX aggregates three carriers, and every band is recorded.
  expect(new Set(rec.samples[0]!.bands.map((b) => b.name)).size).toBe(3)
  const first = rec.samples[0]!.pos!
  const far = Math.max(...rec.samples.map((s) => metres([first.lat, first.lon], [s.pos!.lat, s.pos!.lon])))
  expect(far).toBeGreaterThan(1500)
  const weak = weakStretches(rec.samples)
  expect(weak.length).toBeGreaterThanOrEqual(1)
  // The worst stretch is in the tunnel hole, and says where.
  const worst = weak[0]!
  expect(worst.at).toBeDefined()
  expect(metres([worst.at!.lat, worst.at!.lon], [22.338, 114.181])).toBeLessThan(500)
  const geo = JSON.parse(toGeoJson(rec))
  expect(geo.features[0].geometry.coordinates.length).toBe(rec.samples.length)
})
