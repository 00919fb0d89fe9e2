/**
 * Survey budgets (issue 16): an 8-hour recording at 1 s (28,800 samples), fast-forwarded
 * against an emulated router in its own process: main-process CPU per sample (median, p99),
 * the file's size, heap before and after, then opening it (read + analyse + downsample) and
 * exporting it to each format.
 */
import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RouterClient } from '../../src-main/peplink/client'
import { recordSurvey, surveyHeader } from '../../src-main/survey/recorder'
import { SurveyWriter, surveyDir } from '../../src-main/survey/store'
import { Surveys } from '../../src-main/survey/surveys'
import { routerProcess } from './services'

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const heapMb = () => Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10

/** Records `samples` seconds of one WAN as fast as the router answers, and measures. */
export async function surveyBudget(samples = 28_800) {
  // The moving vehicle on a MAX with GPS: every sample carries bands, cell and (when it moved) a position.
  const router = await routerProcess(['--model', 'max-hd2', '--scenario', 'drive-test'])
  const client = new RouterClient({ host: router.host, port: router.port, pin: router.fingerprint256, credentials: { kind: 'admin', ...router.credentials } })
  await client.open()
  const data = mkdtempSync(join(tmpdir(), 'uplink-bench-survey-'))
  const id = '20261201T000000Z-bench'.slice(0, 16) + '-beef'
  const path = join(surveyDir(data, 'bench'), `${id}.ndjson`)
  try {
    const [wan] = await client.api.wanStatus({ id: [2] })
    let t = Date.parse('2026-12-01T00:00:00Z')
    const writer = await SurveyWriter.open(path)
    await writer.write({ ...surveyHeader({ deviceName: 'bench', host: router.host, wan: wan!, intervalMs: 1000, now: t }), id }, t)
    gc()
    const heapBefore = heapMb()
    const cpu: number[] = []
    let mark = process.cpuUsage()
    let bands = 0
    const started = Date.now()
    await recordSurvey(client, writer, {
      wanId: 2, intervalMs: 1000, durationMs: samples * 1000, gpsEveryMs: 5000, now: () => t,
      onSample: (s) => (bands = Math.max(bands, s.bands.length)),
      wait: async (ms) => {
        const d = process.cpuUsage(mark)
        cpu.push((d.user + d.system) / 1000)
        t += ms
        mark = process.cpuUsage()
      },
    })
    await writer.close()
    const wallS = Math.round((Date.now() - started) / 100) / 10
    gc()
    const heapAfter = heapMb()
    const surveys = new Surveys(data)
    const t0 = performance.now()
    const detail = await surveys.show('bench', id)
    const openMs = Math.round(performance.now() - t0)
    const exportMs: Record<string, number> = {}
    for (const f of ['csv', 'geojson', 'kml'] as const) {
      const e0 = performance.now()
      await surveys.export('bench', id, f)
      exportMs[f] = Math.round(performance.now() - e0)
    }
    return {
      samples: cpu.length, bandsPerSample: bands, wallSeconds: wallS,
      cpuPerSampleMs: { median: Math.round(pct(cpu, 50) * 1000) / 1000, p99: Math.round(pct(cpu, 99) * 1000) / 1000, target: 'median < 1 ms, p99 < 5 ms' },
      fileMb: Math.round((statSync(path).size / 2 ** 20) * 10) / 10, fileTarget: '< 20 MB',
      heapMb: { before: heapBefore, after: heapAfter, target: 'flat with the recording length' },
      openMs, chartPoints: detail.series.length + detail.bands.reduce((n, b) => n + b.points.length, 0), exportMs, exportTarget: '< 2000 ms each',
      /** The recording itself, for the renderer's open-and-draw bench (not a figure). */
      recording: path,
    }
  } finally {
    await client.close()
    await router.close()
  }
}
