import { describe, expect, it } from 'vitest'
import {
  advance, currentStep, evaluateStep, getGuide, goBack, isFinished, listGuides, parseGuideProgress, startGuide,
} from '../../../src-main/diagnosis/guides'
import { cell, down, healthy, snap, wan } from './snapshots'

const t = (min: number) => new Date(Date.UTC(2025, 2, 1, 10, min))

describe('guides', () => {
  it('lists the five guides with their steps', () => {
    const list = listGuides()
    expect(list.map((g) => g.id)).toEqual(['cellular-down', 'cellular-slow', 'wifi-wan', 'new-install', 'before-leave'])
    expect(list.every((g) => g.steps.length >= 4 && g.steps.every((s) => s.title && s.intro))).toBe(true)
    expect(JSON.parse(JSON.stringify(list))).toEqual(list)
  })

  it('walks "Cellular link is down": finds the SIM problem, re-checks after the fix, then moves on', () => {
    const broken = snap((s) => {
      cell(s).sims[0]!.active = false
      delete cell(s).activeSimId
      down(s, 2, 'Disconnected')
    })
    let p = startGuide('cellular-down', { now: t(0) })
    expect(currentStep(p)!.id).toBe('sim')

    let r = evaluateStep(p, broken, t(1))
    p = r.progress
    expect(r.result).toMatchObject({ stepId: 'sim', status: 'fix', attempts: 1, snapshotAt: broken.takenAt })
    expect(r.result.findings.map((f) => f.id)).toEqual(['sim-not-active:2'])
    expect(r.result.findings[0]!.actions[0]!.workflow).toBe('sim.switch')

    // The technician runs the fix; the handler takes a new snapshot and re-checks.
    r = evaluateStep(p, healthy(), t(2))
    p = r.progress
    expect(r.result).toMatchObject({ status: 'ok', summary: 'A SIM is detected and in use.', attempts: 2 })

    p = advance(p, t(3))
    expect(currentStep(p)!.id).toBe('enabled')
    expect(p.results.sim!.status).toBe('ok')
  })

  it('ignores findings about WANs outside the guide (a Wi-Fi problem in a cellular guide)', () => {
    const s = snap((s) => Object.assign(wan(s, 3), { enable: false, connected: false }))
    let p = advance(startGuide('cellular-down'))
    expect(currentStep(p)!.id).toBe('enabled')
    expect(evaluateStep(p, s).result.status).toBe('ok')
    p = startGuide('wifi-wan')
    expect(evaluateStep(p, s).result).toMatchObject({ status: 'fix', findings: [expect.objectContaining({ id: 'wan-disabled:3' })] })
  })

  it('focuses on the WAN the technician picked', () => {
    const s = snap((s) => down(s, 2, 'Disconnected'))
    const steps = getGuide('cellular-down').steps
    const p = { ...startGuide('cellular-down', { wanId: 5 }), stepIndex: steps.length - 1 }
    expect(evaluateStep(p, s).result).toMatchObject({ status: 'info', summary: expect.stringContaining('no cellular WAN with id 5') })
    const q = { ...startGuide('cellular-down', { wanId: 2 }), stepIndex: steps.length - 1 }
    expect(evaluateStep(q, s).result).toMatchObject({ stepId: 'link-up', status: 'fix', summary: 'WAN 2 (Cellular) is still down ("Disconnected").' })
  })

  it('ends "Before I leave" with everything still open, and finishes', () => {
    const s = snap((s) => (wan(s, 2).locked = true))
    let p = startGuide('before-leave', { now: t(0) })
    const seen: string[] = []
    while (!isFinished(p)) {
      const r = evaluateStep(p, s, t(1))
      seen.push(`${r.result.stepId}:${r.result.status}`)
      p = advance(r.progress, t(2))
    }
    expect(seen).toEqual(['links:ok', 'locks:fix', 'priority:ok', 'allowance:ok', 'vpn:ok', 'all-clear:fix'])
    expect(p.finishedAt).toBe(t(2).toISOString())
    expect(p.results['all-clear']!.summary).toMatch(/^0 problems and 1 warning still open; they will be listed in the site report\.$/)
    expect(() => evaluateStep(p, s)).toThrow(/finished/)
    expect(advance(p)).toBe(p)
    expect(goBack(p).finishedAt).toBeUndefined()
  })

  it('persists as JSON and resumes at the same step with its results', () => {
    let p = startGuide('new-install', { now: t(0) })
    p = advance(evaluateStep(p, healthy(), t(1)).progress, t(2))
    p = evaluateStep(p, snap((s) => down(s, 2, 'No SIM Card Detected')), t(3)).progress
    const stored = JSON.stringify(p)
    const resumed = parseGuideProgress(JSON.parse(stored))
    expect(resumed).toEqual(p)
    expect(currentStep(resumed)!.id).toBe('sim')
    expect(resumed.results.firmware!.status).toBe('ok')
    // Carry on where it was left.
    expect(evaluateStep(resumed, healthy(), t(4)).result).toMatchObject({ stepId: 'sim', attempts: 2 })
  })

  it('opens progress stored by an older app whose guide had other steps', () => {
    const old = { ...startGuide('wifi-wan'), stepIndex: 40, results: { gone: { stepId: 'gone', status: 'ok', summary: '', findings: [], checkedAt: '', snapshotAt: '', attempts: 1 } } }
    const p = parseGuideProgress(old)
    expect(p.results).toEqual({})
    expect(isFinished(p)).toBe(true)
    expect(() => parseGuideProgress({ guideId: 'nope' })).toThrow()
  })

  it('refuses an unknown guide with the list of known ones', () => {
    expect(() => startGuide('nope' as never)).toThrow(/cellular-down, cellular-slow/)
  })
})
