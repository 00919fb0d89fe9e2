/**
 * Resolving `connId` (number or numeric string) to a WAN of the kind an operation needs.
 */
import { cannotDo, invalid, param, toInt, type Ctx } from '../context'
import type { CellularWan, SimId, SimSlot, Wan, WifiWan } from '../state-types'
import { findWan } from '../wan-link'

/** The WAN named by connId; code 400 when missing or unknown. */
export function requireWan(ctx: Ctx, name = 'connId'): Wan {
  const raw = param(ctx, name)
  if (raw === undefined || raw === null || raw === '') throw invalid(`${name} is required`)
  const id = toInt(raw)
  if (id === null) throw invalid(`${name} must be a number`)
  const wan = findWan(ctx.state, id)
  if (!wan) throw invalid(`Invalid ${name}: ${id}`)
  return wan
}

/** A cellular WAN, or `{"stat":"fail"}` (no code) when the WAN cannot do cellular things. */
export function requireCellular(ctx: Ctx): CellularWan {
  const wan = requireWan(ctx)
  if (wan.kind !== 'cellular') throw cannotDo()
  return wan
}

/** A Wi-Fi WAN, or `{"stat":"fail"}` when the WAN is not Wi-Fi. */
export function requireWifi(ctx: Ctx): WifiWan {
  const wan = requireWan(ctx)
  if (wan.kind !== 'wifi') throw cannotDo()
  return wan
}

/** Optional simId (1|2); defaults to the active SIM, else SIM A. */
export function simParam(ctx: Ctx, wan: CellularWan): SimSlot {
  const raw = param(ctx, 'simId')
  if (raw === undefined || raw === null) return wan.cellular.sims[wan.cellular.activeSim ?? 1]
  const id = toInt(raw)
  if (id !== 1 && id !== 2) throw invalid('simId must be 1 or 2')
  return wan.cellular.sims[id as SimId]
}
