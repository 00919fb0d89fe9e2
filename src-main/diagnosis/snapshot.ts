/**
 * A snapshot: everything the router will say about itself, fetched side by side so one
 * snapshot costs about the slowest call. Calls the router lacks are recorded as unavailable,
 * other failures with their message; only cancellation stops the snapshot.
 *
 * Locks. No endpoint reads back a channel/PCI lock, so the snapshot keeps what can be known:
 * - `Wan.locked` (8.5.x devices send it; the reference only says "WAN is locked"), read by
 *   the rules as a channel/PCI (or band) lock in place;
 * - the router's message, which names a locked channel when it cannot reach it;
 * - locks Uplink itself applied during the visit and has not cleared, passed in by the caller
 *   from the action log (`appliedPciLocks` in visit.ts);
 * - the manual carrier selection, from GET `cmd.carrier.scan` with `reference=yes` (8.0.1+),
 *   the one read-back that exists.
 * The serving band's `channel` is kept in `wans` but proves nothing on its own.
 */
import type { RouterClient } from '../peplink/client'
import { CancelledError, UnsupportedError, UplinkError } from '../peplink/errors'
import { getSignal, getSimSelection } from '../peplink/features'
import type { Wan } from '../peplink/model'
import type { AppliedPciLock, Snapshot, SnapshotGap } from './types'

export interface SnapshotOptions {
  signal?: AbortSignal
  /** Channel/PCI locks applied through Uplink and not cleared (see `appliedPciLocks`). */
  pciLocksApplied?: AppliedPciLock[]
  /** Injected clock for tests. */
  now?: () => Date
}

function message(err: unknown): string {
  return err instanceof UplinkError || err instanceof Error ? err.message : String(err)
}

/** Takes one snapshot of the router; never throws except when cancelled. */
export async function takeSnapshot(client: RouterClient, opts: SnapshotOptions = {}): Promise<Snapshot> {
  const takenAt = (opts.now?.() ?? new Date()).toISOString()
  const o = { signal: opts.signal }
  const gaps: SnapshotGap[] = []
  const settle = async <T>(call: string, p: () => Promise<T>, wanId?: number): Promise<T | undefined> => {
    try {
      return await p()
    } catch (err) {
      if (err instanceof CancelledError || opts.signal?.aborted) throw err instanceof CancelledError ? err : new CancelledError(call)
      const status = err instanceof UnsupportedError ? 'unavailable' : 'failed'
      gaps.push({ call, ...(wanId === undefined ? {} : { wanId }), status, message: message(err) })
      return undefined
    }
  }

  // Per-WAN calls start as soon as the WAN list is in, while the device-wide calls still run.
  const wansP = settle('status.wan.connection', () => client.api.wanStatus({}, o))
  const perWan = wansP.then((wans) => perWanCalls(client, wans ?? [], settle, o))
  const [wans, signal, allowance, pepvpn, location, firmwareInfo, clients, lanProfiles, wanDetail] = await Promise.all([
    wansP,
    settle('status.wan.connection.signal', () => getSignal(client, {}, o)),
    settle('status.wan.connection.allowance', () => client.api.allowance({}, o)),
    settle('status.pepvpn', () => client.api.pepvpn({}, o)),
    client.supports('8.0.1')
      ? settle('info.location', () => client.api.location({}, o))
      : Promise.resolve(gapUnavailable(gaps, 'info.location', client.firmware)),
    settle('info.firmware', () => client.api.firmware({}, o)),
    settle('status.client', () => client.api.clients({}, o)),
    settle('status.lan.profile', () => client.api.lanProfiles({}, o)),
    perWan,
  ])
  // Promise.all over settle() never rejects except on cancellation, which settle rethrows.
  const firmware = firmwareInfo?.running || client.firmware
  return {
    takenAt,
    ...(firmware ? { firmware } : {}),
    wans: wans ?? [],
    signal: signal ?? [],
    allowance: allowance ?? [],
    simSelections: wanDetail.simSelections,
    wifiResults: wanDetail.wifiResults,
    carrierSelections: wanDetail.carrierSelections,
    pciLocksApplied: opts.pciLocksApplied ?? [],
    ...(pepvpn ? { pepvpn } : {}),
    ...(location ? { location } : {}),
    ...(firmwareInfo ? { firmwareInfo } : {}),
    ...(clients ? { clients: { total: clients.length, active: clients.filter((c) => c.active).length } } : {}),
    ...(lanProfiles ? { lanProfiles } : {}),
    gaps: [...gaps].sort((a, b) => a.call.localeCompare(b.call) || (a.wanId ?? 0) - (b.wanId ?? 0)),
  }
}

function gapUnavailable(gaps: SnapshotGap[], call: string, firmware?: string): undefined {
  gaps.push({ call, status: 'unavailable', message: `${call} needs firmware 8.0.1 or later${firmware ? `; this router runs ${firmware}` : ''}.` })
  return undefined
}

type Settle = <T>(call: string, p: () => Promise<T>, wanId?: number) => Promise<T | undefined>

async function perWanCalls(client: RouterClient, wans: Wan[], settle: Settle, o: { signal?: AbortSignal }): Promise<Pick<Snapshot, 'simSelections' | 'wifiResults' | 'carrierSelections'>> {
  const cellular = wans.filter((w) => w.type === 'cellular' && w.cellular)
  const wifi = wans.filter((w) => w.type === 'wifi')
  const canReadCarrier = client.supports('8.0.1')
  const [sims, wifiResults, carriers] = await Promise.all([
    Promise.all(cellular.map(async (w) => {
      const selection = await settle('cmd.wan.cellular', () => getSimSelection(client, w.id, o), w.id)
      return selection ? [{ wanId: w.id, selection }] : []
    })),
    Promise.all(wifi.map(async (w) => {
      const result = await settle('cmd.wifi.result', () => client.api.wifiResult({ connId: w.id }, o), w.id)
      return result ? [{ wanId: w.id, result }] : []
    })),
    Promise.all(cellular.map(async (w) => {
      if (!canReadCarrier) return []
      const scan = await settle('cmd.carrier.scan', () => client.api.carrierScanResult({ connId: w.id, reference: 'yes' }, o), w.id)
      // Only a reported selection counts: undefined means this firmware did not say.
      if (!scan || scan.selectedCarrier === undefined) return []
      return [{ wanId: w.id, simId: scan.activeSimId ?? null, selected: scan.selectedCarrier }]
    })),
  ])
  return { simSelections: sims.flat(), wifiResults: wifiResults.flat(), carrierSelections: carriers.flat() }
}
