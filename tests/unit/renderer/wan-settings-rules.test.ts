import { describe, expect, it } from 'vitest'
import type { Wan } from '../../../src-main/peplink/model'
import { changedSettings, fieldMessage, formFieldOf, initialForm, validateWanForm } from '../../../src-renderer/src/wan-settings-rules'

const cellular: Wan = {
  id: 2, name: 'Cellular', type: 'cellular', rawType: 'gobi', enable: true, statusLed: 'green', message: 'Connected', state: 'connected', connected: true, extra: {},
  cellular: { sims: [{ id: 1, detected: true, active: true, apn: 'internet', hasApnPassword: false }, { id: 2, detected: true, active: false, hasApnPassword: true }], bands: [], extra: {} },
}

describe('WAN settings form (config.wan.connection ranges)', () => {
  it('starts from what the router reported, with secrets empty', () => {
    const f = initialForm(cellular)
    expect(f).toMatchObject({ id: 2, name: 'Cellular', enable: true, mtu: null, editHealth: false })
    const off = { enable: false, monthlyMb: null, start: null, actions: [], actionsKnown: false }
    expect(f.sims).toEqual([
      { id: 1, apn: 'internet', apnUsername: '', apnPassword: '', hasApnPassword: false, simPin: '', clearPin: false, allowance: off },
      { id: 2, apn: '', apnUsername: '', apnPassword: '', hasApnPassword: true, simPin: '', clearPin: false, allowance: off },
    ])
  })

  it('reads each SIM\'s allowance monitor from the allowance status, its actions unknown', () => {
    const f = initialForm(cellular, { wanKey: '2', wanId: 2, entries: [{ simId: 1, enable: true, usage: 3120, limit: 10240, start: 1, unit: 'MB' }, { simId: 2, enable: false }] })
    expect(f.sims.map((x) => x.allowance)).toEqual([
      { enable: true, monthlyMb: 10240, start: 1, actions: [], actionsKnown: false },
      { enable: false, monthlyMb: null, start: null, actions: [], actionsKnown: false },
    ])
  })

  it('checks each field against the reference: MTU 576-9000, timeout 200-10000, interval 5-3600, retry/recovery 1-20, start day 0-28, PIN 4-8 digits', () => {
    const f = initialForm(cellular)
    f.mtu = 575
    f.editHealth = true
    f.health = { ...f.health, timeout: 199, interval: 3601, retry: 0, recovery: 21 }
    f.allowance = { enable: true, monthlyMb: 0, start: 29, actions: [], actionsKnown: true }
    f.sims[0]!.simPin = '12a4'
    f.sims[1]!.allowance = { enable: true, monthlyMb: null, start: -1, actions: [], actionsKnown: false }
    expect(validateWanForm(f)).toEqual({
      mtu: 'Must be a whole number from 576 to 9000.',
      'health.timeout': 'Must be a whole number from 200 to 10000.',
      'health.interval': 'Must be a whole number from 5 to 3600.',
      'health.retry': 'Must be a whole number from 1 to 20.',
      'health.recovery': 'Must be a whole number from 1 to 20.',
      'allowance.monthlyMb': 'Must be a whole number of MB, 1 or more.',
      'allowance.start': 'Must be a whole number from 0 to 28.',
      'sim1.simPin': 'A SIM PIN is 4 to 8 digits.',
      'sim2.allowance.monthlyMb': 'Enter the monthly allowance in MB.',
      'sim2.allowance.start': 'Must be a whole number from 0 to 28.',
    })
    f.mtu = 9000
    f.health = { ...f.health, timeout: 200, interval: 5, retry: 20, recovery: 1 }
    f.allowance = { enable: true, monthlyMb: 1, start: 0, actions: ['email'], actionsKnown: true }
    f.sims[0]!.simPin = '12345678'
    f.sims[1]!.allowance = { enable: true, monthlyMb: 2048, start: 28, actions: [], actionsKnown: false }
    expect(validateWanForm(f)).toEqual({})
  })

  it('sends only what changed; empty secrets stay untouched, "remove PIN" sends null', () => {
    const initial = initialForm(cellular)
    expect(changedSettings(initial, structuredClone(initial))).toBeUndefined()
    const f = structuredClone(initial)
    f.mtu = 1400
    f.sims[0]!.apnPassword = 'pw'
    f.sims[1]!.clearPin = true
    expect(changedSettings(initial, f)).toEqual({ id: 2, mtu: 1400, sims: [{ id: 1, apnPassword: 'pw' }, { id: 2, simPin: null }] })
  })

  it('sends a SIM\'s allowance when it changed, and its actions only once they were edited', () => {
    const initial = initialForm(cellular, { wanKey: '2', wanId: 2, entries: [{ simId: 1, enable: true, limit: 10240, start: 1 }] })
    const f = structuredClone(initial)
    f.sims[0]!.allowance.monthlyMb = 20480
    expect(changedSettings(initial, f)).toEqual({ id: 2, sims: [{ id: 1, allowance: { enable: true, monthlyMb: 20480, start: 1 } }] })
    f.sims[0]!.allowance.actions = ['email', 'disconnect']
    expect(changedSettings(initial, f)?.sims?.[0]?.allowance).toEqual({ enable: true, monthlyMb: 20480, start: 1, action: ['email', 'disconnect'] })
    // The WAN's own monitor reports its actions, so they always go with it.
    const w = structuredClone(initial)
    w.allowance = { ...w.allowance, enable: true, monthlyMb: 500 }
    expect(changedSettings(initial, w)?.allowance).toEqual({ enable: true, monthlyMb: 500, action: [] })
  })

  it('places main\'s field errors next to the right field, from either request shape', () => {
    expect(formFieldOf('list[0].physical.mtu')).toBe('mtu')
    expect(formFieldOf('settings.mtu')).toBe('mtu')
    expect(formFieldOf('list[0].healthcheck.timeout')).toBe('health.timeout')
    expect(formFieldOf('list[0].bandwidthAllowanceMonitor.start')).toBe('allowance.start')
    expect(formFieldOf('list[0].cellular.sim[1].simPin', [1, 2])).toBe('sim2.simPin')
    expect(formFieldOf('settings.sims.0.apn', [2])).toBe('sim2.apn')
    expect(formFieldOf('list[0].cellular.sim[0].carrierSelection')).toBeUndefined()
    expect(formFieldOf('list[0].cellular.sim[0].bandwidthAllowanceMonitor.start', [2])).toBe('sim2.allowance.start')
    expect(formFieldOf('settings.sims.0.allowance.monthlyMb', [1])).toBe('sim1.allowance.monthlyMb')
    expect(formFieldOf('list[0].cellular.sim[0].bandwidthAllowanceMonitor.monthlyAllowance.value', [1])).toBe('sim1.allowance.monthlyMb')
    expect(fieldMessage('list[0].physical.mtu: must be a whole number from 576 to 9000 (config.wan.connection).', 'list[0].physical.mtu')).toBe('Must be a whole number from 576 to 9000 (config.wan.connection).')
  })
})
