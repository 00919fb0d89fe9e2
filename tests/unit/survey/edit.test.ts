/**
 * A finished recording's positions edited afterwards (rename, remove, add on a time range):
 * appended as lines, so the samples are never rewritten, and the comparison follows.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { SurveyWriter, surveyDir } from '../../../src-main/survey/store'
import { Surveys } from '../../../src-main/survey/surveys'

it('renames, removes and adds positions without touching what was recorded', async () => {
  const data = mkdtempSync(join(tmpdir(), 'uplink-survey-edit-'))
  const id = '20261201T090000Z-ab12'
  const path = join(surveyDir(data, 'dev-1'), `${id}.ndjson`)
  const w = await SurveyWriter.open(path)
  const t0 = Date.parse('2026-12-01T09:00:00Z')
  await w.write({ t: 'header', v: 1, id, deviceName: 'Depot', host: 'h', wanId: 2, wanName: 'Cellular', intervalMs: 1000, startedAt: t0 })
  await w.write({ t: 'position', at: t0, name: 'window' })
  for (let i = 0; i < 30; i++) {
    if (i === 10) await w.write({ t: 'position', at: t0 + i * 1000, name: 'roof' })
    await w.write({ t: 's', at: t0 + i * 1000, state: 'connected', carrier: '.csl', bands: [{ name: 'B3', rsrp: i < 10 ? -95 : i < 20 ? -84 : -88 }] })
  }
  await w.close()
  const before = readFileSync(path, 'utf8')
  const surveys = new Surveys(data)

  const renamed = await surveys.editPosition('dev-1', id, { action: 'rename', name: 'roof', newName: 'roof north' })
  expect(renamed.analysis.ranking.map((r) => r.name)).toEqual(['roof north', 'window'])
  const added = await surveys.editPosition('dev-1', id, { action: 'add', name: 'mast', from: t0 + 20_000, until: t0 + 29_000 })
  expect(added.analysis.positions.map((p) => p.name)).toEqual(['window', 'roof north', 'mast'])
  expect(added.analysis.positions.find((p) => p.name === 'mast')!.bands.B3!.rsrp!.median).toBe(-88)
  const removed = await surveys.editPosition('dev-1', id, { action: 'remove', name: 'window' })
  expect(removed.analysis.positions.map((p) => p.name)).toEqual(['roof north', 'mast'])
  await expect(surveys.editPosition('dev-1', id, { action: 'rename', name: 'nowhere', newName: 'x' })).rejects.toMatchObject({ kind: 'not-found' })
  await expect(surveys.editPosition('dev-1', id, { action: 'add', name: 'late', from: t0 + 60_000, until: t0 + 70_000 })).rejects.toMatchObject({ kind: 'validation' })
  // Only lines were added: what was recorded is still there, byte for byte, at the start.
  expect(readFileSync(path, 'utf8').startsWith(before)).toBe(true)
})
