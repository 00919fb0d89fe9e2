/**
 * `uplink survey`: record a site survey or drive test from the command line, list recordings,
 * show a recording's comparison of positions, and export it (CSV, GeoJSON, KML).
 *   survey record --conn N [--interval S] [--duration D] [--out FILE] [--position NAME]
 *     (while recording, each line typed on stdin starts a named position; Ctrl+C stops cleanly)
 *   survey list | survey show FILE [--json] | survey export FILE --format csv|geojson|kml [--out FILE]
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Command } from 'commander'
import { userDataDir } from '../../paths'
import { analyzeSurvey } from '../../survey/analyze'
import { toCsv, toGeoJson, toKml } from '../../survey/export'
import { recordSurvey, surveyHeader } from '../../survey/recorder'
import { readSurvey, SurveyWriter } from '../../survey/store'
import { UsageError } from '../exit-codes'
import { createOutput, table } from '../output'
import { connOption, intOption, withClient } from '../run-with-client'

/** Seconds from "90", "90s", "15m", "8h". */
function duration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(text.trim())
  if (!m) throw new UsageError(`--duration takes a time such as 90s, 15m or 8h (got "${text}").`)
  return Number(m[1]) * ({ s: 1, m: 60, h: 3600 }[(m[2] ?? 's') as 's' | 'm' | 'h'])
}

function surveysRoot(stateDir?: string): string {
  return join(stateDir ?? userDataDir(), 'surveys')
}

/** Adds `survey`. */
export function registerSurveyCommands(program: Command): void {
  const survey = program.command('survey').description('site survey and drive test: record, list, show, export')
  survey
    .command('record')
    .description('record signal (and GPS where the router has it) every interval until Ctrl+C or --duration')
    .requiredOption('--conn <n>', 'WAN id to record')
    .option('--interval <s>', 'seconds between samples, 1 to 60', '1')
    .option('--duration <d>', 'stop after this long (90s, 15m, 8h)')
    .option('--out <file>', 'recording file (default: in the app data folder)')
    .option('--position <name>', 'name of the first antenna position')
    .action(withClient(async ({ client, out, opts, signal }) => {
      const wanId = connOption(opts.conn)
      const intervalMs = intOption(opts.interval, '--interval', [1, 60]) * 1000
      const durationMs = typeof opts.duration === 'string' ? duration(opts.duration) * 1000 : undefined
      const [wan] = await client.api.wanStatus({ id: [wanId] }, { signal })
      if (!wan) throw new UsageError(`The router has no WAN ${wanId}.`)
      const header = surveyHeader({ deviceName: opts.host ?? 'router', host: String(opts.host ?? ''), wan, intervalMs, firmware: client.firmware })
      const path = typeof opts.out === 'string' ? opts.out : join(surveysRoot(opts.stateDir), 'cli', `${header.id}.ndjson`)
      const writer = await SurveyWriter.open(path)
      await writer.write(header)
      if (typeof opts.position === 'string') await writer.write({ t: 'position', at: Date.now(), name: opts.position })
      // Each line on stdin names the next position (in a terminal: type it and press Enter).
      const tty = createInterface({ input: process.stdin })
      tty.on('line', (name) => {
        if (name.trim()) void writer.write({ t: 'position', at: Date.now(), name: name.trim().slice(0, 80) }).then(() => out.notice(`Position: ${name.trim()}`))
      })
      out.notice(`Recording WAN ${wanId} (${wan.name}) every ${intervalMs / 1000} s to ${path}. Type a position name and Enter to mark it; Ctrl+C stops.`)
      let last = 0
      const r = await recordSurvey(client, writer, {
        wanId, intervalMs, durationMs, signal,
        onSample: (s) => {
          if (s.at - last >= 10_000) {
            last = s.at
            const b = s.bands[0]
            out.progress(`${new Date(s.at).toISOString().slice(11, 19)} ${s.state}${b ? ` · ${b.name || 'band'} RSRP ${b.rsrp ?? '?'} dBm SINR ${b.sinr ?? '?'} dB` : ''}${s.wifi ? ` · Wi-Fi ${s.wifi.dbm ?? '?'} dBm` : ''}`)
          }
        },
        onGap: (why) => out.notice(`The router stopped answering (${why}); still recording, the gap is marked.`),
      })
      tty.close()
      await writer.close()
      out.result({ path, samples: r.samples, reason: r.reason }, () => `Recorded ${r.samples} samples to ${path} (${r.reason}).`)
    }))

  survey
    .command('list')
    .description('recordings in the app data folder')
    .action(async (_o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ json?: boolean; stateDir?: string }>()
      const out = createOutput(!!o.json)
      const root = surveysRoot(o.stateDir)
      const dirs = await fs.readdir(root).catch(() => [] as string[])
      const rows: { path: string; bytes: number; wan: string; startedAt: string; minutes: number }[] = []
      for (const d of dirs) {
        for (const f of (await fs.readdir(join(root, d)).catch(() => [] as string[])).filter((n) => n.endsWith('.ndjson'))) {
          const path = join(root, d, f)
          const rec = await readSurvey(path).catch(() => undefined)
          if (!rec) continue
          const last = rec.samples[rec.samples.length - 1]?.at ?? rec.header.startedAt
          rows.push({ path, bytes: (await fs.stat(path)).size, wan: `${rec.header.deviceName} WAN ${rec.header.wanId}`, startedAt: new Date(rec.header.startedAt).toISOString(), minutes: Math.round((last - rec.header.startedAt) / 60000) })
        }
      }
      out.result(rows, () => (rows.length ? table(['STARTED', 'WAN', 'MINUTES', 'SIZE', 'FILE'], rows.map((r) => [r.startedAt, r.wan, r.minutes, `${Math.ceil(r.bytes / 1024)} KB`, r.path])) : 'No recordings yet.'))
    })

  survey
    .command('show')
    .description("a recording's positions compared: median, spread and worst per band, and which is best")
    .argument('<file>', 'recording file')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ json?: boolean }>()
      const out = createOutput(!!o.json)
      const rec = await readSurvey(file)
      const a = analyzeSurvey(rec.samples, rec.positions)
      out.result(a, () => [
        table(['POSITION', 'BAND', 'MINUTES', 'RSRP MEDIAN', 'SPREAD', 'WORST', 'SINR MEDIAN', 'RSRQ MEDIAN'],
          a.positions.flatMap((p) => Object.entries(p.bands).map(([band, f]) => [p.name, band, Math.round(p.seconds / 6) / 10, f.rsrp?.median, f.rsrp?.spread, f.rsrp?.worst, f.sinr?.median, f.rsrq?.median]))),
        '',
        a.verdict,
        rec.gaps.length ? `${rec.gaps.length} gap(s) while the router did not answer.` : '',
        rec.damagedLines ? `${rec.damagedLines} line(s) cut short by a crash were skipped.` : '',
      ].filter(Boolean).join('\n'))
    })

  survey
    .command('export')
    .description('write a recording as CSV (one row per sample per band), GeoJSON or KML')
    .argument('<file>', 'recording file')
    .requiredOption('--format <f>', 'csv, geojson or kml')
    .option('--out <file>', 'output file (default: beside the recording)')
    .action(async (file: string, _o: unknown, cmd: Command) => {
      const o = cmd.optsWithGlobals<{ format: string; out?: string; json?: boolean }>()
      const make = { csv: toCsv, geojson: (r: Parameters<typeof toCsv>[0]) => toGeoJson(r), kml: toKml }[o.format as 'csv' | 'geojson' | 'kml']
      if (!make) throw new UsageError('--format must be csv, geojson or kml.')
      const rec = await readSurvey(file)
      const target = o.out ?? file.replace(/\.ndjson$/, '') + `.${o.format === 'geojson' ? 'geojson' : o.format}`
      await fs.writeFile(target, make(rec), { mode: 0o600 })
      createOutput(!!o.json).result({ path: target }, () => `Wrote ${target}.`)
    })
}
