/**
 * `uplink survey` against the emulated router: a short recording with a position named by
 * flag and one typed on stdin, then show (the comparison) and export in each format.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { CLI, uplink } from './run-cli'

let emu: RunningEmulator
beforeAll(async () => {
  emu = await startEmulator({ firmware: '8.5.2' })
})
afterAll(() => emu.close())

describe.skipIf(!existsSync(CLI))('uplink survey', () => {
  it('records, shows the comparison and exports CSV, GeoJSON and KML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'uplink-survey-cli-'))
    const file = join(dir, 'site.ndjson')
    const conn = ['--host', `127.0.0.1:${emu.port}`, '--fingerprint', emu.fingerprint256.replace(/:/g, '').toLowerCase(), '--state-dir', dir]
    const login = { UPLINK_USER: 'admin', UPLINK_PASSWORD: 'admin' }
    const rec = await uplink([...conn, 'survey', 'record', '--conn', '2', '--interval', '1', '--duration', '3s', '--out', file, '--position', 'roof north'], login, 'mast 3 m\n')
    expect(rec.code, rec.stderr).toBe(0)
    expect(rec.stdout).toMatch(/^Recorded \d+ samples to .*site\.ndjson \(duration reached\)\.$/m)
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { t: string; name?: string })
    expect(lines[0]!.t).toBe('header')
    expect(lines.filter((l) => l.t === 'position').map((l) => l.name)).toEqual(['roof north', 'mast 3 m'])
    expect(lines.filter((l) => l.t === 's').length).toBeGreaterThanOrEqual(2)
    expect(lines.at(-1)!.t).toBe('end')

    const show = await uplink(['survey', 'show', file])
    expect(show.code).toBe(0)
    expect(show.stdout).toMatch(/^POSITION\s+BAND\s+MINUTES\s+RSRP MEDIAN/m)
    expect(show.stdout).toMatch(/roof north|mast 3 m/)
    const json = JSON.parse((await uplink(['survey', 'show', file, '--json'])).stdout)
    expect(json.positions.map((p: { name: string }) => p.name)).toEqual(['roof north', 'mast 3 m'])

    for (const format of ['csv', 'geojson', 'kml']) {
      const ex = await uplink(['survey', 'export', file, '--format', format])
      expect(ex.code, ex.stderr).toBe(0)
      const outFile = join(dir, `site.${format}`)
      const text = readFileSync(outFile, 'utf8')
      expect(text).not.toContain('admin')
      if (format === 'csv') expect(text.split('\n')[0]).toMatch(/^time_utc,seconds,position,wan,carrier/)
      if (format === 'geojson') expect(JSON.parse(text).type).toBe('FeatureCollection')
      if (format === 'kml') expect(text).toContain('<kml')
    }
    expect((await uplink(['survey', 'export', file, '--format', 'xls'])).code).toBe(2)
  })
})
