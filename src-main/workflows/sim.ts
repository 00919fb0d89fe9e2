/**
 * SIM slots and switching, module reset / rescan, and the billing cycle. Each write that
 * drops the link is verified by watching the WAN come back.
 */
import type { RouterClient } from '../peplink/client'
import { ValidationError } from '../peplink/errors'
import { getSimSelection, setSims } from '../peplink/features'
import type { AllowanceEntry, SimInUse, SimSlot } from '../peplink/model'
import { requireCellular, readWan, waitForWan } from './wan'
import { seconds, simInUseName, simName, type WorkflowOptions } from './types'

export interface SimSlotView extends SimSlot {
  enabled: boolean
  preferred: boolean
  carrier?: string
  allowance?: AllowanceEntry
}

export interface SimOverview {
  connId: number
  slots: SimSlotView[]
  activeSimId?: number
  /** Which SIM carries the WAN: a slot, the SpeedFusion Connect eSIM or a remote SIM. */
  simInUse?: SimInUse
  /** Present on routers with SpeedFusion Connect 5G/LTE, active or not. */
  speedfusionConnect?: { active: boolean; imsi?: string; iccid?: string }
  /** A remote SIM (SIM Injector) the router reports. */
  remoteSim?: { active?: boolean; imsi?: string; serialNumber?: string; slot?: number }
  /** True when enabled/preferred were derived from status (8.3.0+ has no GET). */
  derived: boolean
}

/** Each SIM slot of a cellular WAN with its state, selection and allowance. */
export async function getSimSlots(client: RouterClient, connId: number, opts: WorkflowOptions = {}): Promise<SimOverview> {
  const wan = await requireCellular(client, connId, 'SIM management', opts.signal)
  const [selection, allowance] = await Promise.all([
    getSimSelection(client, connId, { signal: opts.signal }),
    client.api.allowance({ connId: [connId] }, { signal: opts.signal }).catch(() => []),
  ])
  const entries = allowance.find((a) => a.wanId === connId)?.entries ?? []
  const slots = (wan.cellular?.sims ?? []).map((s) => ({
    ...s,
    enabled: selection.enabledSims.includes(s.id),
    preferred: selection.preferredSim === s.id,
    carrier: s.active ? wan.cellular?.carrier?.name : undefined,
    allowance: entries.find((e) => e.simId === s.id),
  }))
  const c = wan.cellular
  const remote = c?.remoteSim
  return {
    connId, slots, activeSimId: c?.activeSimId, simInUse: c?.simInUse, speedfusionConnect: c?.speedfusionConnect,
    remoteSim: remote ? { active: remote.active, imsi: remote.imsi, serialNumber: remote.serialNumber, slot: remote.slot } : undefined,
    derived: selection.derived,
  }
}

export interface SimSwitchResult {
  activeBefore?: number
  activeAfter?: number
  verified: boolean
  reconnectedAfterMs?: number
  summary: string
}

/** Changes the enabled and preferred SIMs; verifies the active SIM and that the WAN is back. */
export async function switchSims(client: RouterClient, params: { connId: number; enabledSim: (1 | 2)[]; preferredSim: 1 | 2 | null }, opts: WorkflowOptions = {}): Promise<SimSwitchResult> {
  if (params.enabledSim.length === 0) throw new ValidationError('enabledSim', 'must enable at least one SIM; a cellular WAN with no SIM enabled has no service')
  const before = await requireCellular(client, params.connId, 'SIM switching', opts.signal)
  const sims = before.cellular?.sims ?? []
  const usable = (id: number) => sims.find((s) => s.id === id)?.detected ?? false
  // The SIM the router should end up on: the preferred one if it has a card, else the first enabled that does.
  const expected = params.preferredSim !== null && usable(params.preferredSim) ? params.preferredSim : params.enabledSim.find(usable)
  const activeBefore = before.cellular?.activeSimId
  const inUseBefore = before.cellular?.simInUse
  const offVirtual = inUseBefore && inUseBefore.kind !== 'physical' ? simInUseName(before.cellular) : undefined
  opts.onProgress?.({
    step: 'switch',
    message: `Changing the SIM selection${offVirtual ? `; the WAN moves off ${offVirtual}` : ''}. The cellular link may drop while the modem switches.`,
  })
  await setSims(client, { ...params, keepRemoteSim: before.cellular?.remoteSim !== undefined }, { signal: opts.signal })
  const started = Date.now()
  if (expected === undefined) {
    return { activeBefore, verified: false, summary: 'Saved, but none of the enabled SIM slots has a card detected, so the WAN cannot connect. Insert a SIM or enable the slot that has one.' }
  }
  const outcome = await waitForWan(client, params.connId, (w) => w.connected && w.cellular?.activeSimId === expected, { ...opts, step: 'reconnect', timeoutMs: opts.timeoutMs ?? 120_000 })
  const after = outcome.done ? outcome.value : outcome.last
  const took = Date.now() - started
  return {
    activeBefore,
    activeAfter: after?.cellular?.activeSimId,
    verified: outcome.done,
    reconnectedAfterMs: outcome.done ? took : undefined,
    summary: outcome.done
      ? `Now on ${simName(expected)}${after?.cellular?.carrier?.name ? ` (${after.cellular.carrier.name})` : ''}${offVirtual ? `, no longer on ${offVirtual}` : ''}; link back up in ${seconds(took)}.`
      : `The WAN did not come back on ${simName(expected)} within ${seconds(took)}. The router says: "${after?.message ?? 'no answer'}".`,
  }
}

export interface ModuleActionResult {
  action: 'reset' | 'rescan'
  wentDown: boolean
  verified: boolean
  backAfterMs?: number
  summary: string
}

/** Resets the cellular module or rescans the network; reports the link going down and back. */
export async function moduleAction(client: RouterClient, params: { connId: number; action: 'reset' | 'rescan' }, opts: WorkflowOptions = {}): Promise<ModuleActionResult> {
  const { connId, action } = params
  await requireCellular(client, connId, action === 'reset' ? 'A module reset' : 'A network rescan', opts.signal)
  opts.onProgress?.({ step: action, message: action === 'reset' ? 'Resetting the cellular module. The link will be down for a while.' : 'Rescanning the network. The link may drop briefly.' })
  if (action === 'reset') await client.api.resetModule({ connId }, { signal: opts.signal })
  else await client.api.rescanNetwork({ connId }, { signal: opts.signal })
  const started = Date.now()
  let wentDown = false
  const outcome = await waitForWan(client, connId, (w) => {
    if (!w.connected) wentDown = true
    // A reset always drops the link; wait to see it go down before accepting "up" as "back".
    return w.connected && (wentDown || action === 'rescan' || Date.now() - started > 15_000)
  }, { ...opts, step: 'reconnect', timeoutMs: opts.timeoutMs ?? 180_000 })
  const took = Date.now() - started
  const last = outcome.done ? outcome.value : outcome.last
  return {
    action,
    wentDown,
    verified: outcome.done,
    backAfterMs: outcome.done ? took : undefined,
    summary: outcome.done
      ? `${action === 'reset' ? 'Module reset' : 'Network rescan'} done; link ${wentDown ? 'went down and ' : ''}is back up after ${seconds(took)}.`
      : `The link was not back within ${seconds(took)}. The router says: "${last?.message ?? 'no answer'}".`,
  }
}

/** Starts a new billing cycle for a WAN / SIM and returns the allowance after it. */
export async function newBillingCycle(client: RouterClient, params: { connId: number; simId?: 1 | 2 }, opts: WorkflowOptions = {}): Promise<{ allowance?: AllowanceEntry; summary: string }> {
  await client.api.newBillingCycle(params, { signal: opts.signal })
  const [a] = await client.api.allowance({ connId: [params.connId] }, { signal: opts.signal })
  const entry = a?.entries.find((e) => params.simId === undefined || e.simId === undefined || e.simId === params.simId)
  await readWan(client, params.connId, opts.signal)
  return { allowance: entry, summary: `New billing cycle started${entry ? `; usage now ${entry.usage} ${entry.unit} of ${entry.limit} ${entry.unit}` : ''}.` }
}
