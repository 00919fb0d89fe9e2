/**
 * Real device families end to end over HTTPS: each emulated family answers as real routers of
 * that family do, the client reads what they add (state, module, eSIM, per-SIM allowance,
 * reading age), and the diagnosis gives no disruptive advice where the router is healthy for
 * its family.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { MODELS, startEmulator, type ModelId, type RunningEmulator, type ScenarioName } from '../../../src-main/emulator'
import { diagnose } from '../../../src-main/diagnosis/rules'
import { takeSnapshot } from '../../../src-main/diagnosis/snapshot'
import { RouterClient } from '../../../src-main/peplink/client'
import { UnsupportedError } from '../../../src-main/peplink/errors'
import { getSimSlots, switchSims } from '../../../src-main/workflows/sim'

const fast = { scanDurationMs: 200, reconnectMs: 100, wifiConnectMs: 100 }
const open: { emu: RunningEmulator; client: RouterClient }[] = []

async function router(model: ModelId, firmware: string, scenario?: ScenarioName): Promise<{ emu: RunningEmulator; client: RouterClient }> {
  const emu = await startEmulator({ ...fast, model, firmware })
  if (scenario) emu.applyScenario(scenario)
  const client = new RouterClient({ host: emu.host, port: emu.port, pin: emu.fingerprint256, credentials: { kind: 'admin', ...emu.credentials } })
  await client.open()
  open.push({ emu, client })
  return { emu, client }
}

afterAll(async () => {
  for (const r of open) {
    await r.client.close()
    await r.emu.close()
  }
})

/** Findings a technician must act on (warnings and problems), and the disruptive actions offered. */
function actionable(s: Awaited<ReturnType<typeof takeSnapshot>>) {
  const findings = diagnose(s).filter((f) => f.severity !== 'info')
  return { ids: findings.map((f) => f.id), disruptive: findings.flatMap((f) => f.actions.filter((a) => a.disruptive).map((a) => a.label)) }
}

const NO_GPS: ModelId[] = ['balance-380', 'balance-710', 'fusionhub']

describe.each(['8.1.1', '8.3.0', '8.5.2'])('every family on firmware %s', (firmware) => {
  it.each(MODELS)('%s: healthy, read without gaps, and no disruptive advice', async (model) => {
    const { client } = await router(model, firmware)
    const s = await takeSnapshot(client)
    // A model without GPS says so ("Unsupported request"): noted as unavailable, never as a failure.
    expect(s.gaps.map((g) => [g.call, g.status])).toEqual(NO_GPS.includes(model) ? [['info.location', 'unavailable']] : [])
    expect(actionable(s)).toEqual({ ids: [], disruptive: [] })
    for (const w of s.wans) expect(w.type, `WAN ${w.id} (${w.rawType})`).not.toBe('other')
  })
})

describe('what each family adds', () => {
  it('MAX BR1 Pro 5G on 8.5.2: module identity, SpeedFusion Connect present but idle, per-SIM monitors with hasSmtp, reading time', async () => {
    const { client } = await router('br1-pro-5g', '8.5.2', 'allowance-per-sim')
    const cell = (await client.api.wanStatus()).find((w) => w.type === 'cellular')!
    expect(cell.cellular!.module).toEqual({ manufacturer: 'Quectel', model: 'RM520N-GL', firmware: 'RM520NGLAAR03A07M4G', imei: '861234567890123', powerOn: true })
    expect(cell.cellular!.speedfusionConnect).toEqual({ active: false, imsi: '454129000012345' })
    expect(cell.cellular!.simInUse).toEqual({ kind: 'physical', simId: 1 })
    const [a, b] = cell.cellular!.sims
    expect(a!.allowanceMonitor).toEqual({ enable: true, hasSmtp: true, action: ['email'], start: 1, monthlyAllowance: { value: 10240, unit: 'MB' } })
    expect(b!.allowanceMonitor).toEqual({ enable: true, hasSmtp: true, action: ['email', 'disconnect'], start: 15, monthlyAllowance: { value: 5120, unit: 'MB' } })
    expect(cell.reading!.ageSeconds).toBe(1)
  })

  it('eSIM in use with the physical SIM idle: no SIM advice, and switching says it leaves the eSIM', async () => {
    const { client } = await router('br1-pro-5g', '8.5.2', 'esim-in-use')
    const s = await takeSnapshot(client)
    const cell = s.wans.find((w) => w.type === 'cellular')!
    expect(cell.connected).toBe(true)
    expect(cell.cellular!.activeSimId).toBeUndefined()
    expect(cell.cellular!.simInUse).toEqual({ kind: 'esim' })
    expect(diagnose(s).filter((f) => f.rule.startsWith('sim-'))).toEqual([])
    const slots = await getSimSlots(client, cell.id)
    expect(slots.simInUse).toEqual({ kind: 'esim' })
    expect(slots.slots.map((x) => [x.id, x.detected, x.active])).toEqual([[1, true, false], [2, false, false]])
    const moved = await switchSims(client, { connId: cell.id, enabledSim: [1], preferredSim: 1 })
    expect(moved.verified).toBe(true)
    expect(moved.summary).toMatch(/^Now on SIM A .*no longer on the SpeedFusion Connect eSIM; link back up/)
  })

  it('cold standby: the backup reads "standby", keeps its address, and is not reported down', async () => {
    const { client } = await router('br1-pro-5g', '8.3.0', 'cold-standby')
    const s = await takeSnapshot(client)
    const cell = s.wans.find((w) => w.type === 'cellular')!
    expect(cell).toMatchObject({ state: 'standby', connected: false, statusLed: 'yellow', message: 'Standby', uptime: 0 })
    expect(cell.ip).toBeDefined()
    expect(actionable(s)).toEqual({ ids: [], disruptive: [] })
  })

  it('cold standby takes over when the link ahead of it fails', async () => {
    const { emu, client } = await router('br1-pro-5g', '8.3.0', 'cold-standby')
    const wan1 = emu.state.wans[0]!
    if (wan1.kind === 'ethernet') wan1.cable = false
    const wans = await client.api.wanStatus()
    expect(wans.map((w) => w.state)).toEqual(['down', 'connected', 'connected'])
  })

  it('MAX HD2: two modems, four SIMs, each module named', async () => {
    const { client } = await router('max-hd2', '8.5.2')
    const cells = (await client.api.wanStatus()).filter((w) => w.type === 'cellular')
    expect(cells.map((w) => [w.id, w.name, w.cellular!.module?.manufacturer, w.cellular!.sims.length])).toEqual([
      [2, 'Cellular 1', 'Quectel', 2],
      [3, 'Cellular 2', 'Sierra Wireless', 2],
    ])
    expect(cells.map((w) => w.cellular!.module!.imei)).toEqual(['861234567890123', '867890123456789'])
  })

  it('Balance 710: five wired WANs at one priority, a VLAN WAN and a USB modem in standby; no priority advice', async () => {
    const { client } = await router('balance-710', '8.5.2')
    const s = await takeSnapshot(client)
    expect(s.wans.map((w) => [w.id, w.type, w.state])).toEqual([
      [1, 'ethernet', 'connected'], [2, 'ethernet', 'connected'], [3, 'ethernet', 'connected'], [4, 'ethernet', 'connected'], [5, 'ethernet', 'connected'],
      [6, 'vlan', 'connected'], [7, 'modem', 'standby'],
    ])
    expect(s.wans[5]).toMatchObject({ rawType: 'wovlan', vlanId: 100, portId: 1 })
    expect(s.wans[6]!.cellular!.modem).toMatchObject({ manufacturer: 'Huawei', name: 'E3372' })
    expect(diagnose(s).filter((f) => f.rule.startsWith('wan-priority'))).toEqual([])
  })

  it('a USB modem port left empty is named as such, not as a generic failure', async () => {
    const { emu, client } = await router('balance-710', '8.5.2')
    const usb = emu.state.wans.find((w) => w.kind === 'modem')!
    if (usb.kind === 'modem') usb.device = null
    const s = await takeSnapshot(client)
    expect(s.wans[6]).toMatchObject({ state: 'no-device', message: 'No Device Detected' })
    expect(diagnose(s).filter((f) => f.wanId === 7).map((f) => [f.id, f.severity])).toEqual([['wan-no-device:7', 'info']])
  })

  it('FusionHub: one virtual WAN, and info.location is Unsupported request as on a real one', async () => {
    const { client } = await router('fusionhub', '8.5.2')
    const wans = await client.api.wanStatus()
    expect(wans.map((w) => [w.type, w.virtual, w.state])).toEqual([['ethernet', true, 'connected']])
    await expect(client.api.location()).rejects.toBeInstanceOf(UnsupportedError)
  })

  it('stale readings: the age comes from the router clock and is flagged', async () => {
    const { client } = await router('br1-pro-5g', '8.5.2', 'stale-readings')
    const cell = (await client.api.wanStatus()).find((w) => w.type === 'cellular')!
    expect(cell.reading!.ageSeconds).toBe(901)
  })
})
