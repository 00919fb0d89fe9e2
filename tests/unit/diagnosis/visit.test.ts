import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { advance, evaluateStep, startGuide } from '../../../src-main/diagnosis/guides'
import { appliedPciLocks, isSecretKey, stripSecrets, visitOutcome, type VisitAction } from '../../../src-main/diagnosis/visit'
import { VisitStore } from '../../../src-main/diagnosis/visit-store'
import { down, healthy, snap } from './snapshots'

const device = { id: 'dev-1', name: 'Depot BR1', host: '192.168.50.1', model: 'BR1 Pro 5G' }
const action = (over: Partial<VisitAction> = {}): VisitAction => ({ at: '2025-03-01T10:05:00.000Z', action: 'cellular.selectCarrier', params: { connId: 2 }, outcome: 'ok', summary: 'Done.', ...over })

describe('stripSecrets', () => {
  it('masks secret-named fields in any case and at any depth, keeping flags and other values', () => {
    const out = stripSecrets({
      connId: 3, ssid: 'Site-Office', key: 'wifi-key-123', Password: 'p1', nested: { APN_Password: 'apn-secret', simPin: 1234, list: [{ clientSecret: 'cs' }, { accessToken: 't0k' }] },
      psk: 'x', token: 'y', hasKey: true, hasApnPassword: false, wanKey: '2', tokenHint: '…1794', secret: null, username: 'admin',
    })
    expect(out).toEqual({
      connId: 3, ssid: 'Site-Office', key: '[redacted]', Password: '[redacted]', nested: { APN_Password: '[redacted]', simPin: '[redacted]', list: [{ clientSecret: '[redacted]' }, { accessToken: '[redacted]' }] },
      psk: '[redacted]', token: '[redacted]', hasKey: true, hasApnPassword: false, wanKey: '2', tokenHint: '…1794', secret: null, username: 'admin',
    })
  })

  it('knows the secret field names', () => {
    for (const k of ['password', 'PSK', 'wpaKey', 'preSharedKey', 'eap-password', 'client_secret', 'refreshToken', 'sim_pin', 'passphrase']) expect(isSecretKey(k), k).toBe(true)
    for (const k of ['ssid', 'connId', 'username', 'loginId', 'wanKey', 'tokenHint', 'channel']) expect(isSecretKey(k), k).toBe(false)
  })
})

describe('appliedPciLocks', () => {
  it('follows locks and clears through the action log, ignoring failed attempts', () => {
    const log = [
      action({ action: 'cellular.lockPci', params: { connId: 2, simId: 1, lock: { channel: 3000, pci: 371 } } }),
      action({ action: 'cellular.lockPci', params: { connId: 2, simId: 2, lock: { channel: 1300 } } }),
      action({ action: 'cellular.lockPci', params: { connId: 2, simId: 2, lock: null } }),
      action({ action: 'cmd.channelPci.lock', params: { connId: 4, sim: [{ id: 1, value: { channel: 6300, pci: 10 } }] }, outcome: 'failed' }),
      action({ action: 'cellular.selectCarrier', params: { connId: 2, carrier: null } }),
    ]
    expect(appliedPciLocks(log)).toEqual([{ wanId: 2, simId: 1, channel: 3000, pci: 371 }])
  })
})

describe('VisitStore', () => {
  let dir: string
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'uplink-visits-'))))
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('starts a visit with the first snapshot and its findings, saved under visits/<device>/<visit>.json', async () => {
    const store = new VisitStore(dir, { now: () => new Date('2025-03-01T10:00:00Z'), random: () => 'ab12' })
    const first = snap((s) => down(s, 1, 'No Cable Detected'))
    const { visit, resumed } = await store.start(device, first)
    expect(resumed).toBe(false)
    expect(visit).toMatchObject({ id: '20250301T100000Z-ab12', deviceId: 'dev-1', deviceName: 'Depot BR1', host: '192.168.50.1', deviceModel: 'BR1 Pro 5G', notes: '', actions: [], guides: [] })
    expect(visit.findings.map((f) => f.id)).toEqual(['no-cable:1'])
    const onDisk = JSON.parse(await readFile(join(dir, 'visits', 'dev-1', '20250301T100000Z-ab12.json'), 'utf8'))
    expect(onDisk).toEqual(visit)
  })

  it('resumes the open visit after a crash, with every action, note and guide kept', async () => {
    const a = new VisitStore(dir)
    const { visit } = await a.start(device, healthy())
    await Promise.all([
      a.recordAction('dev-1', action({ action: 'wifi.connect', params: { connId: 3, ssid: 'Site-Office', key: 'Hunter2-wifi-key', securityPolicy: 'wpa-psk' }, summary: 'Connected.' })),
      a.setNotes('dev-1', 'Antenna cable replaced.'),
    ])
    let g = startGuide('cellular-down')
    g = advance(evaluateStep(g, healthy()).progress)
    await a.saveGuide('dev-1', g)
    // "Crash": a new store on the same folder, nothing in memory.
    const b = new VisitStore(dir)
    const open = await b.openVisit('dev-1')
    expect(open?.id).toBe(visit.id)
    expect(open!.notes).toBe('Antenna cable replaced.')
    expect(open!.actions).toHaveLength(1)
    expect(open!.guides).toEqual([g])
    const again = await b.start(device, snap((s) => down(s, 2, 'Disconnected')))
    expect(again.resumed).toBe(true)
    expect(again.visit.id).toBe(visit.id)
    expect(again.visit.lastSnapshot?.wans[1]!.message).toBe('Disconnected')
    expect(again.visit.findings.map((f) => f.id)).toEqual(['cellular-down:2'])
  })

  it('strips secrets from actions before they are written', async () => {
    const store = new VisitStore(dir)
    await store.start(device, healthy())
    await store.recordAction('dev-1', action({ params: { connId: 3, key: 'Hunter2-wifi-key', password: 'eap-pass-77' }, summary: 'failed: password=eap-pass-77' }))
    const files = await readdir(join(dir, 'visits', 'dev-1'))
    const text = await readFile(join(dir, 'visits', 'dev-1', files.find((f) => f.endsWith('.json'))!), 'utf8')
    expect(text).not.toContain('Hunter2-wifi-key')
    expect(text).not.toContain('eap-pass-77')
    expect((await store.openVisit('dev-1'))!.actions[0]!.params).toEqual({ connId: 3, key: '[redacted]', password: '[redacted]' })
  })

  it('strips secrets a snapshot carries in unmodelled fields', async () => {
    const store = new VisitStore(dir)
    await store.start(device, snap((s) => (s.wans[1]!.cellular!.extra = { apnPassword: 'apn-pw-zz9' })))
    const files = await readdir(join(dir, 'visits', 'dev-1'))
    expect(await readFile(join(dir, 'visits', 'dev-1', files[0]!), 'utf8')).not.toContain('apn-pw-zz9')
  })

  it('finishes a visit, lists it, and starts a new one next time', async () => {
    let n = 0
    const store = new VisitStore(dir, { now: () => new Date(Date.UTC(2025, 2, 1, 10, n++)) })
    await store.start(device, snap((s) => down(s, 1, 'No Cable Detected')))
    await store.recordAction('dev-1', action())
    const done = await store.finish('dev-1', healthy())
    expect(done.endedAt).toBeDefined()
    expect(done.findings).toEqual([])
    expect(visitOutcome(done).fixed.map((f) => f.id)).toEqual(['no-cable:1'])
    expect(await store.openVisit('dev-1')).toBeUndefined()
    await expect(store.setNotes('dev-1', 'late')).rejects.toThrow(/no open visit/)
    const next = await store.start(device, healthy())
    expect(next.resumed).toBe(false)
    const list = await store.listReports('dev-1')
    expect(list.map((v) => [v.id, v.open, v.actions])).toEqual([[next.visit.id, true, 0], [done.id, false, 1]])
    expect(await store.listReports('other-device')).toEqual([])
  })

  it('skips unreadable files and refuses ids that could leave the folder', async () => {
    const store = new VisitStore(dir)
    await store.start(device, healthy())
    await writeFile(join(dir, 'visits', 'dev-1', 'broken.json'), '{not json')
    expect(await store.listReports('dev-1')).toHaveLength(1)
    await expect(store.listReports('../etc')).rejects.toThrow(/not valid/)
  })

  it('records nothing when no visit is open', async () => {
    const store = new VisitStore(dir)
    expect(await store.recordAction('dev-1', action())).toBeUndefined()
    const rec = store.asActionRecorder()
    await store.start(device, healthy())
    await rec.record({ ...action(), deviceId: 'dev-1' })
    expect(await rec.list('dev-1')).toEqual([{ ...action(), deviceId: 'dev-1' }])
  })
})
