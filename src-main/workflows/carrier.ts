/**
 * Carrier scan and select. A scan can take minutes and may drop the cellular link; the
 * workflow reports partial results as they arrive and stops at a deadline the technician can
 * extend. Selecting a carrier is verified by watching the WAN come back on that carrier.
 */
import type { RouterClient } from '../peplink/client'
import type { CarrierChoice, CarrierScan, ScannedCarrier, Wan } from '../peplink/model'
import { pollUntil } from './poll'
import { requireCellular, readWan, waitForWan } from './wan'
import { count, seconds, snapshotOf, type SignalSnapshot, type WorkflowOptions } from './types'

export interface CarrierScanResult {
  complete: boolean
  carriers: (ScannedCarrier & { inUse: boolean; selected: boolean })[]
  selected: CarrierChoice | null
  activeSimId?: number | null
  elapsedMs: number
  summary: string
}

/** Same network when MCC and MNC match numerically ("06" and "6" are one network). */
export function sameNetwork(a: { mcc?: string; mnc?: string; name?: string }, b: { mcc?: string; mnc?: string; name?: string }): boolean {
  if (a.mcc && b.mcc && a.mnc !== undefined && b.mnc !== undefined) return a.mcc === b.mcc && Number(a.mnc) === Number(b.mnc)
  return !!a.name && !!b.name && a.name.trim().toLowerCase() === b.name.trim().toLowerCase()
}

function decorate(scan: CarrierScan, wan: Wan | undefined): CarrierScanResult['carriers'] {
  const current = wan?.cellular
  return scan.carriers.map((c) => ({
    ...c,
    inUse: !!current && !!wan?.connected && sameNetwork(c, { mcc: current.mcc, mnc: current.mnc, name: current.carrier?.name }),
    selected: !!scan.selectedCarrier && sameNetwork(c, scan.selectedCarrier),
  }))
}

/**
 * Starts a carrier scan (or, with `resume`, keeps waiting on one already running) and polls
 * until the router reports done or the deadline passes. Partial lists go to onProgress.
 */
export async function scanCarriers(client: RouterClient, params: { connId: number; resume?: boolean }, opts: WorkflowOptions = {}): Promise<CarrierScanResult> {
  const { connId } = params
  await requireCellular(client, connId, 'A carrier scan', opts.signal)
  const canStart = client.supports('8.1.0')
  if (!params.resume && canStart) {
    opts.onProgress?.({ step: 'start', message: 'Starting the carrier scan. The cellular link may drop while the modem scans.' })
    await client.api.carrierScan({ action: 'start', connId, reference: 'yes' }, { signal: opts.signal })
  }
  const read = () => (canStart ? client.api.carrierScan({ connId, reference: 'yes' }, { signal: opts.signal }) : client.api.carrierScanResult({ connId, reference: 'yes' }, { signal: opts.signal }))
  const outcome = await pollUntil(read, (s) => s.status === 'done', { intervalMs: opts.pollMs ?? 2000, timeoutMs: opts.timeoutMs ?? 180_000, signal: opts.signal }, (s, elapsedMs, err) =>
    opts.onProgress?.({
      step: 'scanning',
      elapsedMs,
      message: err ? 'The router did not answer this time (the scan can interrupt it); still waiting…' : `Scanning… ${count(s?.carriers.length ?? 0, 'network')} found so far`,
      data: s ? { carriers: s.carriers } : undefined,
    }),
  )
  const scan = outcome.done ? outcome.value : outcome.last
  const wan = await readWan(client, connId, opts.signal).catch(() => undefined)
  const carriers = scan ? decorate(scan, wan) : []
  return {
    complete: outcome.done,
    carriers,
    selected: scan?.selectedCarrier ?? null,
    activeSimId: scan?.activeSimId,
    elapsedMs: outcome.elapsedMs,
    summary: outcome.done
      ? `Scan finished in ${seconds(outcome.elapsedMs)}: ${count(carriers.length, 'network')} found.`
      : `The scan had not finished after ${seconds(outcome.elapsedMs)}; ${count(carriers.length, 'network')} so far. Wait longer or try again.`,
  }
}

export interface CarrierSelectResult {
  carrier: CarrierChoice | null
  verified: boolean
  reconnectedAfterMs?: number
  signalBefore: SignalSnapshot
  signalAfter: SignalSnapshot
  summary: string
}

/**
 * Selects a carrier (or automatic selection with `carrier: null`) and verifies that the WAN
 * comes back connected on it.
 */
export async function selectCarrier(client: RouterClient, params: { connId: number; simId?: 1 | 2; carrier: CarrierChoice | null }, opts: WorkflowOptions = {}): Promise<CarrierSelectResult> {
  const { connId, carrier } = params
  const before = await requireCellular(client, connId, 'Carrier selection', opts.signal)
  const signalBefore = snapshotOf(before)
  const label = carrier ? `${carrier.name ?? 'carrier'} (${carrier.mcc}-${carrier.mnc})` : 'automatic selection'
  opts.onProgress?.({ step: 'select', message: `Selecting ${label}. The cellular link will drop while the modem re-registers.` })
  const selectedCarrier = carrier ? { mcc: carrier.mcc, mnc: carrier.mnc, pcs: (carrier.pcs ?? 0) as 0 | 1, ...(carrier.name ? { name: carrier.name } : {}) } : null
  await client.api.selectCarrier({ connId, simId: params.simId, selectedCarrier }, { signal: opts.signal })
  const started = Date.now()
  const onCarrier = (w: Wan) => w.connected && (!carrier || sameNetwork(carrier, { mcc: w.cellular?.mcc, mnc: w.cellular?.mnc, name: w.cellular?.carrier?.name }))
  const outcome = await waitForWan(client, connId, onCarrier, { ...opts, step: 'reconnect', timeoutMs: opts.timeoutMs ?? 120_000 })
  const after = outcome.done ? outcome.value : outcome.last
  const signalAfter = snapshotOf(after)
  const took = Date.now() - started
  return {
    carrier,
    verified: outcome.done,
    reconnectedAfterMs: outcome.done ? took : undefined,
    signalBefore,
    signalAfter,
    summary: outcome.done
      ? `Carrier changed to ${carrier ? (after?.cellular?.carrier?.name ?? label) : `automatic (now ${after?.cellular?.carrier?.name ?? 'unknown'})`}; link back up in ${seconds(took)}.`
      : `The WAN did not come back on ${label} within ${seconds(took)}. The router says: "${signalAfter.message}".`,
  }
}
