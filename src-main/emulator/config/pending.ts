/**
 * Staged configuration. config.* writes change a pending copy (what config reads then
 * show); cmd.config.apply makes it the running config, cmd.config.discard drops it.
 */
import { resolveActiveSim, startTransition } from '../cellular-link'
import { logEvent } from '../event-log'
import { cloneJson, deepMerge, isObject, type Json, type JsonObject } from '../json'
import type { Allowance, CarrierChoice, CellularWan, EmulatorState, PendingConfig, SimId, Wan, WanConfig } from '../state-types'

/** The pending copy, created from the running config on first write. */
export function ensurePending(state: EmulatorState): PendingConfig {
  if (!state.pending) {
    const wan: Record<number, WanConfig> = {}
    for (const w of state.wans) wan[w.id] = cloneJson(w.config)
    state.pending = {
      wanPatches: [],
      wan,
      ssidProfiles: cloneJson(state.ssidProfiles),
      gpio: state.gpio ? cloneJson(state.gpio) : null,
      changed: [],
    }
  }
  return state.pending
}

/** Merge a config.wan.connection-shaped patch into a WanConfig. */
export function mergeWanConfig(cfg: WanConfig, patch: JsonObject): void {
  const rest = cloneJson(patch)
  delete rest.id
  delete rest.connId
  if (typeof rest.name === 'string') cfg.name = rest.name
  if (typeof rest.enable === 'boolean') cfg.enable = rest.enable
  delete rest.name
  delete rest.enable
  if (isObject(rest.connection) && typeof rest.connection.priority === 'number') {
    cfg.priority = rest.connection.priority
    delete rest.connection.priority
  }
  // A new method type brings its own detail: replace rather than merge the old one.
  for (const section of ['connection', 'healthcheck']) {
    const part = rest[section]
    const current = cfg.settings[section]
    if (isObject(part) && isObject(part.method) && typeof part.method.type === 'string' && isObject(current)) {
      current.method = part.method
      delete part.method
    }
  }
  deepMerge(cfg.settings, rest)
}

/** Stage a WAN change (the pending view updates now, the router on apply). */
export function stageWanPatch(state: EmulatorState, id: number, patch: JsonObject, what: string): WanConfig {
  const pending = ensurePending(state)
  pending.wanPatches.push({ id, patch: cloneJson(patch) })
  mergeWanConfig(pending.wan[id], patch)
  if (!pending.changed.includes(what)) pending.changed.push(what)
  return pending.wan[id]
}

/** The config a read should show: pending if staged, else running. */
export function viewWanConfig(state: EmulatorState, wan: Wan): WanConfig {
  return state.pending?.wan[wan.id] ?? wan.config
}

const UNIT_MB: Record<string, number> = { MB: 1, GB: 1024, TB: 1024 * 1024 }

function applyAllowance(a: Allowance, m: JsonObject): void {
  if (typeof m.enable === 'boolean') a.enable = m.enable
  if (Array.isArray(m.action)) a.action = m.action.filter((x): x is Allowance['action'][number] => typeof x === 'string') as Allowance['action']
  if (typeof m.start === 'number') a.start = m.start
  const ma = m.monthlyAllowance
  if (isObject(ma) && typeof ma.value === 'number' && typeof ma.unit === 'string') a.limitMb = ma.value * (UNIT_MB[ma.unit] ?? 1)
}

function carrierFrom(list: Json): CarrierChoice | null {
  if (!Array.isArray(list) || list.length === 0 || !isObject(list[0])) return null
  const c = list[0]
  let mcc = typeof c.mcc === 'string' ? c.mcc : ''
  let mnc = typeof c.mnc === 'string' ? c.mnc : ''
  if (typeof c.plmn === 'string' && (!mcc || !mnc)) {
    mcc = c.plmn.slice(0, 3)
    mnc = c.plmn.slice(3)
  }
  const choice: CarrierChoice = { mcc, mnc, pcs: c.pcs === 1 ? 1 : 0 }
  if (typeof c.name === 'string') choice.name = c.name
  return choice
}

/** Cellular section effects: SIM scheme, APN, carrier selection and per-SIM allowance. */
function applyCellular(wan: CellularWan, cell: JsonObject, now: number, reconnectMs: number): void {
  const cs = wan.cellular
  const scheme = cell.simCardScheme
  if (scheme === '1') cs.enabledSim = [1]
  else if (scheme === '2') cs.enabledSim = [2]
  else if (scheme === '' || scheme === 'alternate') cs.enabledSim = [1, 2]
  if (cell.preferredSim === 1 || cell.preferredSim === 2) cs.preferredSim = cell.preferredSim
  if (cs.preferredSim !== null && !cs.enabledSim.includes(cs.preferredSim)) cs.preferredSim = cs.enabledSim[0] ?? null
  cs.simPriority = cs.enabledSim.map(String)
  for (const s of Array.isArray(cell.sim) ? cell.sim : []) {
    if (!isObject(s) || (s.id !== 1 && s.id !== 2)) continue
    const sim = cs.sims[s.id as SimId]
    if (s.carrierSelection !== undefined) sim.selectedCarrier = carrierFrom(s.carrierSelection)
    if (s.operator === null) sim.autoApn = true
    if (isObject(s.operator)) {
      sim.autoApn = false
      if (typeof s.operator.apn === 'string') sim.apn = s.operator.apn
      if (typeof s.operator.username === 'string') sim.username = s.operator.username
      if (typeof s.operator.password === 'string') sim.password = s.operator.password
    }
    if (isObject(s.bandwidthAllowanceMonitor)) applyAllowance(sim.allowance, s.bandwidthAllowanceMonitor)
  }
  cs.activeSim = resolveActiveSim(cs)
  startTransition(wan, now, [[reconnectMs, 'Connecting...']])
}

/** Apply one staged patch to the running WAN, with its side effects. */
export function applyWanPatch(wan: Wan, patch: JsonObject, now: number, reconnectMs: number): void {
  const wasEnabled = wan.config.enable
  mergeWanConfig(wan.config, patch)
  if (!wasEnabled && wan.config.enable) wan.upSince = now
  if (wan.kind !== 'cellular' && isObject(patch.bandwidthAllowanceMonitor)) applyAllowance(wan.allowance, patch.bandwidthAllowanceMonitor)
  if (wan.kind === 'cellular' && isObject(patch.cellular)) applyCellular(wan, patch.cellular, now, reconnectMs)
}

/** cmd.config.apply: returns a warning when the change leaves WANs disabled. */
export function applyPending(state: EmulatorState, now: number, reconnectMs: number): string | undefined {
  const pending = state.pending
  if (!pending) return undefined
  const enabledBefore = new Map(state.wans.map((w) => [w.id, w.config.enable]))
  for (const { id, patch } of pending.wanPatches) {
    const wan = state.wans.find((w) => w.id === id)
    if (wan) applyWanPatch(wan, patch, now, reconnectMs)
  }
  state.ssidProfiles = cloneJson(pending.ssidProfiles)
  if (pending.gpio) state.gpio = cloneJson(pending.gpio)
  state.pending = null
  logEvent(state, now, 'System', `Configuration applied (${pending.changed.join(', ') || 'no changes'})`)
  const disabled = state.wans.filter((w) => enabledBefore.get(w.id) && !w.config.enable).map((w) => `"${w.config.name}"`)
  if (state.wans.every((w) => !w.config.enable)) return 'All WAN connections are disabled'
  if (disabled.length > 0) return `WAN connection ${disabled.join(', ')} disabled`
  return undefined
}

/** cmd.config.discard: forget staged changes. */
export function discardPending(state: EmulatorState, now: number): void {
  if (state.pending) logEvent(state, now, 'System', 'Pending configuration discarded')
  state.pending = null
}
