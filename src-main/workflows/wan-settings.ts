/**
 * The WAN settings a technician edits in the field, as the `config.wan.connection` entry the
 * router takes (the request schema then checks every value against the reference's ranges).
 */
import type { WanSettings } from '../../src-preload/contract'
import type { RouterClient } from '../peplink/client'
import type { CarrierChoice } from '../peplink/model'

/** Each SIM's carrier selection as it must be re-sent (null = automatic), by SIM id. */
export type CarrierSelections = Partial<Record<1 | 2, CarrierChoice | null>>

/**
 * The carrier selection a SIM entry must carry: the reference makes `carrierSelection`
 * required in every SIM object, and sending null would reset a manual choice. The router
 * reports the selection of the active SIM only (cmd.carrier.scan's reference); another SIM is
 * sent as automatic, which the result says.
 */
export async function currentCarriers(client: RouterClient, connId: number): Promise<CarrierSelections> {
  if (!client.supports('8.0.1')) return {}
  const scan = await client.api.carrierScanResult({ connId, reference: 'yes' })
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
  if (w.allowance) {
    const a = w.allowance
    e.bandwidthAllowanceMonitor = {
      enable: a.enable,
      ...(a.monthlyMb !== undefined ? { monthlyAllowance: { value: a.monthlyMb, unit: 'MB' } } : {}),
      ...(a.start !== undefined ? { start: a.start } : {}),
      ...(a.action ? { action: a.action } : {}),
    }
  }
  if (w.sims?.length) {
    e.cellular = {
      sim: w.sims.map((s) => ({
        id: s.id,
        carrierSelection: carriers[s.id] ? [carriers[s.id]] : null,
        ...(s.apn !== undefined || s.apnUsername !== undefined || s.apnPassword !== undefined
          ? { operator: { ...(s.apn !== undefined ? { apn: s.apn } : {}), ...(s.apnUsername !== undefined ? { username: s.apnUsername } : {}), ...(s.apnPassword !== undefined ? { password: s.apnPassword } : {}) } }
          : {}),
        ...(s.simPin !== undefined ? { simPin: s.simPin } : {}),
      })),
    }
  }
  return e
}
