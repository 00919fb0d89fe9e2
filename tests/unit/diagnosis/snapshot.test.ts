import { describe, expect, it } from 'vitest'
import { takeSnapshot } from '../../../src-main/diagnosis/snapshot'
import type { RouterClient } from '../../../src-main/peplink/client'
import { CancelledError, DeviceError, UnsupportedError } from '../../../src-main/peplink/errors'
import { atLeast } from '../../../src-main/peplink/version'
import { healthy } from './snapshots'

/** A RouterClient stand-in answering from the healthy snapshot; `over` replaces single calls. */
function fakeClient(firmware: string | undefined, over: Record<string, (p: any) => Promise<unknown>> = {}) {
  const h = healthy()
  const calls: string[] = []
  const api: Record<string, (p: any) => Promise<unknown>> = {
    wanStatus: async (p) => (p?.id ? h.wans.filter((w) => p.id.includes(w.id)) : h.wans),
    signalLegacy: async () => h.signal,
    allowance: async () => h.allowance,
    pepvpn: async () => h.pepvpn,
    location: async () => h.location,
    firmware: async () => h.firmwareInfo,
    clients: async () => [{ mac: 'a', active: true }, { mac: 'b', active: false }],
    lanProfiles: async () => [{ id: 1, ip: '192.168.50.1', mask: 24 }],
    simSelection: async () => ({ enabledSims: [1], preferredSim: 1 }),
    wifiResult: async () => h.wifiResults[0]!.result,
    carrierScanResult: async () => ({ status: 'done', carriers: [{ name: 'X', mcc: '234', mnc: '15' }], activeSimId: 1, selectedCarrier: { name: 'Vodafone UK', mcc: '234', mnc: '15' } }),
    ...over,
  }
  const client = {
    firmware,
    host: '192.168.50.1',
    supports: (v: string) => firmware === undefined || atLeast(firmware, v),
    api: new Proxy(api, { get: (t, k: string) => (p: unknown) => (calls.push(k), t[k]!(p)) }),
  } as unknown as RouterClient
  return { client, calls }
}

describe('takeSnapshot', () => {
  it('collects every part of the router state, with the time and firmware', async () => {
    const { client, calls } = fakeClient('8.1.1 build 5121')
    const s = await takeSnapshot(client, { now: () => new Date('2025-03-01T10:00:00Z') })
    expect(s.takenAt).toBe('2025-03-01T10:00:00.000Z')
    expect(s.firmware).toBe('8.1.1 build 5121')
    expect(s.wans.map((w) => w.id)).toEqual([1, 2, 3])
    expect(s.signal[0]!.bands[0]!.rsrp).toBe(-85)
    expect(s.simSelections).toEqual([{ wanId: 2, selection: { enabledSims: [1], preferredSim: 1, derived: false } }])
    expect(s.wifiResults[0]).toMatchObject({ wanId: 3, result: { result: 'CONNECTED' } })
    expect(s.carrierSelections).toEqual([{ wanId: 2, simId: 1, selected: { name: 'Vodafone UK', mcc: '234', mnc: '15' } }])
    expect(s.clients).toEqual({ total: 2, active: 1 })
    expect(s.location?.gps).toBe(true)
    expect(s.gaps).toEqual([])
    // Per-WAN calls only for the WANs of that type.
    expect(calls.filter((c) => c === 'wifiResult')).toHaveLength(1)
    expect(calls.filter((c) => c === 'carrierScanResult')).toHaveLength(1)
  })

  it('is plain JSON: it survives a round trip unchanged', async () => {
    const s = await takeSnapshot(fakeClient('8.1.1').client)
    expect(JSON.parse(JSON.stringify(s))).toEqual(s)
  })

  it('records calls the router lacks as unavailable and other failures with their message', async () => {
    const { client } = fakeClient('8.1.1', {
      location: async () => { throw new UnsupportedError('This router does not support info.location.', { endpoint: 'info.location' }) },
      pepvpn: async () => { throw new DeviceError('status.pepvpn', 500, 'Internal Error') },
    })
    const s = await takeSnapshot(client)
    expect(s.location).toBeUndefined()
    expect(s.pepvpn).toBeUndefined()
    expect(s.gaps).toEqual([
      { call: 'info.location', status: 'unavailable', message: 'This router does not support info.location.' },
      { call: 'status.pepvpn', status: 'failed', message: expect.stringContaining('Internal Error') },
    ])
    expect(s.wans).toHaveLength(3)
  })

  it('does not ask for location or the carrier selection on firmware before 8.0.1', async () => {
    const { client, calls } = fakeClient('8.0.0 build 1')
    const s = await takeSnapshot(client)
    expect(calls).not.toContain('location')
    expect(calls).not.toContain('carrierScanResult')
    expect(s.gaps.find((g) => g.call === 'info.location')).toMatchObject({ status: 'unavailable' })
    expect(s.carrierSelections).toEqual([])
  })

  it('still returns a snapshot when the WAN status fails', async () => {
    const { client } = fakeClient('8.1.1', { wanStatus: async () => { throw new Error('socket hang up') } })
    const s = await takeSnapshot(client)
    expect(s.wans).toEqual([])
    expect(s.gaps.find((g) => g.call === 'status.wan.connection')).toMatchObject({ status: 'failed', message: 'socket hang up' })
  })

  it('keeps a carrier answer that does not report a selection out of the snapshot', async () => {
    const { client } = fakeClient('8.1.1', { carrierScanResult: async () => ({ status: 'done', carriers: [] }) })
    expect((await takeSnapshot(client)).carrierSelections).toEqual([])
  })

  it('carries the locks applied through Uplink that the caller passes in', async () => {
    const s = await takeSnapshot(fakeClient('8.1.1').client, { pciLocksApplied: [{ wanId: 2, simId: 1, channel: 3000 }] })
    expect(s.pciLocksApplied).toEqual([{ wanId: 2, simId: 1, channel: 3000 }])
  })

  it('stops when cancelled', async () => {
    const abort = new AbortController()
    abort.abort()
    const { client } = fakeClient('8.1.1', { allowance: async () => { throw new CancelledError('status.wan.connection.allowance') } })
    await expect(takeSnapshot(client, { signal: abort.signal })).rejects.toBeInstanceOf(CancelledError)
  })
})
