import { describe, expect, it } from 'vitest'
import { RULES } from '../../../src-main/diagnosis/rules'
import type { Finding, Snapshot } from '../../../src-main/diagnosis/types'
import { cell, down, healthy, snap, wan } from './snapshots'

const run = (rule: string, s: Snapshot): Finding[] => RULES[rule]!(s)

describe('pci-lock', () => {
  it('reports Wan.locked from the router as a forgotten lock, with the serving channel', () => {
    const [f] = run('pci-lock', snap((s) => (wan(s, 2).locked = true)))
    expect(f).toMatchObject({ id: 'pci-lock:2:1', severity: 'warning', wanId: 2, simId: 1 })
    expect(f!.evidence).toMatchObject({ statusLocked: true, servingChannel: 1300, lockedChannel: null })
    expect(f!.actions[0]).toEqual({ label: 'Remove the channel / PCI lock', workflow: 'pci.clear', params: { connId: 2, simId: 1, lock: null }, disruptive: true })
  })

  it('knows a lock Uplink applied during the visit, and makes it a problem when the link is down', () => {
    const s = snap((s) => {
      s.pciLocksApplied = [{ wanId: 2, simId: 1, channel: 3000, pci: 371 }]
      down(s, 2, 'Unable to connect to the locked channel')
    })
    const [f] = run('pci-lock', s)
    expect(f).toMatchObject({ severity: 'problem', evidence: { lockedChannel: 3000, lockedPci: 371, connected: false } })
    expect(f!.explanation).toMatch(/Uplink applied it/)
  })

  it('recognises the router message about a locked channel on its own', () => {
    expect(run('pci-lock', snap((s) => down(s, 2, 'Unable to connect to the locked channel')))[0]!.severity).toBe('problem')
  })

  it('says nothing without any sign of a lock', () => {
    expect(run('pci-lock', healthy())).toEqual([])
    expect(run('pci-lock', snap((s) => (wan(s, 2).locked = false)))).toEqual([])
  })
})

describe('carrier-lock', () => {
  it('reports a manual carrier selection, a problem while the link is down', () => {
    const s = snap((s) => {
      s.carrierSelections = [{ wanId: 2, simId: 1, selected: { name: 'Absent Net', mcc: '234', mnc: '99' } }]
      down(s, 2, 'Unable to register to selected network')
    })
    const [f] = run('carrier-lock', s)
    expect(f).toMatchObject({ id: 'carrier-lock:2:1', severity: 'problem', wanId: 2, simId: 1, evidence: { carrier: 'Absent Net', mcc: '234', mnc: '99', sim: 'SIM A', connected: false } })
    expect(f!.actions[0]).toEqual({ label: 'Return to automatic carrier selection', workflow: 'carrier.select', params: { connId: 2, simId: 1, carrier: null }, disruptive: true })
  })

  it('is a warning while connected', () => {
    const s = snap((s) => (s.carrierSelections = [{ wanId: 2, simId: 1, selected: { mcc: '234', mnc: '15' } }]))
    expect(run('carrier-lock', s)[0]).toMatchObject({ severity: 'warning', title: 'Carrier manually set to 234-15 on WAN 2 (Cellular)' })
  })

  it('says nothing for automatic selection', () => {
    expect(run('carrier-lock', healthy())).toEqual([])
  })
})

describe('pepvpn', () => {
  it('reports profiles and peers that are not CONNECTED, explained by their stage', () => {
    const s = snap((s) => {
      s.pepvpn!.profiles[0]!.status = 'AUTHEN'
      s.pepvpn!.peers[0]!.status = 'START'
    })
    const out = run('pepvpn-down', s)
    expect(out.map((f) => f.id)).toEqual(['pepvpn-profile:1', 'pepvpn-peer:p1'])
    expect(out[0]).toMatchObject({ severity: 'warning', evidence: { profile: 'HQ', status: 'AUTHEN' } })
    expect(out[0]!.explanation).toMatch(/pre-shared key/)
    expect(out[1]!.explanation).toMatch(/no answer/)
    expect(out[0]!.actions[0]!.workflow).toBe('manual')
  })

  it('says nothing when everything is connected or no PepVPN was read', () => {
    expect(run('pepvpn-down', healthy())).toEqual([])
    expect(run('pepvpn-down', snap((s) => delete s.pepvpn))).toEqual([])
  })
})

describe('gps-no-fix', () => {
  it('warns when the router has GPS but no fix', () => {
    const [f] = run('gps-no-fix', snap((s) => (s.location = { gps: false })))
    expect(f).toMatchObject({ id: 'gps-no-fix', severity: 'warning', evidence: { gps: false } })
    expect(f!.actions[0]!.workflow).toBe('manual')
  })

  it('says nothing with a fix, or on a router without GPS', () => {
    expect(run('gps-no-fix', healthy())).toEqual([])
    expect(run('gps-no-fix', snap((s) => delete s.location))).toEqual([])
  })
})

describe('firmware-old', () => {
  it('lists the workflows an 8.0.1 router lacks', () => {
    const [f] = run('firmware-old', snap((s) => (s.firmware = '8.0.1 build 1234')))
    expect(f).toMatchObject({ id: 'firmware-old', severity: 'warning', evidence: { firmware: '8.0.1 build 1234', needed: '8.1.1' } })
    expect(f!.evidence.missing).toBe('carrier scan (8.1.0), new billing cycle (8.1.0), SMS inbox and USSD (8.1.0), channel/PCI scan and lock (8.1.1)')
    expect(f!.actions[0]!.workflow).toBe('manual')
  })

  it('is a problem on 7.x, where even the WAN status is missing', () => {
    expect(run('firmware-old', snap((s) => (s.firmware = '7.1.1 build 2000')))[0]!.severity).toBe('problem')
  })

  it('says nothing on 8.1.1 or later, or when the firmware is unknown', () => {
    expect(run('firmware-old', healthy())).toEqual([])
    expect(run('firmware-old', snap((s) => (s.firmware = '8.5.2 build 1')))).toEqual([])
    expect(run('firmware-old', snap((s) => delete s.firmware))).toEqual([])
  })
})

describe('snapshot-gap', () => {
  it('notes a call that failed, but not one the router lacks', () => {
    const s = snap((s) => {
      s.gaps = [
        { call: 'cmd.wan.cellular', wanId: 2, status: 'failed', message: 'The router did not answer in time.' },
        { call: 'info.location', status: 'unavailable', message: 'Unsupported request' },
      ]
    })
    const out = run('snapshot-gap', s)
    expect(out).toHaveLength(1)
    expect(out[0]).toMatchObject({ id: 'snapshot-gap:2:cmd.wan.cellular', severity: 'info', evidence: { call: 'cmd.wan.cellular' } })
  })

  it('says nothing for a complete snapshot', () => {
    expect(run('snapshot-gap', healthy())).toEqual([])
  })
})

describe('every rule', () => {
  it('has a test file entry here or in the other rule suites (names stay in sync)', () => {
    expect(Object.keys(RULES).sort()).toEqual([
      'allowance-exceeded', 'allowance-near', 'carrier-lock', 'cellular-down', 'firmware-old', 'gps-no-fix', 'legacy-technology',
      'no-cable', 'pci-lock', 'pepvpn-down', 'roaming', 'signal', 'sim-not-active',
      'sim-not-detected', 'snapshot-gap', 'wan-disabled', 'wan-no-device', 'wan-no-ip', 'wan-priority-order', 'wan-priority-same',
      'wan-scheduled-off', 'wifi-result', 'wifi-weak-signal',
    ])
    expect(cell(healthy()).activeSimId).toBe(1)
  })
})
