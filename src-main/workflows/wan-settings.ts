/**
 * The WAN settings a technician edits in the field, as the `config.wan.connection` entry the
 * router takes (the request schema then checks every value against the reference's ranges).
 */
import type { RouterClient } from '../peplink/client'
import { ValidationError } from '../peplink/errors'
import type { CarrierChoice, WanConfig } from '../peplink/model'
import { simName } from './types'
import { readWan } from './wan'

/** The WAN settings the Device section edits (config.wan.connection), each optional. */
export interface WanSettings {
  id: number
  name?: string
  enable?: boolean
  mtu?: number | null
  healthcheck?: { enable: boolean; type?: 'ping' | 'nslookup' | 'http' | 'smartcheck'; hosts?: string[]; timeout?: number; interval?: number; retry?: number; recovery?: number }
  /** The WAN's allowance monitor; a cellular WAN keeps one per SIM instead (`sims[].allowance`). */
  allowance?: AllowanceSettings
  sims?: { id: 1 | 2; apn?: string; apnUsername?: string; apnPassword?: string; simPin?: string | null; allowance?: AllowanceSettings }[]
}

/** A bandwidth allowance monitor as set: `action` is sent only when given (the router cannot report a SIM's). */
export interface AllowanceSettings {
  enable: boolean
  monthlyMb?: number
  /** Day of the month the cycle starts, 0-28 (0 = the last day). */
  start?: number
  action?: ('email' | 'disconnect' | 'restrict')[]
}

/** Each SIM's carrier selection as it must be re-sent (null = automatic), by SIM id. */
export type CarrierSelections = Partial<Record<1 | 2, CarrierChoice | null>>

/**
 * The carrier selection a SIM entry must carry: the reference makes `carrierSelection`
 * required in every SIM object, and sending null would reset a manual choice. The router
 * reports the selection of the active SIM only (cmd.carrier.scan's reference); another SIM is
 * sent as automatic, which the result says.
 */
export async function currentCarriers(client: RouterClient, connId: number, signal?: AbortSignal): Promise<CarrierSelections> {
  if (!client.supports('8.0.1')) return {}
  const scan = await client.api.carrierScanResult({ connId, reference: 'yes' }, { signal })
  if (scan.activeSimId !== 1 && scan.activeSimId !== 2) return {}
  return { [scan.activeSimId]: scan.selectedCarrier ?? null }
}

/** config.wan.connection's entry for the fields the Device section edits. */
export function wanConfigEntry(w: WanSettings, carriers: CarrierSelections = {}): Record<string, unknown> {
  const e: Record<string, unknown> = { id: w.id }
  if (w.name !== undefined) e.name = w.name
  if (w.enable !== undefined) e.enable = w.enable
  if (w.mtu !== undefined) e.physical = { mtu: w.mtu }
  if (w.healthcheck) {
    const h = w.healthcheck
    e.healthcheck = {
      enable: h.enable,
      ...(h.type ? { method: { type: h.type, ...(h.hosts ? { detail: { host: h.hosts } } : {}) } } : {}),
      ...(h.timeout !== undefined ? { timeout: h.timeout } : {}),
      ...(h.interval !== undefined ? { interval: h.interval } : {}),
      ...(h.retry !== undefined ? { retry: h.retry } : {}),
      ...(h.recovery !== undefined ? { recovery: h.recovery } : {}),
    }
  }
  if (w.allowance) e.bandwidthAllowanceMonitor = allowanceMonitor(w.allowance)
  if (w.sims?.length) {
    e.cellular = {
      sim: w.sims.map((s) => ({
        id: s.id,
        carrierSelection: carriers[s.id] ? [carriers[s.id]] : null,
        ...(s.apn !== undefined || s.apnUsername !== undefined || s.apnPassword !== undefined
          ? { operator: { ...(s.apn !== undefined ? { apn: s.apn } : {}), ...(s.apnUsername !== undefined ? { username: s.apnUsername } : {}), ...(s.apnPassword !== undefined ? { password: s.apnPassword } : {}) } }
          : {}),
        ...(s.simPin !== undefined ? { simPin: s.simPin } : {}),
        ...(s.allowance ? { bandwidthAllowanceMonitor: allowanceMonitor(s.allowance) } : {}),
      })),
    }
  }
  return e
}

/** The reference's BW_Allowance_Monitor_Obj, for a WAN or (on a cellular WAN) one SIM. */
function allowanceMonitor(a: AllowanceSettings): Record<string, unknown> {
  return {
    enable: a.enable,
    ...(a.monthlyMb !== undefined ? { monthlyAllowance: { value: a.monthlyMb, unit: 'MB' } } : {}),
    ...(a.start !== undefined ? { start: a.start } : {}),
    ...(a.action ? { action: a.action } : {}),
  }
}

/**
 * Saves WAN settings as a pending change. Where the WAN's type decides what may be sent (the
 * allowance monitor is per SIM on a cellular WAN; APN and PIN exist only there) it is read
 * first, so a wrong combination is refused with a sentence before anything is sent; SIM
 * entries carry the carrier selection the router must keep. The router reports the manual
 * carrier of the SIM in use only, so a SIM entry for the other SIM (or any SIM before 8.0.1)
 * sets its carrier to automatic, and `notice` says so.
 */
export async function saveWanSettings(client: RouterClient, w: WanSettings, signal?: AbortSignal): Promise<{ config: WanConfig[]; notice?: string }> {
  if (w.allowance || w.sims?.length) {
    const wan = await readWan(client, w.id, signal)
    if (wan?.type === 'cellular' && w.allowance)
      throw new ValidationError('allowance', `WAN ${w.id} is cellular, so its allowance monitor is set per SIM: give it with the SIM`)
    if (wan && wan.type !== 'cellular' && w.sims?.length)
      throw new ValidationError('sims', `WAN ${w.id} is ${wan.type}; APN, SIM PIN and per-SIM allowance are for a cellular WAN`)
  }
  const carriers = w.sims?.length ? await currentCarriers(client, w.id, signal) : undefined
  const config = await client.api.updateWanConfig({ action: 'update', list: [wanConfigEntry(w, carriers) as never] }, { signal })
  const unknown = (w.sims ?? []).filter((s) => !(s.id in (carriers ?? {}))).map((s) => simName(s.id))
  return unknown.length
    ? { config, notice: `${unknown.join(' and ')} will use automatic carrier selection once applied: the router reports the manual carrier of the SIM in use only, and every SIM entry must name one. Choose a carrier again from the Cellular section if it needs one.` }
    : { config }
}
