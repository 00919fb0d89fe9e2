/**
 * No false all-clear: a guide step says "OK" only when it looked at everything it is about.
 * Each snapshot here hides something (an idle SIM, a value the firmware does not report, a
 * failed read) and the step must say "not checked" and why, never OK.
 */
import { describe, expect, it } from 'vitest'
import { evaluateStep, startGuide, advance, isFinished, type GuideId } from '../../../src-main/diagnosis/guides'
import type { Snapshot } from '../../../src-main/diagnosis/types'
import { cell, healthy, snap } from './snapshots'

/** Every step's status and summary, walking a guide over one snapshot. */
function walk(id: GuideId, s: Snapshot): Record<string, { status: string; summary: string }> {
  let p = startGuide(id)
  const out: Record<string, { status: string; summary: string }> = {}
  while (!isFinished(p)) {
    const r = evaluateStep(p, s)
    out[r.result.stepId] = { status: r.result.status, summary: r.result.summary }
    p = advance(r.progress)
  }
  return out
}

/** SIM A carries a manual carrier choice nobody can read now: the technician switched to SIM B. */
function switchedToSimB(s: Snapshot) {
  const [a, b] = cell(s).sims
  Object.assign(a!, { active: false, status: 'SIM Card Detected', channelPciLock: null })
  Object.assign(b!, { detected: true, active: true, status: 'In Use', channelPciLock: null })
  cell(s).activeSimId = 2
  cell(s).simInUse = { kind: 'physical', simId: 2 }
  s.carrierSelections = [{ wanId: 2, simId: 2, selected: null }]
  s.simSelections = [{ wanId: 2, selection: { enabledSims: [1, 2], preferredSim: 2, derived: false } }]
}

describe('"Before I leave the site" looks at every SIM', () => {
  it('says OK and "in good order" only when every SIM\'s locks and carrier could be read', () => {
    const r = walk('before-leave', healthy())
    expect(r.locks).toEqual({ status: 'ok', summary: 'No channel/PCI lock or manual carrier selection on any SIM.' })
    expect(r['all-clear']).toEqual({ status: 'ok', summary: 'Nothing open. The router is in good order.' })
  })

  it('does not call the locks OK when an idle SIM\'s carrier selection cannot be read', () => {
    const r = walk('before-leave', snap(switchedToSimB))
    expect(r.locks!.status).toBe('unchecked')
    expect(r.locks!.summary).toBe('Not checked: WAN 2 (Cellular): the carrier selection of SIM A cannot be read while it is not in use. Nothing was found in what could be read.')
    expect(r['all-clear']!.status).toBe('unchecked')
    expect(r['all-clear']!.summary).not.toMatch(/good order/)
  })

  it('finds a lock on the idle SIM instead of saying nothing', () => {
    const r = walk('before-leave', snap((s) => {
      switchedToSimB(s)
      cell(s).sims[0]!.channelPciLock = { channel: 1450, pci: 140 }
    }))
    expect(r.locks!.status).toBe('fix')
    expect(r.locks!.summary).toMatch(/^SIM A on WAN 2 \(Cellular\) is locked to channel 1450 \/ PCI 140\. Not checked: .*carrier selection of SIM A/)
  })

  it('says "not checked" where the firmware does not report a SIM\'s lock', () => {
    const r = walk('before-leave', snap((s) => delete cell(s).sims[0]!.channelPciLock))
    expect(r.locks).toEqual({ status: 'unchecked', summary: 'Not checked: WAN 2 (Cellular): this firmware does not report a channel/PCI lock for SIM A. Nothing was found in what could be read.' })
  })

  it('says "not checked" when the carrier read failed, naming the router\'s answer', () => {
    const r = walk('before-leave', snap((s) => {
      s.carrierSelections = []
      s.gaps = [{ call: 'cmd.carrier.scan', wanId: 2, status: 'failed', message: 'The router did not answer in 10 s.' }]
    }))
    expect(r.locks!.status).toBe('unchecked')
    expect(r.locks!.summary).toContain('cmd.carrier.scan for WAN 2 could not be read (The router did not answer in 10 s)')
    expect(r['all-clear']!.status).toBe('unchecked')
  })

  it('says "not checked" for the allowance and the links when their reads failed', () => {
    const r = walk('before-leave', snap((s) => {
      s.allowance = []
      s.gaps = [{ call: 'status.wan.connection.allowance', status: 'failed', message: 'Connection reset' }]
    }))
    expect(r.allowance).toEqual({ status: 'unchecked', summary: 'Not checked: status.wan.connection.allowance could not be read (Connection reset). Nothing was found in what could be read.' })
    const down = walk('before-leave', snap((s) => {
      s.wans = []
      s.gaps = [{ call: 'status.wan.connection', status: 'failed', message: 'Connection refused' }]
    }))
    expect(down.links!.status).toBe('unchecked')
    expect(down['all-clear']!.summary).toMatch(/^Not checked: status\.wan\.connection could not be read \(Connection refused\)/)
  })

  it('names a remote SIM whose settings cannot be read', () => {
    const r = walk('before-leave', snap((s) => (cell(s).remoteSim = { imsi: '234150000000001', hasApnPassword: false })))
    expect(r.locks!.status).toBe('unchecked')
    expect(r.locks!.summary).toContain("the remote SIM's lock and carrier settings are not reported")
  })
})

describe('the cellular guides look at what they can and say what they cannot', () => {
  it('"Cellular link is down": the SIM step is not OK when the SIM selection could not be read', () => {
    const r = walk('cellular-down', snap((s) => {
      s.simSelections = []
      s.gaps = [{ call: 'cmd.wan.cellular', wanId: 2, status: 'failed', message: 'Unauthorized' }]
    }))
    expect(r.sim!.status).toBe('unchecked')
    expect(r.sim!.summary).toContain('cmd.wan.cellular for WAN 2 could not be read (Unauthorized)')
  })
})
