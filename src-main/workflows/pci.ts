/**
 * Channel / PCI: scan the LTE cells the modem hears, lock a SIM to a channel (and optionally
 * a cell), or clear the lock. A lock is verified in the WAN status: the band's channel must
 * be the locked one once the link is back.
 */
import type { RouterClient } from '../peplink/client'
import type { ChannelPciScan } from '../peplink/model'
import { pollUntil } from './poll'
import { requireCellular, waitForWan } from './wan'
import { count, seconds, simName, snapshotOf, type SignalSnapshot, type WorkflowOptions } from './types'

export type ScannedCell = ChannelPciScan['cells'][number] & { serving: boolean }

/** What the router says when a locked channel or cell cannot be used: no point waiting on. */
const DEFINITE_LOCK_FAILURE = /unable to (connect|register)[^"]*lock|locked (channel|cell)[^"]*(not|unavailable|fail)/i

export interface ChannelPciScanResult {
  complete: boolean
  cells: ScannedCell[]
  elapsedMs: number
  summary: string
}

/** Scans for cells and marks the one serving the WAN now (by cell id, else by channel). */
export async function scanChannelPci(client: RouterClient, params: { connId: number; resume?: boolean }, opts: WorkflowOptions = {}): Promise<ChannelPciScanResult> {
  const { connId } = params
  const wan = await requireCellular(client, connId, 'A channel/PCI scan', opts.signal)
  if (!params.resume) {
    opts.onProgress?.({ step: 'start', message: 'Starting the cell scan. The cellular link may drop while the modem scans.' })
    await client.api.channelPciScan({ action: 'start', connId }, { signal: opts.signal })
  }
  const outcome = await pollUntil(
    () => client.api.channelPciScan({ connId }, { signal: opts.signal }),
    (s) => s.status === 'done',
    { intervalMs: opts.pollMs ?? 2000, timeoutMs: opts.timeoutMs ?? 180_000, signal: opts.signal },
    (s, elapsedMs, err) => opts.onProgress?.({ step: 'scanning', elapsedMs, message: err ? 'The router did not answer this time; still waiting…' : `Scanning… ${count(s?.cells.length ?? 0, 'cell')} heard so far`, data: s ? { cells: s.cells } : undefined }),
  )
  const scan = outcome.done ? outcome.value : outcome.last
  const towerId = wan.cellular?.cellTower?.cellUtranId ?? wan.cellular?.cellTower?.cellId
  const channels = new Set((wan.cellular?.bands ?? []).map((b) => b.channel).filter((c) => c !== undefined))
  const byId = towerId !== undefined && (scan?.cells ?? []).some((c) => c.cellUtranId === towerId)
  // Strongest first where the router reports RSRP (cells without it keep the router's order, last).
  const cells = (scan?.cells ?? [])
    .map((c, i) => ({ c: { ...c, serving: byId ? c.cellUtranId === towerId : channels.has(c.earfcn) }, i }))
    .sort((a, b) => (b.c.rsrp ?? -Infinity) - (a.c.rsrp ?? -Infinity) || a.i - b.i)
    .map((x) => x.c)
  return {
    complete: outcome.done,
    cells,
    elapsedMs: outcome.elapsedMs,
    summary: outcome.done ? `Scan finished in ${seconds(outcome.elapsedMs)}: ${count(cells.length, 'cell')}.` : `The scan had not finished after ${seconds(outcome.elapsedMs)}; ${count(cells.length, 'cell')} so far.`,
  }
}

export interface ChannelPciLockResult {
  lock: { channel: number; pci?: number } | null
  verified: boolean
  /** The router said the lock cannot work (e.g. "Unable to connect to the locked channel"): the wait ended there. */
  failed?: boolean
  reconnectedAfterMs?: number
  signalBefore: SignalSnapshot
  signalAfter: SignalSnapshot
  summary: string
  /** Always said with a lock: it is the commonest forgotten cause of "no service" later. */
  warning?: string
}

/** Locks one SIM to a channel (and PCI), or clears its lock with `lock: null`; verifies in status. */
export async function lockChannelPci(client: RouterClient, params: { connId: number; simId: 1 | 2; lock: { channel: number; pci?: number } | null }, opts: WorkflowOptions = {}): Promise<ChannelPciLockResult> {
  const { connId, simId, lock } = params
  const before = await requireCellular(client, connId, 'A channel/PCI lock', opts.signal)
  const signalBefore = snapshotOf(before)
  opts.onProgress?.({ step: 'lock', message: lock ? `Locking ${simName(simId)} to channel ${lock.channel}${lock.pci !== undefined ? `, PCI ${lock.pci}` : ''}. The link will drop briefly.` : `Clearing the channel/PCI lock of ${simName(simId)}.` })
  await client.api.lockChannelPci({ connId, sim: [{ id: simId, value: lock }] }, { signal: opts.signal })
  const started = Date.now()
  // Bands report their channel from firmware 8.1.2; before that the link coming back is all
  // status can show, and the result says so rather than claiming the channel was checked.
  const reportsChannel = (w: { cellular?: { bands: { channel?: number }[] } }) => (w.cellular?.bands ?? []).some((b) => b.channel !== undefined)
  const onLock = (w: Parameters<typeof reportsChannel>[0] & { connected: boolean }) =>
    w.connected && (!lock || !reportsChannel(w) || (w.cellular?.bands ?? []).some((b) => b.channel === lock.channel))
  // A definite refusal from the modem ends the wait at once (only for the SIM carrying the WAN).
  const refused = (w: { message: string }) => lock !== null && DEFINITE_LOCK_FAILURE.test(w.message)
  const outcome = await waitForWan(client, connId, onLock, { ...opts, step: 'reconnect', timeoutMs: opts.timeoutMs ?? 120_000, giveUp: refused })
  const after = outcome.done ? outcome.value : outcome.last
  const took = Date.now() - started
  const failed = !outcome.done && outcome.gaveUp === true
  const what = lock ? `channel ${lock.channel}${lock.pci !== undefined ? ` / PCI ${lock.pci}` : ''}` : "the modem's own cell choice"
  const unconfirmed = outcome.done && lock && after && !reportsChannel(after)
  return {
    lock,
    verified: outcome.done,
    ...(failed ? { failed } : {}),
    reconnectedAfterMs: outcome.done ? took : undefined,
    signalBefore,
    signalAfter: snapshotOf(after),
    summary: unconfirmed
      ? `The router accepted the lock to ${what} and the link is back up after ${seconds(took)}; this firmware does not report the channel in use, so check the signal before and after.`
      : outcome.done ? (lock ? `Now on ${what}; link back up in ${seconds(took)}.` : `Channel/PCI lock cleared; link back up in ${seconds(took)}.`)
        : failed ? `The modem cannot use ${what}: after ${seconds(took)} the router says "${after?.message}". The link stays down while this lock is in place; clear it now.`
          : `The WAN did not come back on ${what} within ${seconds(took)}. The router says: "${after?.message ?? 'no answer'}".`,
    warning: lock ? 'A lock keeps the modem on this cell even if it goes away, which leaves the router with no service. Clear the lock before leaving if it is not meant to stay.' : undefined,
  }
}
