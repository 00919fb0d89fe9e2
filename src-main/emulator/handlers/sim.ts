/**
 * SIM selection (cmd.wan.cellular), module reset/rescan and billing cycles.
 */
import { resolveActiveSim, startTransition } from '../cellular-link'
import { invalid, toInt, type Ctx } from '../context'
import { logEvent } from '../event-log'
import { atLeast } from '../firmware'
import type { Json } from '../json'
import type { CellularWan, SimId } from '../state-types'
import { requireCellular, requireWan, simParam } from './wan-param'

const simName = (id: SimId | null): string => (id === 1 ? 'SIM A' : id === 2 ? 'SIM B' : 'no SIM')

/** GET cmd.wan.cellular (before 8.3.0): enabled and preferred SIM. */
export function handleWanCellularGet(ctx: Ctx): Json {
  const cs = requireCellular(ctx).cellular
  return { enabledSim: [...cs.enabledSim], preferredSim: cs.preferredSim }
}

function parseSimId(value: Json, path: string): SimId {
  const id = toInt(value)
  if (id !== 1 && id !== 2) throw invalid(`${path} must be 1 or 2`)
  return id
}

/** Move to the SIM the new settings call for and reconnect. */
function switchSims(ctx: Ctx, wan: CellularWan): void {
  const cs = wan.cellular
  const before = cs.activeSim
  // A SIM priority of physical slots takes the WAN off the SpeedFusion Connect eSIM.
  if (cs.sfc) cs.sfc.active = false
  cs.activeSim = resolveActiveSim(cs)
  logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: SIM settings changed, using ${simName(cs.activeSim)} (was ${simName(before)})`)
  // A SIM that is not there cannot become active: the WAN stays down with a message.
  if (cs.activeSim !== null) startTransition(wan, ctx.now, [[ctx.opts.reconnectMs, 'Connecting...']])
  else cs.transition = null
}

function postLegacy(ctx: Ctx, wan: CellularWan): void {
  const cs = wan.cellular
  const { enabledSim, preferredSim, simPriority } = ctx.body
  if (simPriority !== undefined) throw invalid('simPriority is not supported by this firmware; use enabledSim and preferredSim')
  if (enabledSim === undefined && preferredSim === undefined) throw invalid('enabledSim or preferredSim is required')
  let enabled = cs.enabledSim
  if (enabledSim !== undefined) {
    if (!Array.isArray(enabledSim) || enabledSim.length === 0) throw invalid('enabledSim must list at least one SIM')
    enabled = [...new Set(enabledSim.map((v, i) => parseSimId(v, `enabledSim[${i}]`)))]
  }
  let preferred = cs.preferredSim
  if (preferredSim !== undefined) preferred = preferredSim === null ? null : parseSimId(preferredSim, 'preferredSim')
  if (preferred !== null && !enabled.includes(preferred)) throw invalid('preferredSim must be one of enabledSim')
  cs.enabledSim = enabled
  cs.preferredSim = preferred
  cs.simPriority = enabled.map(String)
}

/** 8.3.0+: `simPriority` is an ordered list of "1", "2" and "remoteSim". */
function postPriority(ctx: Ctx, wan: CellularWan): void {
  const cs = wan.cellular
  const { simPriority } = ctx.body
  if (ctx.body.enabledSim !== undefined || ctx.body.preferredSim !== undefined) {
    throw invalid('enabledSim and preferredSim are no longer supported; use simPriority')
  }
  if (!Array.isArray(simPriority) || simPriority.length === 0) throw invalid('simPriority must list at least one SIM')
  const entries = simPriority.map((v, i) => {
    if (v === 'remoteSim') return v
    if (v === '1' || v === '2' || v === 1 || v === 2) return String(v)
    throw invalid(`simPriority[${i}] must be "1", "2" or "remoteSim"`)
  })
  if (new Set(entries).size !== entries.length) throw invalid('simPriority must not repeat a SIM')
  const local = entries.filter((e) => e !== 'remoteSim').map((e) => Number(e) as SimId)
  cs.simPriority = entries
  cs.enabledSim = local
  cs.preferredSim = local[0] ?? null
}

/** POST cmd.wan.cellular: legacy enabledSim/preferredSim before 8.3.0, simPriority from 8.3.0. */
export function handleWanCellularPost(ctx: Ctx): undefined {
  const wan = requireCellular(ctx)
  if (atLeast(ctx.state.firmware, '8.3.0')) postPriority(ctx, wan)
  else postLegacy(ctx, wan)
  switchSims(ctx, wan)
  return undefined
}

/** POST cmd.cellularModule.reset: down for 2 × reconnectMs ("Resetting module", then "Connecting..."). */
export function handleModuleReset(ctx: Ctx): undefined {
  const wan = requireCellular(ctx)
  wan.cellular.carrierScan = null
  wan.cellular.pciScan = null
  startTransition(wan, ctx.now, [
    [ctx.opts.reconnectMs, 'Resetting module'],
    [ctx.opts.reconnectMs, 'Connecting...'],
  ])
  logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: cellular module reset`)
  return undefined
}

/** POST cmd.cellularModule.rescanNetwork: a brief drop while the modem searches again. */
export function handleRescanNetwork(ctx: Ctx): undefined {
  const wan = requireCellular(ctx)
  startTransition(wan, ctx.now, [[ctx.opts.reconnectMs, 'Searching for network...']])
  logEvent(ctx.state, ctx.now, 'Cellular', `${wan.config.name}: network rescan`)
  return undefined
}

/** POST cmd.billing.newCycle: usage back to zero for the WAN (or the given/active SIM). */
export function handleNewCycle(ctx: Ctx): undefined {
  const wan = requireWan(ctx)
  if (wan.kind === 'cellular') {
    const sim = simParam(ctx, wan)
    sim.allowance.usageMb = 0
    logEvent(ctx.state, ctx.now, 'WAN', `${wan.config.name}: new billing cycle for ${simName(sim.id)}`)
  } else {
    wan.allowance.usageMb = 0
    logEvent(ctx.state, ctx.now, 'WAN', `${wan.config.name}: new billing cycle`)
  }
  return undefined
}
