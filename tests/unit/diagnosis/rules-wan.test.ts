import { describe, expect, it } from 'vitest'
import { diagnose, RULES } from '../../../src-main/diagnosis/rules'
import type { Finding, Snapshot } from '../../../src-main/diagnosis/types'
import { cell, down, healthy, snap, wan } from './snapshots'

const run = (rule: string, s: Snapshot): Finding[] => RULES[rule]!(s)

describe('wan-no-ip', () => {
  it('reports a WAN the router calls connected that has no address', () => {
    const s = snap((s) => {
      delete wan(s, 2).ip
      wan(s, 2).connected = false
    })
    const [f] = run('wan-no-ip', s)
    expect(f).toMatchObject({ id: 'wan-no-ip:2', severity: 'problem', wanId: 2, evidence: { message: 'Connected', statusLed: 'green', ip: null } })
    expect(f!.actions.map((a) => a.workflow)).toEqual(['module.rescan', 'module.reset'])
    expect(f!.explanation).toMatch(/APN/)
  })

  it('offers a reconnect for a Wi-Fi WAN', () => {
    const s = snap((s) => {
      delete wan(s, 3).ip
      wan(s, 3).connected = false
    })
    expect(run('wan-no-ip', s)[0]!.actions[0]).toMatchObject({ workflow: 'wifi.connect', params: { connId: 3, ssid: 'Site-Office' } })
  })

  it('says nothing when the WAN has an address or is plainly down', () => {
    expect(run('wan-no-ip', healthy())).toEqual([])
    expect(run('wan-no-ip', snap((s) => down(s, 2, 'Disconnected')))).toEqual([])
  })
})

describe('wan-disabled and wan-scheduled-off', () => {
  it('warns about a disabled cellular WAN and offers to enable it', () => {
    const s = snap((s) => {
      Object.assign(wan(s, 2), { enable: false, connected: false, message: 'Disabled', statusLed: 'gray' })
      delete wan(s, 2).priority
    })
    const [f] = run('wan-disabled', s)
    expect(f).toMatchObject({ id: 'wan-disabled:2', severity: 'warning', evidence: { type: 'cellular', enable: false } })
    expect(f!.actions).toEqual([{ label: 'Enable this WAN', workflow: 'wan.enable', params: { connId: 2 }, disruptive: false }])
  })

  it('only notes a disabled spare wired port while other links are up', () => {
    const s = snap((s) => Object.assign(wan(s, 1), { enable: false, connected: false }))
    expect(run('wan-disabled', s)[0]!.severity).toBe('info')
  })

  it('reports a WAN off by schedule, as a warning when nothing else is up', () => {
    const s = snap((s) => {
      Object.assign(wan(s, 2), { scheduledOff: true, connected: false, message: 'Scheduled off' })
      down(s, 1, 'No Cable Detected')
      down(s, 3, 'Disconnected')
    })
    expect(run('wan-scheduled-off', s)[0]).toMatchObject({ id: 'wan-scheduled-off:2', severity: 'warning', evidence: { scheduledOff: true } })
  })

  it('says nothing when every WAN is enabled and on', () => {
    expect(run('wan-disabled', healthy())).toEqual([])
    expect(run('wan-scheduled-off', healthy())).toEqual([])
  })
})

describe('no-cable', () => {
  it('reports "No Cable Detected", as a problem when no other WAN is up', () => {
    const s = snap((s) => {
      down(s, 1, 'No Cable Detected', 'gray')
      down(s, 2, 'Disconnected')
      down(s, 3, 'Disconnected')
    })
    const [f] = run('no-cable', s)
    expect(f).toMatchObject({ id: 'no-cable:1', severity: 'problem', wanId: 1, evidence: { message: 'No Cable Detected', type: 'ethernet' } })
    expect(f!.actions[0]!.workflow).toBe('manual')
  })

  it('is a warning while another WAN carries the traffic', () => {
    expect(run('no-cable', snap((s) => down(s, 1, 'No Cable Detected', 'gray')))[0]!.severity).toBe('warning')
  })

  it('says nothing for a connected port', () => {
    expect(run('no-cable', healthy())).toEqual([])
  })
})

describe('wan priorities', () => {
  it('warns when every WAN shares one priority and cellular is among them', () => {
    const s = snap((s) => s.wans.forEach((w) => (w.priority = 1)))
    const [f] = run('wan-priority-same', s)
    expect(f).toMatchObject({ id: 'wan-priority-same', severity: 'warning', evidence: { wans: '1,2,3', priority: 1, includesCellular: true } })
    expect(f!.actions[0]).toMatchObject({ workflow: 'wan.priority', params: { list: [{ connId: 1, priority: 1 }, { connId: 3, priority: 2 }, { connId: 2, priority: 3 }] } })
  })

  it('warns when cellular is used before a working wired WAN', () => {
    const s = snap((s) => {
      wan(s, 1).priority = 2
      wan(s, 2).priority = 1
    })
    const [f] = run('wan-priority-order', s)
    expect(f).toMatchObject({ id: 'wan-priority-order:2', severity: 'warning', evidence: { cellularWan: 2, cellularPriority: 1, wiredWan: 1, wiredPriority: 2 } })
    expect(f!.actions[0]!.workflow).toBe('wan.priority')
  })

  it('does not complain when the wired WAN is down (cellular first is then the working order)', () => {
    const s = snap((s) => {
      wan(s, 1).priority = 2
      wan(s, 2).priority = 1
      down(s, 1, 'No Cable Detected')
    })
    expect(run('wan-priority-order', s)).toEqual([])
  })

  it('says nothing for distinct priorities, wired first', () => {
    expect(run('wan-priority-same', healthy())).toEqual([])
    expect(run('wan-priority-order', healthy())).toEqual([])
  })
})

describe('wifi-result', () => {
  const failed = (result: string, message?: string) =>
    snap((s) => {
      s.wifiResults[0]!.result = { result, ssid: 'Site-Office', securityPolicy: 'wpa-psk', ...(message ? { message } : {}) }
      down(s, 3, 'Disconnected')
    })

  it('explains a wrong key and offers to re-enter it', () => {
    const [f] = run('wifi-result', failed('PSK_AUTH_FAIL', 'pre-shared key mismatch'))
    expect(f).toMatchObject({ id: 'wifi-result:3:PSK_AUTH_FAIL', severity: 'problem', wanId: 3, evidence: { result: 'PSK_AUTH_FAIL', ssid: 'Site-Office', connected: false } })
    expect(f!.explanation).toMatch(/password is wrong/)
    expect(f!.actions.map((a) => a.workflow)).toEqual(['wifi.connect'])
  })

  it('offers a scan first when the access point was not found or timed out', () => {
    expect(run('wifi-result', failed('AP_NOT_FOUND'))[0]!.actions.map((a) => a.workflow)).toEqual(['wifi.scan', 'wifi.connect'])
    expect(run('wifi-result', failed('TIMEOUT'))[0]!.actions.map((a) => a.workflow)).toEqual(['wifi.scan', 'wifi.connect'])
    expect(run('wifi-result', failed('EAP_AUTH_FAIL'))[0]!.explanation).toMatch(/enterprise/)
    expect(run('wifi-result', failed('UNKNOWN_FAIL', 'oops'))[0]!.explanation).toMatch(/oops/)
  })

  it('is only a note when the WAN is connected anyway', () => {
    const s = snap((s) => (s.wifiResults[0]!.result = { result: 'TIMEOUT', ssid: 'Other' }))
    expect(run('wifi-result', s)[0]!.severity).toBe('info')
  })

  it('says nothing after CONNECTED', () => {
    expect(run('wifi-result', healthy())).toEqual([])
  })
})

describe('wifi-weak-signal', () => {
  it('warns below -85 dBm', () => {
    const s = snap((s) => (wan(s, 3).wifi!.signalStrength = -88))
    expect(run('wifi-weak-signal', s)[0]).toMatchObject({ id: 'wifi-weak-signal:3', severity: 'warning', evidence: { signalStrength: -88, grade: 'poor' } })
  })

  it('says nothing for a good signal', () => {
    expect(run('wifi-weak-signal', healthy())).toEqual([])
  })
})

describe('diagnose', () => {
  it('puts problems first, then warnings, then notes', () => {
    const s = snap((s) => {
      down(s, 1, 'No Cable Detected')
      Object.assign(cell(s), { roaming: { code: 0, message: 'Roaming', roaming: true } })
      s.location = { gps: false }
    })
    s.wans.forEach((w) => (w.priority = 1))
    down(s, 2, 'Disconnected')
    down(s, 3, 'Disconnected')
    const severities = diagnose(s).map((f) => f.severity)
    expect(severities).toEqual([...severities].sort((a, b) => ['problem', 'warning', 'info'].indexOf(a) - ['problem', 'warning', 'info'].indexOf(b)))
    expect(severities[0]).toBe('problem')
  })

  it('reports a rule that throws as a note instead of losing every other finding', () => {
    const s = snap((s) => down(s, 1, 'No Cable Detected'))
    s.pepvpn = { profiles: null } as unknown as Snapshot['pepvpn']
    const out = diagnose(s)
    expect(out.map((f) => f.id)).toEqual(['no-cable:1', 'rule-error:pepvpn-down'])
    expect(out[1]).toMatchObject({ severity: 'info', evidence: { rule: 'pepvpn-down' } })
  })
})
