import { describe, expect, it } from 'vitest'
import { diagnose, RULES } from '../../../src-main/diagnosis/rules'
import type { Finding, Snapshot } from '../../../src-main/diagnosis/types'
import { cell, down, healthy, signal, snap, wan } from './snapshots'

const run = (rule: string, s: Snapshot): Finding[] => RULES[rule]!(s)

describe('the healthy router', () => {
  it('has no findings at all', () => {
    expect(diagnose(healthy())).toEqual([])
  })
})

describe('sim-not-detected', () => {
  it('reports a cellular WAN with no card in any slot', () => {
    const s = snap((s) => {
      cell(s).sims.forEach((x) => Object.assign(x, { detected: false, active: false }))
      delete cell(s).activeSimId
      down(s, 2, 'No SIM Card Detected')
    })
    const [f] = run('sim-not-detected', s)
    expect(f).toMatchObject({ id: 'sim-not-detected:2', severity: 'problem', wanId: 2 })
    expect(f!.evidence).toMatchObject({ slots: 'SIM A: no card, SIM B: no card', message: 'No SIM Card Detected', connected: false })
    expect(f!.actions.map((a) => a.workflow)).toEqual(['manual', 'module.reset'])
  })

  it('reports the only enabled slot being empty while the other has a card, and offers to switch', () => {
    const s = snap((s) => {
      cell(s).sims[0] = { id: 1, detected: false, active: false, hasApnPassword: false }
      cell(s).sims[1] = { id: 2, detected: true, active: false, iccid: '89441000300000000002', hasApnPassword: false }
      delete cell(s).activeSimId
      s.simSelections[0]!.selection = { enabledSims: [1], preferredSim: 1, derived: false }
      down(s, 2, 'No SIM Card Detected')
    })
    const [f] = run('sim-not-detected', s)
    expect(f).toMatchObject({ id: 'sim-not-detected:2:1', severity: 'problem', wanId: 2, simId: 1 })
    expect(f!.evidence).toMatchObject({ enabledSims: '1', preferredSim: 1 })
    expect(f!.actions[0]).toMatchObject({ workflow: 'sim.switch', params: { connId: 2, enabledSim: [2], preferredSim: 2 }, disruptive: true })
  })

  it('only notes an enabled but empty backup slot while the link works', () => {
    const s = snap((s) => (s.simSelections[0]!.selection = { enabledSims: [1, 2], preferredSim: 1, derived: false }))
    const [f] = run('sim-not-detected', s)
    expect(f).toMatchObject({ id: 'sim-not-detected:2:2', severity: 'info', simId: 2, evidence: { enabledSims: '1,2' } })
    expect(f!.actions.map((a) => a.workflow)).toEqual(['manual'])
  })

  it('says nothing when every enabled slot has a card', () => {
    expect(run('sim-not-detected', healthy())).toEqual([])
  })

  it('does not judge enabled slots from a derived (8.3.0+) selection', () => {
    const s = snap((s) => (s.simSelections[0]!.selection = { enabledSims: [1], preferredSim: 1, derived: true }))
    expect(run('sim-not-detected', s)).toEqual([])
  })
})

describe('sim-not-active', () => {
  const inactive = () =>
    snap((s) => {
      cell(s).sims[0]!.active = false
      delete cell(s).activeSimId
      down(s, 2, 'Disconnected')
    })

  it('reports a detected SIM the router is not using while the link is down', () => {
    const [f] = run('sim-not-active', inactive())
    expect(f).toMatchObject({ id: 'sim-not-active:2', severity: 'problem', wanId: 2 })
    expect(f!.evidence).toMatchObject({ slots: 'SIM A: detected, SIM B: no card', message: 'Disconnected', enabledSims: '1' })
    expect(f!.actions.map((a) => a.workflow)).toEqual(['sim.switch', 'module.rescan', 'module.reset'])
    expect(f!.actions[0]!.params).toEqual({ connId: 2, enabledSim: [1], preferredSim: 1 })
  })

  it('is only a warning while the router is still connecting', () => {
    const s = inactive()
    Object.assign(wan(s, 2), { message: 'Connecting...', statusLed: 'yellow' })
    expect(run('sim-not-active', s)[0]!.severity).toBe('warning')
  })

  it('says nothing when a SIM is active', () => {
    expect(run('sim-not-active', healthy())).toEqual([])
  })
})

describe('cellular-down', () => {
  it('reports the WAN down with the router message and explains it', () => {
    const s = snap((s) => {
      down(s, 2, 'Unable to register to selected network')
      delete cell(s).mcc
    })
    const [f] = run('cellular-down', s)
    expect(f).toMatchObject({ id: 'cellular-down:2', severity: 'problem', wanId: 2, title: 'WAN 2 (Cellular) is down: Unable to register to selected network' })
    expect(f!.evidence).toMatchObject({ message: 'Unable to register to selected network', statusLed: 'red', activeSim: 'SIM A', mcc: null })
    expect(f!.explanation).toMatch(/manual carrier selection/)
    expect(f!.actions.map((a) => a.workflow)).toEqual(['module.rescan', 'module.reset', 'carrier.scan'])
  })

  it('says nothing for a connected WAN, a disabled one, or one connected without an address', () => {
    expect(run('cellular-down', healthy())).toEqual([])
    expect(run('cellular-down', snap((s) => Object.assign(wan(s, 2), { enable: false, connected: false })))).toEqual([])
    expect(run('cellular-down', snap((s) => { delete wan(s, 2).ip; wan(s, 2).connected = false }))).toEqual([])
  })
})

describe('roaming', () => {
  it('reports the active SIM roaming with the network it is on', () => {
    const s = snap((s) => {
      Object.assign(cell(s), { roaming: { code: 0, message: 'Roaming', roaming: true }, carrier: { name: 'CSL' }, mcc: '454', mnc: '00' })
    })
    const [f] = run('roaming', s)
    expect(f).toMatchObject({ id: 'roaming:2:1', severity: 'warning', wanId: 2, simId: 1 })
    expect(f!.evidence).toMatchObject({ roamingCode: 0, carrier: 'CSL', mcc: '454', mnc: '00' })
    expect(f!.actions[0]!.workflow).toBe('carrier.scan')
  })

  it('says nothing at home', () => {
    expect(run('roaming', healthy())).toEqual([])
  })
})

describe('allowance-exceeded and allowance-near', () => {
  const over = (action: string[]) =>
    snap((s) => {
      s.allowance[0]!.entries[0] = { simId: 1, enable: true, usage: 10752, limit: 10240, percent: 105, unit: 'MB' }
      wan(s, 2).allowanceMonitor!.action = action
    })

  it('is a problem when the router will cut the link, and says so', () => {
    const [f] = run('allowance-exceeded', over(['email', 'disconnect']))
    expect(f).toMatchObject({ id: 'allowance-exceeded:2:1', severity: 'problem', wanId: 2, simId: 1 })
    expect(f!.evidence).toMatchObject({ usage: 10752, limit: 10240, percent: 105, routerAction: 'email+disconnect' })
    expect(f!.explanation).toMatch(/disconnect this link/)
    expect(f!.actions[0]).toMatchObject({ workflow: 'billing.newCycle', params: { connId: 2, simId: 1 }, disruptive: false })
  })

  it('explains a restricted link', () => {
    const [f] = run('allowance-exceeded', over(['restrict']))
    expect(f!.severity).toBe('problem')
    expect(f!.explanation).toMatch(/only management traffic/)
  })

  it('is a warning when the router only sends an email', () => {
    const [f] = run('allowance-exceeded', over(['email']))
    expect(f!.severity).toBe('warning')
    expect(f!.explanation).toMatch(/keeps flowing/)
  })

  it('warns at 90 % when the router will cut the link', () => {
    const s = snap((s) => {
      s.allowance[0]!.entries[0]!.percent = 93
      wan(s, 2).allowanceMonitor!.action = ['disconnect']
    })
    expect(run('allowance-near', s)[0]).toMatchObject({ id: 'allowance-near:2:1', severity: 'warning', evidence: { percent: 93 } })
    expect(run('allowance-exceeded', s)).toEqual([])
  })

  it('says nothing under 90 % or for a disabled monitor', () => {
    expect(run('allowance-exceeded', healthy())).toEqual([])
    expect(run('allowance-near', healthy())).toEqual([])
    expect(run('allowance-exceeded', snap((s) => Object.assign(s.allowance[0]!.entries[0]!, { enable: false, percent: 120 })))).toEqual([])
  })
})

describe('signal rule', () => {
  it('flags poor RSRP below -100 dBm as a warning with the band and value, and offers the antenna view first', () => {
    const [f] = run('signal', snap((s) => signal(s, { rsrp: -112 })))
    expect(f).toMatchObject({ id: 'signal:2', severity: 'warning', wanId: 2, title: 'Poor signal on WAN 2 (Cellular): RSRP -112 dBm' })
    expect(f!.evidence).toMatchObject({ band: 'LTE Band 3 (1800 MHz)', rsrp: -112, rsrpGrade: 'poor' })
    expect(f!.actions.map((a) => a.workflow)).toEqual(['open.signal', 'pci.scan', 'carrier.scan', 'manual'])
    expect(f!.actions[0]!.params).toEqual({ connId: 2 })
  })

  it('notes fair RSRP (-90 … -100) as information', () => {
    expect(run('signal', snap((s) => signal(s, { rsrp: -95 })))[0]).toMatchObject({ severity: 'info', evidence: { rsrpGrade: 'fair' } })
  })

  it('gives one finding for poor RSRP, RSRQ and SINR together, rounding float artefacts', () => {
    const found = run('signal', snap((s) => signal(s, { rsrp: -112, rsrq: -18, sinr: 2.0000000001 })))
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({
      id: 'signal:2', severity: 'warning', title: 'Poor signal on WAN 2 (Cellular): RSRP -112 dBm, RSRQ -18 dB, SINR 2 dB',
      evidence: { rsrp: -112, rsrq: -18, sinr: 2, rsrpGrade: 'poor', rsrqGrade: 'poor', sinrGrade: 'poor' },
    })
  })

  it('judges the best band, so a weak secondary carrier is not flagged', () => {
    const s = snap((s) => s.signal[0]!.bands.push({ name: 'LTE Band 20 (800 MHz)', rsrp: -115, rsrq: -19, sinr: 1 }))
    expect(run('signal', s)).toEqual([])
  })

  it('uses the WAN status bands when the signal report has none', () => {
    const s = snap((s) => {
      s.signal = []
      cell(s).bands[0]!.sinr = 5
    })
    expect(run('signal', s)[0]!.evidence.sinr).toBe(5)
  })

  it('says nothing for good signal (boundaries count as the better grade)', () => {
    expect(run('signal', snap((s) => signal(s, { rsrp: -90, rsrq: -15, sinr: 10 })))).toEqual([])
  })

  it('names a channel/PCI lock on the SIM in use as the first thing to undo, not "lock to a cleaner cell"', () => {
    const [f] = run('signal', snap((s) => {
      signal(s, { sinr: 2 })
      cell(s).sims[0]!.channelPciLock = { channel: 3000, pci: 371 }
    }))
    expect(f!.explanation).toContain('A channel/PCI lock holds the modem on channel 3000 / PCI 371: remove it first')
    expect(f!.explanation).not.toMatch(/lock to a cleaner cell/)
  })
})

describe('legacy-technology', () => {
  it('notes a link on 3G', () => {
    const s = snap((s) => Object.assign(cell(s), { mobileType: '3G', dataTechnology: 'HSPA+' }))
    expect(run('legacy-technology', s)[0]).toMatchObject({ id: 'legacy-technology:2', severity: 'info', evidence: { dataTechnology: 'HSPA+' } })
  })

  it('says nothing on LTE', () => {
    expect(run('legacy-technology', healthy())).toEqual([])
  })
})
