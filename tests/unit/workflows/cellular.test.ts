import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startEmulator, type RunningEmulator } from '../../../src-main/emulator'
import { RouterClient } from '../../../src-main/peplink/client'
import { CancelledError, DeviceError, UnsupportedError, ValidationError } from '../../../src-main/peplink/errors'
import { scanCarriers, selectCarrier } from '../../../src-main/workflows/carrier'
import { lockChannelPci, scanChannelPci } from '../../../src-main/workflows/pci'
import { getSimSlots, moduleAction, newBillingCycle, switchSims } from '../../../src-main/workflows/sim'
import type { Progress } from '../../../src-main/workflows/types'

let emu: RunningEmulator
let client: RouterClient
const fast = { pollMs: 50 }

async function open(opts: Parameters<typeof startEmulator>[0] = {}) {
  emu = await startEmulator({ scanDurationMs: 300, reconnectMs: 150, wifiConnectMs: 150, ...opts })
  client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
}
beforeEach(() => open())
afterEach(async () => {
  await client.close()
  await emu.close()
})

describe('carrier scan and select', () => {
  it('reports partial results while scanning, then the full list with the carrier in use marked', async () => {
    const progress: Progress[] = []
    const r = await scanCarriers(client, { connId: 2 }, { ...fast, onProgress: (p) => progress.push(p) })
    expect(r.complete).toBe(true)
    expect(r.carriers.length).toBeGreaterThanOrEqual(3)
    expect(r.carriers.filter((c) => c.inUse)).toHaveLength(1)
    expect(progress.some((p) => p.step === 'scanning')).toBe(true)
    expect(r.summary).toMatch(/Scan finished in \d+ s: \d+ networks found/)
  })

  it('stops at the deadline with what it has, and can resume', async () => {
    await client.close()
    await emu.close()
    await open({ scanDurationMs: 3000 })
    const partial = await scanCarriers(client, { connId: 2 }, { ...fast, timeoutMs: 200 })
    expect(partial.complete).toBe(false)
    expect(partial.summary).toMatch(/had not finished/)
    const resumed = await scanCarriers(client, { connId: 2, resume: true }, { ...fast, timeoutMs: 10_000 })
    expect(resumed.complete).toBe(true)
  })

  it('can be cancelled', async () => {
    const abort = new AbortController()
    const p = scanCarriers(client, { connId: 2 }, { ...fast, signal: abort.signal, onProgress: (x) => x.step === 'scanning' && abort.abort() })
    await expect(p).rejects.toBeInstanceOf(CancelledError)
  })

  it('says a wired WAN cannot scan before trying', async () => {
    await expect(scanCarriers(client, { connId: 1 }, fast)).rejects.toThrow(/needs a cellular WAN; WAN 1 \("WAN"\) is ethernet/)
  })

  it('selects a carrier and verifies the WAN came back on it, with signal before and after', async () => {
    const scan = await scanCarriers(client, { connId: 2 }, fast)
    const other = scan.carriers.find((c) => !c.inUse && c.mobileType === 'LTE')!
    const r = await selectCarrier(client, { connId: 2, carrier: other }, fast)
    expect(r.verified).toBe(true)
    expect(r.signalAfter.carrier).toBe(other.name)
    expect(r.signalBefore.carrier).not.toBe(other.name)
    expect(r.reconnectedAfterMs).toBeGreaterThan(0)
    expect(r.summary).toMatch(new RegExp(`Carrier changed to ${other.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}; link back up in \\d+ s`))
    const auto = await selectCarrier(client, { connId: 2, carrier: null }, fast)
    expect(auto.verified).toBe(true)
  })

  it('reports, with the WAN message, a carrier the modem cannot register on', async () => {
    const r = await selectCarrier(client, { connId: 2, carrier: { name: 'Nowhere', mcc: '999', mnc: '99', pcs: 0 } }, { ...fast, timeoutMs: 800 })
    expect(r.verified).toBe(false)
    expect(r.summary).toMatch(/did not come back on Nowhere .* The router says: "Unable to register/)
  })

  it('surfaces the router refusing', async () => {
    emu.faults.failNext('cmd.carrier.select', { code: 500, message: 'Modem busy' })
    await expect(selectCarrier(client, { connId: 2, carrier: null }, fast)).rejects.toBeInstanceOf(DeviceError)
  })
})

describe('channel / PCI', () => {
  it('scans cells and marks the serving one', async () => {
    const r = await scanChannelPci(client, { connId: 2 }, fast)
    expect(r.complete).toBe(true)
    expect(r.cells.filter((c) => c.serving)).toHaveLength(1)
  })

  it('verifies a lock by the band channel on firmware that reports it (8.5.2), and clears it', async () => {
    await client.close()
    await emu.close()
    await open({ firmware: '8.5.2' })
    const scan = await scanChannelPci(client, { connId: 2 }, fast)
    const target = scan.cells.find((c) => !c.serving && c.plmn.some((p) => p.mcc === '454' && Number(p.mnc) === 0))!
    const r = await lockChannelPci(client, { connId: 2, simId: 1, lock: { channel: target.earfcn, pci: target.pci } }, fast)
    expect(r.verified).toBe(true)
    expect(r.signalAfter.bands.some((b) => b.channel === target.earfcn)).toBe(true)
    expect(r.warning).toMatch(/no service/)
    const cleared = await lockChannelPci(client, { connId: 2, simId: 1, lock: null }, fast)
    expect(cleared.verified).toBe(true)
  })

  it('lists each cell\'s band and RSRP/RSRQ where the router reports them (8.5), strongest first', async () => {
    await client.close()
    await emu.close()
    await open({ firmware: '8.5.2' })
    const r = await scanChannelPci(client, { connId: 2 }, fast)
    expect(r.cells.every((c) => typeof c.rsrp === 'number' && typeof c.rsrq === 'number' && typeof c.band === 'string')).toBe(true)
    const rsrp = r.cells.map((c) => c.rsrp!)
    expect(rsrp).toEqual([...rsrp].sort((a, b) => b - a))
    expect(r.cells.filter((c) => c.serving)).toHaveLength(1)
  })

  it('stops waiting as soon as the router says the locked cell cannot be used (another operator\'s cell)', async () => {
    const scan = await scanChannelPci(client, { connId: 2 }, fast)
    // SIM A is on .csl (454-00); a SmarTone (454-06) cell cannot serve it.
    const other = scan.cells.find((c) => c.plmn.every((p) => Number(p.mnc) === 6))!
    const r = await lockChannelPci(client, { connId: 2, simId: 1, lock: { channel: other.earfcn, pci: other.pci } }, { ...fast, timeoutMs: 600_000 })
    expect(r).toMatchObject({ verified: false, failed: true })
    expect(r.summary).toMatch(/^The modem cannot use channel \d+ \/ PCI \d+: after \d+ s the router says "Unable to connect to the locked channel"\. .*clear it now\.$/)
    const cleared = await lockChannelPci(client, { connId: 2, simId: 1, lock: null }, fast)
    expect(cleared.verified).toBe(true)
  })

  it('refuses a PCI outside the firmware range before sending', async () => {
    await client.close()
    await emu.close()
    await open({ firmware: '8.5.2' })
    await expect(lockChannelPci(client, { connId: 2, simId: 1, lock: { channel: 1350, pci: 600 } }, fast)).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('SIM switching, module and allowance', () => {
  it('shows each slot and switches SIMs, verifying the active SIM and the time it took', async () => {
    const slots = await getSimSlots(client, 2)
    expect(slots.slots.map((s) => [s.id, s.detected, s.active, s.enabled])).toEqual([[1, true, true, true], [2, true, false, true]])
    expect(JSON.stringify(slots)).not.toMatch(/"password"/)
    const r = await switchSims(client, { connId: 2, enabledSim: [2], preferredSim: 2 }, fast)
    expect(r).toMatchObject({ activeBefore: 1, activeAfter: 2, verified: true })
    expect(r.summary).toMatch(/Now on SIM B/)
  })

  it('refuses to disable every SIM', async () => {
    await expect(switchSims(client, { connId: 2, enabledSim: [], preferredSim: null }, fast)).rejects.toThrow(/at least one SIM/)
  })

  it('says so when the chosen SIM has no card', async () => {
    emu.applyScenario('sim-b-only')
    const r = await switchSims(client, { connId: 2, enabledSim: [1], preferredSim: 1 }, fast)
    expect(r.verified).toBe(false)
    expect(r.summary).toMatch(/none of the enabled SIM slots has a card/)
  })

  it('resets the module: the link goes down and comes back', async () => {
    const r = await moduleAction(client, { connId: 2, action: 'reset' }, fast)
    expect(r).toMatchObject({ wentDown: true, verified: true })
  })

  it('times out clearly when the link does not come back', async () => {
    emu.applyScenario('cellular-down')
    const r = await moduleAction(client, { connId: 2, action: 'reset' }, { ...fast, timeoutMs: 600 })
    expect(r.verified).toBe(false)
    expect(r.summary).toMatch(/not back within/)
  })

  it('starts a new billing cycle', async () => {
    const r = await newBillingCycle(client, { connId: 2, simId: 1 })
    expect(r.allowance?.usage).toBe(0)
  })

  it('says a firmware too old for carrier selection before trying', async () => {
    await client.close()
    await emu.close()
    await open({ firmware: '8.0.0' })
    await expect(selectCarrier(client, { connId: 2, carrier: null }, fast)).rejects.toBeInstanceOf(UnsupportedError)
  })
})
