/**
 * The WAN settings a technician edits in the field, as the `config.wan.connection` entry the
 * router takes (the request schema then checks every value against the reference's ranges).
 */
import type { WanSettings } from '../../src-preload/contract'

/** config.wan.connection's entry for the fields the Device section edits. */
export function wanConfigEntry(w: WanSettings): Record<string, unknown> {
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
        ...(s.apn !== undefined || s.apnUsername !== undefined || s.apnPassword !== undefined
          ? { operator: { ...(s.apn !== undefined ? { apn: s.apn } : {}), ...(s.apnUsername !== undefined ? { username: s.apnUsername } : {}), ...(s.apnPassword !== undefined ? { password: s.apnPassword } : {}) } }
          : {}),
        ...(s.simPin !== undefined ? { simPin: s.simPin } : {}),
      })),
    }
  }
  return e
}
