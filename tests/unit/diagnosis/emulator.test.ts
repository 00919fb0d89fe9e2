/**
 * The diagnosis end to end against the emulated router: each named scenario breaks one thing,
 * and the snapshot + rules must name it (and nothing on a healthy router).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator, type ScenarioName } from '../../../src-main/emulator'
import { diagnose } from '../../../src-main/diagnosis/rules'
import { takeSnapshot } from '../../../src-main/diagnosis/snapshot'
import { RouterClient } from '../../../src-main/peplink/client'

const fast = { scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 }

async function connect(firmware: string): Promise<{ emu: RunningEmulator; client: RouterClient }> {
  const emu = await startEmulator({ ...fast, firmware })
  const client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
  return { emu, client }
}

const EXPECTED: [ScenarioName, string[]][] = [
  ['healthy', []],
  ['no-sim', ['sim-not-detected:2', 'cellular-down:2']],
  ['sim-b-only', ['sim-not-detected:2:1', 'cellular-down:2']],
  ['allowance-exceeded', ['cellular-down:2', 'allowance-exceeded:2:1']],
  ['roaming', ['roaming:2:1']],
  ['poor-signal', ['signal:2']],
  ['cellular-down', ['cellular-down:2']],
  ['no-cable', ['no-cable:1']],
  ['wifi-wrong-key', ['wifi-result:3:PSK_AUTH_FAIL']],
  ['carrier-locked', ['cellular-down:2', 'carrier-lock:2:1']],
  ['pepvpn-down', ['pepvpn-profile:1', 'pepvpn-profile:2']],
  ['gps-no-fix', ['gps-no-fix']],
  ['same-priority', ['wan-priority-same']],
  ['wan-disabled', ['wan-disabled:2']],
]

describe('diagnosis against the emulated BR1 Pro 5G on 8.1.1', () => {
  let r: { emu: RunningEmulator; client: RouterClient }
  beforeAll(async () => (r = await connect('8.1.1')))
  afterAll(async () => {
    await r.client.close()
    await r.emu.close()
  })

  // Notes are left out: the emulated signal drifts, so a "fair RSRP" note comes and goes.
  it.each(EXPECTED)('scenario %s gives %j', async (scenario, ids) => {
    r.emu.applyScenario(scenario)
    const s = await takeSnapshot(r.client)
    expect(s.gaps).toEqual([])
    expect(diagnose(s).filter((f) => f.severity !== 'info').map((f) => f.id)).toEqual(ids)
  })

  it('finds a channel/PCI lock left on the router from the SIM\'s channelPciLock, with no help from the visit', async () => {
    r.emu.applyScenario('pci-locked')
    const all = diagnose(await takeSnapshot(r.client))
    // The locked cell's signal drifts around the poor/fair line, so the signal finding may be a
    // warning or a note; either way it names the lock as the thing to undo first.
    expect(all.filter((x) => x.severity !== 'info' && x.rule !== 'signal').map((x) => x.id)).toEqual(['pci-lock:2:1'])
    for (const sig of all.filter((x) => x.rule === 'signal')) expect(sig.explanation).toContain('A channel/PCI lock holds the modem on channel 3000 / PCI 371')
    const f = all.find((x) => x.rule === 'pci-lock')
    expect(f).toMatchObject({ id: 'pci-lock:2:1', severity: 'warning', evidence: { lockedChannel: 3000, lockedPci: 371, simInUse: true } })
    expect(f!.actions[0]).toMatchObject({ workflow: 'pci.clear', params: { connId: 2, simId: 1, lock: null } })
  })

  it('finds a lock on the SIM that is not in use (it bites at the next failover)', async () => {
    r.emu.applyScenario('healthy')
    const cellWan = r.emu.state.wans.find((w) => w.kind === 'cellular')
    if (cellWan?.kind === 'cellular') cellWan.cellular.sims[2].lock = { channel: 1450 }
    const f = diagnose(await takeSnapshot(r.client)).find((x) => x.rule === 'pci-lock')
    expect(f).toMatchObject({ id: 'pci-lock:2:2', severity: 'warning', evidence: { lockedChannel: 1450, lockedPci: null, simInUse: false } })
    expect(f!.title).toBe('SIM B on WAN 2 (Cellular) is locked to channel 1450')
  })
})

describe('diagnosis against the emulated BR1 Pro 5G on 8.5.2', () => {
  let r: { emu: RunningEmulator; client: RouterClient }
  beforeAll(async () => (r = await connect('8.5.2')))
  afterAll(async () => {
    await r.client.close()
    await r.emu.close()
  })

  it('reads the lock the router reports for the SIM (and the WAN says `locked`)', async () => {
    r.emu.applyScenario('pci-locked')
    const s = await takeSnapshot(r.client)
    expect(s.wans[1]!.locked).toBe(true)
    const f = diagnose(s).find((x) => x.rule === 'pci-lock')
    expect(f).toMatchObject({ id: 'pci-lock:2:1', severity: 'warning', evidence: { lockedChannel: 3000, lockedPci: 371 } })
  })

  it('sees the SIM in slot B that is not in use (the selection is derived on 8.3.0+)', async () => {
    r.emu.applyScenario('sim-b-only')
    const f = diagnose(await takeSnapshot(r.client)).find((x) => x.rule === 'sim-not-active')
    expect(f?.actions[0]).toMatchObject({ workflow: 'sim.switch', params: { connId: 2, enabledSim: [2], preferredSim: 2 } })
  })
})
