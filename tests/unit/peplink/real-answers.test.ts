/**
 * The client against answers real routers gave, collected from public material (each file in
 * tests/fixtures/real-answers names its source, device and firmware). Values are asserted, not
 * just "does not throw": these are the answers the 8.1.1 reference gets wrong.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diagnose } from '../../../src-main/diagnosis/rules'
import { parseEnvelope } from '../../../src-main/peplink/envelope'
import { normalizeClients, normalizeFirmware, normalizeWanStatus } from '../../../src-main/peplink/normalize'
import { healthy } from '../diagnosis/snapshots'

const DIR = join(__dirname, '../../fixtures/real-answers')

interface Fixture {
  source: { repository: string; path: string; commit?: string; url_or_doc?: string }
  device: string | null
  firmware: string | null
  endpoint: string
  note: string
  answer: unknown
}

function load(name: string): { fixture: Fixture; response: unknown } {
  const fixture = JSON.parse(readFileSync(join(DIR, name), 'utf8')) as Fixture
  // Through the client's own envelope parser, as the answer would arrive over HTTPS.
  const env = parseEnvelope({ status: 200, body: JSON.stringify(fixture.answer), contentType: 'application/json', setCookies: [] }, fixture.endpoint)
  if (env.stat !== 'ok') throw new Error(`${name}: not an ok answer`)
  return { fixture, response: env.response }
}

describe('the corpus', () => {
  it('names a source for every answer', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThanOrEqual(5)
    for (const f of files) {
      const { fixture } = load(f)
      expect(fixture.source.repository, f).toBeTruthy()
      expect(fixture.source.path || fixture.source.url_or_doc, f).toBeTruthy()
      expect(fixture.endpoint, f).toMatch(/^(status|info|cmd|config)\./)
    }
  })
})

describe('a dual-cellular MAX (status.wan.connection, 8.3-era)', () => {
  const { response } = load('max-dual-cellular-wan-status.json')
  const wans = normalizeWanStatus(response)

  it('reads every WAN kind with a proper type and state', () => {
    expect(wans.map((w) => [w.id, w.type, w.state])).toEqual([
      [1, 'ethernet', 'down'], [2, 'ethernet', 'down'], [3, 'cellular', 'connected'], [4, 'cellular', 'connected'],
      [5, 'modem', 'no-device'], [6, 'wifi', 'disabled'], [7, 'wifi', 'disabled'], [8, 'vlan', 'disabled'],
    ])
    expect(wans[2]!.message).toBe('Connected to Carrier1')
  })

  it('reads hasSmtp, per-SIM monitors, the module, the eSIM service and the reading time', () => {
    const c1 = wans[2]!
    expect(c1.allowanceMonitor).toEqual({ enable: false, hasSmtp: false })
    expect(c1.cellular!.sims.map((s) => s.allowanceMonitor)).toEqual([{ enable: false, hasSmtp: false }, { enable: false, hasSmtp: false }])
    expect(c1.cellular!.module).toEqual({ model: 'Model1', firmware: 'VF.008', imei: '1111111111111', powerOn: true })
    expect(c1.cellular!.speedfusionConnect).toEqual({ active: false, iccid: '1111111111111' })
    expect(c1.cellular!.simInUse).toEqual({ kind: 'physical', simId: 1 })
    expect(c1.cellular!.bands).toEqual([{ name: 'LTE Band 1 (2100 MHz)', channel: 100, channelWidth: '20 MHz', rssi: -63, sinr: 19.4, rsrp: -90, rsrq: -8 }])
    expect(c1.reading).toEqual({ timestamp: 1693680864, reportTimestamp: 1693680864, ageSeconds: 0 })
    expect(c1.managementOnly).toBe(false)
    expect(c1.extra).toEqual({})
  })
})

describe('a MAX BR1 5G with its cellular WAN in standby on the eSIM', () => {
  const { response } = load('br1-5g-cellular-standby-sfc-esim.json')
  const wans = normalizeWanStatus(response)
  const cell = wans[1]!

  it('is standby, not down, and carried by the SpeedFusion Connect eSIM', () => {
    expect(cell).toMatchObject({ state: 'standby', connected: false, uptime: 0, ip: '10.5.217.34' })
    expect(cell.cellular!.simInUse).toEqual({ kind: 'esim' })
    expect(cell.cellular!.activeSimId).toBeUndefined()
    expect(cell.cellular!.module).toMatchObject({ manufacturer: 'Quectel', model: 'RM520N-GL', firmware: 'RM520NGLAAR01A08M4G' })
    expect(wans[2]).toMatchObject({ type: 'wifi', state: 'disabled' })
  })

  it('gives no SIM or link advice, and names an unnamed band in words', () => {
    const s = healthy()
    s.wans = wans
    s.signal = []
    s.simSelections = []
    s.allowance = []
    s.wifiResults = []
    s.carrierSelections = []
    const findings = diagnose(s)
    expect(findings.filter((f) => /^(sim-|cellular-down)/.test(f.rule))).toEqual([])
    const rsrp = findings.find((f) => f.rule === 'signal')!
    expect(rsrp.explanation).toContain('-111 dBm on the serving band is poor')
    expect(rsrp.explanation).not.toMatch(/ {2}|on {2}is/)
  })
})

describe('a Balance with seven wired WANs and a USB modem (8.5-style connection[] array)', () => {
  const { response } = load('balance-8wan-wan-status-connection-array.json')
  const wans = normalizeWanStatus(response)

  it('reads the map once (connection[] repeats it) in the answer order', () => {
    expect(wans.map((w) => w.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(wans.map((w) => w.state)).toEqual(['connected', 'connected', 'connected', 'disabled', 'disabled', 'disabled', 'disabled', 'disabled'])
    expect(wans[7]).toMatchObject({ type: 'modem', name: 'Mobile Internet' })
  })

  it('gives no priority advice for wired WANs load-balanced at one priority', () => {
    const s = healthy()
    s.wans = wans
    expect(diagnose(s).filter((f) => f.rule.startsWith('wan-priority'))).toEqual([])
  })
})

describe('status.client on 8.5 (list and client both sent)', () => {
  it('reads each client once, with its VLAN', () => {
    const { response } = load('balance-status-client-list-and-client.json')
    const clients = normalizeClients(response)
    expect(clients.map((c) => [c.name, c.vlanId, c.connectionType])).toEqual([['UDM Pro WAN1', 100, 'ethernet'], ['UDM Pro WAN2', 110, 'ethernet']])
  })
})

describe('firmware slots (8.3.0)', () => {
  it('reads a build string with a letter suffix and the slot in use', () => {
    const { response } = load('info-frw-version-8.3.0.json')
    const fw = normalizeFirmware(response)
    expect(fw.running).toBe('8.3.0 build 5229')
    expect(fw.slots.map((s) => [s.id, s.version, s.inUse])).toEqual([[1, '8.2.0s036 build 4979', false], [2, '8.3.0 build 5229', true]])
  })
})
