/**
 * cmd.carrier.scan (GET and POST) and cmd.carrier.select.
 * A scan takes the cellular WAN down for scanDurationMs and reports a growing list.
 */
import { sameNetwork, scanRunning, startTransition } from '../cellular-link'
import { invalid, param, truthy, type Ctx } from '../context'
import { logEvent } from '../event-log'
import { atLeast, before, compareVersions } from '../firmware'
import { isObject, type Json, type JsonObject } from '../json'
import type { CarrierChoice, CellularWan, Network, ScanJob } from '../state-types'
import { requireCellular, simParam } from './wan-param'

/** Up to 8.1.1 the scan list prints mnc like the reference example ("0", "6"); later zero-padded. */
function scanMnc(fw: string, mnc: string): string {
  return atLeast(fw, '8.1.2') ? mnc.padStart(2, '0') : String(Number(mnc))
}

/** How far along a scan is: the visible part of its list and its status. */
export function scanProgress<T>(job: ScanJob<T> | null, now: number): { status: 'scanning' | 'done'; list: T[]; timestamp?: number } {
  if (!job) return { status: 'done', list: [] }
  if (now >= job.endsAt) return { status: 'done', list: job.list, timestamp: Math.floor(job.endsAt / 1000) }
  const fraction = (now - job.startedAt) / Math.max(1, job.endsAt - job.startedAt)
  return { status: 'scanning', list: job.list.slice(0, Math.floor(job.list.length * fraction)), timestamp: Math.floor(job.startedAt / 1000) }
}

function carrierObj(c: CarrierChoice | null, cs: CellularWan['cellular']): Json {
  if (!c) return null
  const net = cs.networks.find((n) => sameNetwork(n, c))
  return { name: c.name ?? net?.name ?? '', mcc: c.mcc, mnc: c.mnc, pcs: c.pcs }
}

/**
 * reference.activeSim: the example (and firmware before 8.1.1) names the selection
 * `cellularNetwork`, the table names it `selectedCarrier`; 8.1.1 sends both, later only
 * `selectedCarrier`.
 */
function referenceObj(wan: CellularWan, fw: string): JsonObject {
  const cs = wan.cellular
  if (cs.activeSim === null) return { activeSim: null }
  const selection = carrierObj(cs.sims[cs.activeSim].selectedCarrier, cs)
  const activeSim: JsonObject = { simId: cs.activeSim }
  const v = compareVersions(fw, '8.1.1')
  if (v <= 0) activeSim.cellularNetwork = selection
  if (v >= 0) activeSim.selectedCarrier = selection
  return { activeSim }
}

/** GET/POST cmd.carrier.scan; POST with action "start" begins a scan (before 8.1.0 a GET does). */
export function handleCarrierScan(ctx: Ctx): Json {
  const wan = requireCellular(ctx)
  const cs = wan.cellular
  const fw = ctx.state.firmware
  let start = false
  if (ctx.method === 'POST') {
    const action = ctx.body.action
    if (action !== undefined && action !== 'start') throw invalid('action must be start')
    start = action === 'start' && !scanRunning(cs, ctx.now)
  } else if (before(fw, '8.1.0')) {
    // Before 8.1.0 there is no POST to start a scan: a GET starts one when there is
    // no result yet or the last one is more than a minute old.
    const job = cs.carrierScan
    start = !job || (ctx.now >= job.endsAt && ctx.now - job.endsAt > 60_000)
  }
  if (start) {
    const endsAt = ctx.now + ctx.opts.scanDurationMs
    cs.carrierScan = { startedAt: ctx.now, endsAt, list: cs.networks.map((n) => ({ ...n })) }
    // The modem leaves its network to scan; the WAN is back when the scan ends.
    wan.upSince = Math.max(wan.upSince, endsAt)
    logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: carrier scan started`)
  }
  const p = scanProgress(cs.carrierScan, ctx.now)
  const out: JsonObject = { scanStatus: p.status }
  if (p.timestamp !== undefined) out.timestamp = p.timestamp
  out.list = p.list.map((n: Network) => ({ name: n.name, mobileType: n.mobileType, mcc: n.mcc, mnc: scanMnc(fw, n.mnc), pcs: 0 }))
  if (truthy(param(ctx, 'reference'))) out.reference = referenceObj(wan, fw)
  return out
}

function parseCarrier(value: Json | undefined): CarrierChoice | null {
  if (value === undefined) throw invalid('selectedCarrier is required')
  if (value === null) return null
  if (!isObject(value)) throw invalid('selectedCarrier must be an object or null')
  const { mcc, mnc, pcs, name } = value
  if (typeof mcc !== 'string' || !/^\d{3}$/.test(mcc)) throw invalid('selectedCarrier.mcc must be a 3-digit string')
  if (typeof mnc !== 'string' || !/^\d{1,3}$/.test(mnc)) throw invalid('selectedCarrier.mnc must be a 2-3 digit string')
  if (pcs !== undefined && pcs !== 0 && pcs !== 1) throw invalid('selectedCarrier.pcs must be 0 or 1')
  if (name !== undefined && typeof name !== 'string') throw invalid('selectedCarrier.name must be a string')
  const choice: CarrierChoice = { mcc, mnc, pcs: pcs === 1 ? 1 : 0 }
  if (typeof name === 'string') choice.name = name
  return choice
}

/**
 * POST cmd.carrier.select: `selectedCarrier` {mcc,mnc,pcs,name?} for manual selection,
 * or JSON null to go back to automatic. The WAN reconnects for reconnectMs.
 */
export function handleCarrierSelect(ctx: Ctx): undefined {
  const wan = requireCellular(ctx)
  const sim = simParam(ctx, wan)
  const choice = parseCarrier(ctx.body.selectedCarrier)
  sim.selectedCarrier = choice
  const name = choice ? choice.name ?? wan.cellular.networks.find((n) => sameNetwork(n, choice))?.name ?? 'network' : ''
  const label = choice ? `${name} (${choice.mcc}-${choice.mnc})` : 'automatic'
  logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: SIM ${sim.id === 1 ? 'A' : 'B'} carrier selection set to ${label}`)
  if (wan.cellular.activeSim === sim.id) startTransition(wan, ctx.now, [[ctx.opts.reconnectMs, 'Connecting...']])
  return undefined
}
