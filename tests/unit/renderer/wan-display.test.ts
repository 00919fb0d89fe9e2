import { describe, expect, it } from 'vitest'
import { monitorText as mainMonitorText, readingAge as mainReadingAge, bandText } from '../../../src-main/peplink/describe'
import { monitorText } from '../../../src-renderer/src/format'
import { bandLabel, readingAge, simInUseLabel, wanStateStatus } from '../../../src-renderer/src/wan-display'

describe('WAN state on screen', () => {
  it('shows standby as Standby in a calm tone, never as Down', () => {
    expect(wanStateStatus('standby')).toEqual({ label: 'Standby', tone: 'info' })
    expect(wanStateStatus('down')).toEqual({ label: 'Down', tone: 'error' })
    expect(wanStateStatus('no-device')).toEqual({ label: 'No device', tone: 'default' })
    expect(wanStateStatus('connected')).toEqual({ label: 'Up', tone: 'success' })
  })
})

describe('which SIM carries a cellular WAN', () => {
  it('names a slot, the eSIM, a remote SIM, or none', () => {
    expect(simInUseLabel({ simInUse: { kind: 'physical', simId: 2 }, activeSimId: 2 })).toBe('SIM B')
    expect(simInUseLabel({ simInUse: { kind: 'esim' } })).toBe('SpeedFusion Connect eSIM')
    expect(simInUseLabel({ simInUse: { kind: 'remote' } })).toBe('Remote SIM')
    expect(simInUseLabel({})).toBe('none')
  })
})

describe('bands the router left unnamed', () => {
  it('reads well in the app and in main sentences alike', () => {
    expect(bandLabel({ name: '', channel: 1350 })).toBe('Channel 1350')
    expect(bandLabel({ name: '  ' })).toBe('Serving band (unnamed)')
    expect(bandLabel({ name: 'LTE Band 3 (1800 MHz)' })).toBe('LTE Band 3 (1800 MHz)')
    expect(bandText({ name: '' })).toBe('the serving band')
    expect(bandText({ name: '', channel: 100, rat: 'LTE' })).toBe('channel 100 (LTE)')
  })
})

describe('reading age', () => {
  it('is said from the router clock, and stale past a minute, the same in main and the renderer', () => {
    for (const f of [readingAge, mainReadingAge]) {
      expect(f(undefined)).toBeUndefined()
      expect(f({ timestamp: 10 })).toBeUndefined()
      expect(f({ ageSeconds: 1 })).toEqual({ ago: '1 s', stale: false })
      expect(f({ ageSeconds: 60 })).toEqual({ ago: '60 s', stale: false })
      expect(f({ ageSeconds: 901 })).toEqual({ ago: '15 min', stale: true })
    }
  })
})

describe('allowance monitor in words', () => {
  it('gives one unit style, the actions, and "off" for a disabled monitor, in main and the renderer', () => {
    const on = { enable: true, hasSmtp: true, action: ['email', 'disconnect'], start: 15, monthlyAllowance: { value: 5120, unit: 'MB' } }
    expect(monitorText(on)).toBe('5 GB a month from day 15; e-mails; disconnects when used up')
    expect(mainMonitorText(on)).toBe('5 GB a month from day 15; e-mails; disconnects when used up')
    expect(mainMonitorText({ enable: true, monthlyAllowance: { value: 10, unit: 'GB' }, start: 0 })).toBe('10 GB a month from day last')
    expect(monitorText({ enable: false, hasSmtp: false })).toBe('Off')
    expect(mainMonitorText({ enable: false, hasSmtp: false })).toBe('off')
    expect(mainMonitorText(undefined)).toBeUndefined()
    expect(mainMonitorText({ enable: true })).toBe('limit not reported')
    expect(monitorText({ enable: true, action: ['email'] })).toBe('Limit not reported; e-mails')
  })
})
