/**
 * Operations whose endpoint moved after 8.1.1, behind one method each, called the way the
 * router's firmware expects (firmware-differences.md, "Endpoints that moved after 8.1.1").
 */
import type { RouterClient, CallOptions } from './client'
import { UnsupportedError } from './errors'
import type { SignalReport, SimSelection, UssdReply } from './model'
import { signalReportsFromWans } from './normalize'

/**
 * Signal per WAN: `status.wan.connection.signal` where the firmware has it, otherwise
 * (8.5.2+, where it is gone) the same band data from `status.wan.connection`.
 */
export async function getSignal(client: RouterClient, params: { connId?: number[] } = {}, opts: CallOptions = {}): Promise<SignalReport[]> {
  if (client.supports('8.0.1') && !client.supports('8.5.2')) {
    try {
      return await client.api.signalLegacy(params, opts)
    } catch (err) {
      if (!(err instanceof UnsupportedError)) throw err
    }
  }
  const wans = await client.api.wanStatus(params.connId ? { id: params.connId } : {}, opts)
  return signalReportsFromWans(wans)
}

/** USSD: `cmd.sendUssd` up to 8.5.x, `cmd.sim.ussd.send` from 8.5.2; falls back once if refused. */
export async function sendUssd(client: RouterClient, params: { connId: number; simId?: 1 | 2; ussd: string }, opts: CallOptions = {}): Promise<UssdReply> {
  const modern = client.firmware !== undefined && client.supports('8.5.2')
  try {
    return modern ? await client.api.sendUssdSim(params, opts) : await client.api.sendUssdLegacy(params, opts)
  } catch (err) {
    if (!(err instanceof UnsupportedError) || client.firmware !== undefined) throw err
    return modern ? client.api.sendUssdLegacy(params, opts) : client.api.sendUssdSim(params, opts)
  }
}

export interface SimChoice {
  connId: number
  /** SIMs to use, in no particular order. */
  enabledSim: (1 | 2)[]
  /** The SIM to prefer, or null for no preference. */
  preferredSim: 1 | 2 | null
  /**
   * 8.3.0+: keep "remoteSim" in the priority list, after the physical SIMs, so choosing a
   * physical SIM does not silently remove a configured remote SIM (SIM Injector) as a fallback.
   */
  keepRemoteSim?: boolean
}

/**
 * Enabled and preferred SIMs: `enabledSim`/`preferredSim` before 8.3.0; from 8.3.0 the same
 * choice as an ordered `simPriority` list (preferred first).
 */
export async function setSims(client: RouterClient, choice: SimChoice, opts: CallOptions = {}): Promise<void> {
  if (client.firmware !== undefined && client.supports('8.3.0')) {
    const ordered = [...choice.enabledSim].sort((a, b) => (a === choice.preferredSim ? -1 : b === choice.preferredSim ? 1 : a - b))
    const list: ('1' | '2' | 'remoteSim')[] = ordered.map((s) => String(s) as '1' | '2')
    if (choice.keepRemoteSim) list.push('remoteSim')
    await client.api.setSimPriority({ connId: choice.connId, simPriority: list }, opts)
    return
  }
  await client.api.setSimSelectionLegacy({ connId: choice.connId, enabledSim: choice.enabledSim, preferredSim: choice.preferredSim }, opts)
}

/**
 * Which SIMs are enabled and preferred. Before 8.3.0 the router says so (`cmd.wan.cellular`
 * GET); from 8.3.0 that endpoint is POST-only, so the answer is derived from the SIMs the WAN
 * status reports and marked `derived`.
 */
export async function getSimSelection(client: RouterClient, connId: number, opts: CallOptions = {}): Promise<SimSelection & { derived: boolean }> {
  if (client.firmware === undefined || !client.supports('8.3.0')) {
    return { ...(await client.api.simSelection({ connId }, opts)), derived: false }
  }
  const [wan] = await client.api.wanStatus({ id: [connId] }, opts)
  const sims = wan?.cellular?.sims ?? []
  const detected = sims.filter((s) => s.detected).map((s) => s.id)
  return { enabledSims: detected, preferredSim: wan?.cellular?.activeSimId ?? null, derived: true }
}
