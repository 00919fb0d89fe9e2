/**
 * Whether the cellular WAN is up, on which SIM, network and cell — derived from
 * the state and the clock at the moment of each request, so reconnects and scans
 * need no background timers.
 */
import type { Cell, CellularState, CellularWan, Led, Network, SignalBase, SimId, SimSlot } from './state-types'

export interface CellularLink {
  up: boolean
  /** Registered on a network (bands, carrier and mcc/mnc are reported). */
  attached: boolean
  message: string
  led: Led
  sim: SimSlot | null
  network: Network | null
  cell: Cell | null
  /** Secondary carrier-aggregation cells (at most `aggregatedCells`), each on its own channel. */
  secondaries: Cell[]
  roaming: boolean
}

/** mcc/mnc equality that ignores leading zeros ("6" is "06"). */
export function sameNetwork(a: { mcc: string; mnc: string }, b: { mcc: string; mnc: string }): boolean {
  return Number(a.mcc) === Number(b.mcc) && Number(a.mnc) === Number(b.mnc)
}

/** Preferred SIM if it is enabled and present, else the current one, else any enabled present SIM. */
export function resolveActiveSim(cs: CellularState): SimId | null {
  const usable = (id: SimId | null): id is SimId => id !== null && cs.enabledSim.includes(id) && cs.sims[id].detected
  if (usable(cs.preferredSim)) return cs.preferredSim
  if (usable(cs.activeSim)) return cs.activeSim
  return cs.enabledSim.find((id) => usable(id)) ?? null
}

/** Take the WAN down through the given phases ([duration ms, message]); it is up after the last. */
export function startTransition(wan: CellularWan, now: number, phases: [number, string][]): void {
  let at = now
  const list = phases.map(([ms, message]) => {
    at += ms
    return { until: at, message }
  })
  wan.cellular.transition = { phases: list }
  wan.upSince = at
}

function transitionMessage(cs: CellularState, now: number): string | null {
  const phase = cs.transition?.phases.find((p) => now < p.until)
  return phase ? phase.message : null
}

/** True while a carrier scan started by cmd.carrier.scan is still running. */
export function scanRunning(cs: CellularState, now: number): boolean {
  return cs.carrierScan !== null && now < cs.carrierScan.endsAt
}

function registeredNetwork(cs: CellularState, sim: SimSlot): Network | null | 'absent' {
  if (sim.selectedCarrier) {
    const chosen = sim.selectedCarrier
    return cs.networks.find((n) => sameNetwork(n, chosen)) ?? 'absent'
  }
  return cs.networks.find((n) => sameNetwork(n, sim.home)) ?? cs.networks.find((n) => n.mobileType === 'LTE') ?? null
}

function servingCell(cs: CellularState, sim: SimSlot, net: Network): Cell | null | 'absent' {
  const cells = cs.cells.filter((c) => sameNetwork(c, net))
  if (sim.lock) {
    const lock = sim.lock
    return cells.find((c) => c.earfcn === lock.channel && (lock.pci === undefined || c.pci === lock.pci)) ?? 'absent'
  }
  return cells[0] ?? null
}

/** True when the SIM's allowance is used up and the monitor disconnects the WAN. */
export function allowanceCutsOff(sim: SimSlot): boolean {
  const a = sim.allowance
  return a.enable && a.usageMb >= a.limitMb && a.action.includes('disconnect')
}

function down(message: string, led: Led, sim: SimSlot | null = null): CellularLink {
  return { up: false, attached: false, message, led, sim, network: null, cell: null, secondaries: [], roaming: false }
}

/** Up on the SpeedFusion Connect eSIM: no physical SIM is in use. */
function onEsim(cs: CellularState, net: Network): CellularLink {
  const cell = cs.cells.find((c) => sameNetwork(c, net)) ?? null
  return { up: true, attached: true, message: 'Connected', led: 'green', sim: null, network: net, cell, secondaries: [], roaming: false }
}

/** The link as the router would report it right now. */
export function cellularLink(wan: CellularWan, now: number): CellularLink {
  const cs = wan.cellular
  if (!wan.config.enable) return down('Disabled', 'gray')
  if (scanRunning(cs, now)) return down('Scanning network...', 'yellow')
  const phase = transitionMessage(cs, now)
  if (phase) return down(phase, 'yellow', cs.activeSim ? cs.sims[cs.activeSim] : null)
  if (cs.fault) return down(cs.fault, 'red')
  if (cs.sfc?.active) return onEsim(cs, cs.sfc.network)
  const simId = cs.activeSim
  if (simId === null || !cs.sims[simId].detected || !cs.enabledSim.includes(simId)) {
    return down('No SIM Card Detected', 'red')
  }
  const sim = cs.sims[simId]
  const net = registeredNetwork(cs, sim)
  if (net === 'absent') return down('Unable to register to selected network', 'red', sim)
  if (net === null) return down('No Service', 'red', sim)
  const cell = servingCell(cs, sim, net)
  if (cell === 'absent') return down('Unable to connect to the locked channel', 'red', sim)
  const secondaries: Cell[] = []
  if (cell && !sim.lock && !cs.signalOverride && cell.rat === 'LTE') {
    for (const c of cs.cells) {
      if (secondaries.length >= cs.aggregatedCells) break
      if (c !== cell && c.rat === 'LTE' && sameNetwork(c, net) && c.earfcn !== cell.earfcn && !secondaries.some((s) => s.earfcn === c.earfcn)) secondaries.push(c)
    }
  }
  const roaming = Number(net.mcc) !== Number(sim.home.mcc)
  const base = { attached: true, sim, network: net, cell, secondaries, roaming }
  if (allowanceCutsOff(sim)) return { ...base, up: false, message: 'Bandwidth allowance exceeded', led: 'red' }
  return { ...base, up: true, message: 'Connected', led: 'green' }
}

/** Clear finished transitions so state reads cleanly between requests. */
export function settleCellular(wan: CellularWan, now: number): void {
  const t = wan.cellular.transition
  if (t && now >= t.phases[t.phases.length - 1].until) wan.cellular.transition = null
}

function wobble(now: number, period: number, salt: number): number {
  return Math.sin(now / period + salt)
}

function jitter(now: number, salt: number): number {
  const x = Math.sin(Math.floor(now / 1000) * 12.9898 + salt * 78.233) * 43758.5453
  return (x - Math.floor(x)) * 2 - 1
}

const round1 = (v: number): number => Math.round(v * 10) / 10

/** A cell's signal at `now`: the base values plus a slow wobble when drift is on. */
export function signalNow(cell: Cell, override: SignalBase | null, now: number): SignalBase {
  const base = override ?? cell.signal
  if (!base.drift) return { ...base }
  const salt = cell.pci % 17
  const j = jitter(now, salt)
  const out: SignalBase = {
    rsrp: Math.round(base.rsrp + 2 * wobble(now, 9000, salt) + j),
    rsrq: round1(base.rsrq + 0.8 * wobble(now, 13000, salt)),
    sinr: round1(base.sinr + 1.5 * wobble(now, 7000, salt) + 0.5 * j),
    rssi: Math.round(base.rssi + 2 * wobble(now, 11000, salt)),
    drift: true,
  }
  if (base.rscp !== undefined) out.rscp = Math.round(base.rscp + 2 * wobble(now, 9000, salt))
  if (base.ecio !== undefined) out.ecio = round1(base.ecio + 0.5 * wobble(now, 8000, salt))
  return out
}

/** 0–5 bars: the lower of an RSRP grade and a SINR grade (WCDMA uses RSCP). */
export function signalLevel(sig: SignalBase, rat: 'LTE' | '3G'): number {
  if (rat === '3G') {
    const rscp = sig.rscp ?? -120
    return rscp >= -75 ? 5 : rscp >= -85 ? 4 : rscp >= -95 ? 3 : rscp >= -105 ? 2 : 1
  }
  const p = sig.rsrp >= -90 ? 5 : sig.rsrp >= -100 ? 4 : sig.rsrp >= -108 ? 3 : sig.rsrp >= -115 ? 2 : 1
  const s = sig.sinr >= 13 ? 5 : sig.sinr >= 8 ? 4 : sig.sinr >= 4 ? 3 : sig.sinr >= 0 ? 2 : 1
  return Math.min(p, s)
}
