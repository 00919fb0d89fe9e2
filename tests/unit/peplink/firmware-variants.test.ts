import { afterAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import type { Wan } from '../../../src-main/peplink/model'

const emus: RunningEmulator[] = []
afterAll(async () => {
  for (const e of emus) await e.close()
})

/** What must read the same whatever firmware sent it (fields that exist on every version). */
function core(w: Wan) {
  return {
    id: w.id, name: w.name, type: w.type, enable: w.enable, connected: w.connected, priority: w.priority, ip: w.ip,
    carrier: w.cellular?.carrier?.name, mcc: w.cellular?.mcc, mnc: w.cellular?.mnc, mobileType: w.cellular?.mobileType,
    activeSimId: w.cellular?.activeSimId,
    sims: w.cellular?.sims.map((s) => ({ id: s.id, detected: s.detected, active: s.active, iccid: s.iccid })),
    bands: w.cellular?.bands.map((b) => ({ name: b.name, rsrp: b.rsrp, rsrq: b.rsrq, sinr: b.sinr, rssi: b.rssi })),
    wifi: w.wifi && { ssid: w.wifi.ssid, bssid: w.wifi.bssid, signalStrength: w.wifi.signalStrength },
  }
}

describe('firmware variants normalise to the same model', () => {
  it('8.0.0 (gobi, status strings, rsi), 8.1.1 (cellular, booleans, rssi) and 8.5.2 (rat[].band[], connection[]) agree', async () => {
    const at = Date.now()
    const models = []
    for (const firmware of ['8.0.0', '8.1.1', '8.5.2']) {
      const e = await startEmulator({ firmware, now: () => at })
      emus.push(e)
      const c = new RouterClient({ host: e.host, port: e.port, pin: e.fingerprint256, credentials: { kind: 'admin', ...e.credentials } })
      await c.open()
      const raw = (await c.call('GET status.wan.connection', {})).raw as Record<string, Record<string, unknown>>
      // The answers really differ on the wire…
      const cell = raw['2']!
      if (firmware === '8.0.0') expect(cell.type).toBe('gobi')
      else expect(cell.type).toBe('cellular')
      if (firmware === '8.5.2') expect(JSON.stringify(cell)).toContain('"rat"')
      models.push((await c.api.wanStatus()).map(core))
      await c.close()
    }
    // …and read the same.
    expect(models[1]).toEqual(models[0])
    expect(models[2]).toEqual(models[0])
    expect(models[0]!.find((w) => w.id === 2)!.bands!.length).toBeGreaterThan(0)
  })
})
