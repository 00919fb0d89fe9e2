import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SCENARIOS, SCENARIO_DESCRIPTIONS } from '../../../src-main/emulator'
import { adminApi, type Api } from './helpers'

let br1: Api
let balance: Api
beforeAll(async () => {
  br1 = await adminApi()
  balance = await adminApi({ model: 'balance-380' })
})
afterAll(async () => {
  await br1.close()
  await balance.close()
})

async function wans(a: Api) {
  return (await a.get('status.wan.connection')).response
}

describe('emulator: scenarios', () => {
  it('lists every scenario with a description', () => {
    expect(SCENARIOS).toHaveLength(21)
    for (const s of SCENARIOS) expect(SCENARIO_DESCRIPTIONS[s]).toBeTruthy()
  })

  it('every scenario applies on both models and keeps the session', async () => {
    for (const s of SCENARIOS) {
      br1.em.applyScenario(s)
      balance.em.applyScenario(s)
      expect((await br1.get('status.wan.connection')).stat).toBe('ok')
      expect((await balance.get('status.wan.connection')).stat).toBe('ok')
    }
  })

  it('healthy: all WANs connected', async () => {
    br1.em.applyScenario('healthy')
    const w = await wans(br1)
    expect([w['1'].message, w['2'].message, w['3'].message]).toEqual(['Connected', 'Connected', 'Connected'])
  })

  it('no-sim and sim-b-only take the cellular WAN down', async () => {
    br1.em.applyScenario('no-sim')
    let c = (await wans(br1))['2']
    expect(c.message).toBe('No SIM Card Detected')
    expect(c.cellular.sim['1'].simCardDetected).toBe(false)
    expect(c.cellular.sim['2'].simCardDetected).toBe(false)
    br1.em.applyScenario('sim-b-only')
    c = (await wans(br1))['2']
    expect(c.message).toBe('No SIM Card Detected')
    expect(c.cellular.sim['1'].status).toBe('No SIM Card Detected')
    expect(c.cellular.sim['2'].status).toBe('SIM Card Detected')
    expect((await br1.get('cmd.wan.cellular', 'connId=2')).response).toEqual({ enabledSim: [1], preferredSim: 1 })
  })

  it('allowance-exceeded: usage above the limit with a disconnect action', async () => {
    br1.em.applyScenario('allowance-exceeded')
    const a = (await br1.get('status.wan.connection.allowance', 'connId=2')).response['2']['1']
    expect(a.usage).toBeGreaterThan(a.limit)
    expect(a.percent).toBe(100)
    const w = (await wans(br1))['2']
    expect(w.bandwidthAllowanceMonitor.action).toContain('disconnect')
    expect(w.message).toBe('Bandwidth allowance exceeded')
    balance.em.applyScenario('allowance-exceeded')
    const b = (await balance.get('status.wan.connection.allowance', 'connId=1')).response['1']
    expect(b.usage).toBeGreaterThan(b.limit)
  })

  it('roaming and poor-signal', async () => {
    br1.em.applyScenario('roaming')
    expect((await wans(br1))['2'].cellular.roamingStatus).toEqual({ code: 0, message: 'roaming' })
    br1.em.applyScenario('poor-signal')
    const c = (await wans(br1))['2'].cellular
    expect(c.band[0].signal).toMatchObject({ rsrp: -112, sinr: 2, rsrq: -18 })
    expect(c.signalLevel).toBeLessThanOrEqual(2)
  })

  it('cellular-down, carrier-locked and pci-locked', async () => {
    br1.em.applyScenario('cellular-down')
    let c = (await wans(br1))['2']
    expect(c.statusLed).toBe('red')
    expect(c.cellular.mcc).toBeUndefined()
    br1.em.applyScenario('carrier-locked')
    c = (await wans(br1))['2']
    expect(c.message).toBe('Unable to register to selected network')
    expect((await br1.get('cmd.carrier.scan', 'connId=2&reference=yes')).response.reference.activeSim.selectedCarrier).toMatchObject({ mcc: '454', mnc: '16' })
    br1.em.applyScenario('pci-locked')
    c = (await wans(br1))['2']
    expect(c.message).toBe('Connected')
    expect(c.cellular.sim['1'].channelPciLock).toEqual({ channel: 3000, pci: 371 })
  })

  it('no-cable, wifi-wrong-key, same-priority, wan-disabled', async () => {
    br1.em.applyScenario('no-cable')
    expect((await wans(br1))['1']).toMatchObject({ message: 'No Cable Detected', statusLed: 'red' })
    br1.em.applyScenario('wifi-wrong-key')
    expect((await br1.get('cmd.wifi.result', 'connId=3')).response).toMatchObject({ result: 'PSK_AUTH_FAIL', ssid: 'Site-Office' })
    expect((await wans(br1))['3'].message).toBe('Disconnected')
    br1.em.applyScenario('same-priority')
    const w = await wans(br1)
    expect([w['1'].priority, w['2'].priority, w['3'].priority]).toEqual([1, 1, 1])
    br1.em.applyScenario('wan-disabled')
    const d = (await wans(br1))['2']
    expect(d).toMatchObject({ enable: false, message: 'Disabled' })
    expect(d.priority).toBeUndefined()
    balance.em.applyScenario('wan-disabled')
    expect((await wans(balance))['2'].enable).toBe(false)
  })

  it('pepvpn-down and gps-no-fix', async () => {
    br1.em.applyScenario('pepvpn-down')
    const v = (await br1.get('status.pepvpn')).response
    expect(v.peer).toEqual([])
    expect(v.profile['1'].status).toBe('START')
    br1.em.applyScenario('gps-no-fix')
    expect((await br1.get('info.location')).response).toEqual({ gps: false })
    br1.em.applyScenario('healthy')
    expect((await br1.get('info.location')).response.gps).toBe(true)
  })
})
